// Saved texts' placeholders (issue 13): {{requesterName}}, {{reference}}, {{dueDate}}, {{law}},
// filled from the request when an officer picks the text. Pure: the page fills them on the server
// and the browser only puts the result in the form.

export const TEMPLATE_PLACEHOLDERS = ["requesterName", "reference", "dueDate", "law"] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders a text uses that the portal does not know, for the admin's form. */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** The text with every placeholder replaced by the request's value ("" where the request has none). */
export function fillTemplate(body: string, values: Partial<Record<TemplatePlaceholder, string | null>>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => ((TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as TemplatePlaceholder] ?? "") : whole));
}
