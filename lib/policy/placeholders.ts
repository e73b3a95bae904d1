import { z } from "zod";
import type { PolicySection } from "@/lib/policy/content";
import { PLACEHOLDER_NAMES, type PlaceholderName } from "@/lib/policy/render";
import { mapSectionTexts } from "@/lib/policy/section-texts";

// Two kinds of placeholder. `{{legalName}}` names one of the operator's settings and is filled each
// time the page renders (render.ts). `[PRIVACY EMAIL]` is how policy templates mark a blank to
// fill: pasting one in lists each such blank, and the admin maps it to a setting (published as the
// `{{setting}}`) or fills it once with a text (published as that text). A version is published
// with neither kind left open. Pure, and safe in client components.

/**
 * A square-bracket placeholder: on one line, no brackets inside, starting with a word of two or
 * more capitals ([DATE], [PRIVACY EMAIL], [COMPANY NUMBER, IF APPLICABLE], [NAME OR “Not
 * appointed”]). A footnote mark ([1], [a]) or a bracketed aside in lower case ([sic]) is not one.
 */
const SQUARE = /\[([A-Z][A-Z0-9]+\b[^[\]\n]{0,118})\]/g;
const CURLY = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type FoundPlaceholder = { name: string; count: number; line: number };

/** Each `[PLACEHOLDER]` in the text, in order of first appearance, with how often it appears and its first line. */
export function findSquarePlaceholders(text: string): FoundPlaceholder[] {
  const found = new Map<string, FoundPlaceholder>();
  for (const match of text.matchAll(SQUARE)) {
    const name = match[0];
    const entry = found.get(name);
    if (entry) entry.count += 1;
    else found.set(name, { name, count: 1, line: text.slice(0, match.index).split("\n").length });
  }
  return [...found.values()];
}

/** Each `{{field}}` whose name is not one of the settings a policy can show, such as `{{phone}}`. */
export function findUnknownFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(CURLY)) {
    if (!(PLACEHOLDER_NAMES as readonly string[]).includes(match[1]!)) unknown.add(match[0]);
  }
  return [...unknown];
}

export const PlaceholderMappingSchema = z.union([
  z.object({ setting: z.enum(PLACEHOLDER_NAMES, { error: "Choose one of the settings" }) }),
  z.object({
    text: z
      .string()
      .trim()
      .min(1, "Enter the text to fill in, or choose a setting")
      .max(500, "Keep this under 500 characters")
      .refine((v) => !/[\n\r\u0000-\u001f\u007f]/.test(v), "Keep this on one line, without control characters"),
  }),
]);
export type PlaceholderMapping = z.infer<typeof PlaceholderMappingSchema>;
export const PlaceholderMappingsSchema = z.record(z.string().regex(squareAlone(), "Not a placeholder"), PlaceholderMappingSchema);
export type PlaceholderMappings = z.infer<typeof PlaceholderMappingsSchema>;

function squareAlone(): RegExp {
  return new RegExp(`^${SQUARE.source}$`);
}

// Names templates use for the operator's settings, compared in capitals with punctuation dropped
// and anything after a comma ignored ("[COMPANY NUMBER, IF APPLICABLE]" is "COMPANY NUMBER").
const SUGGESTIONS: Record<string, PlaceholderName> = {
  "LEGAL ENTITY NAME": "legalName",
  "LEGAL NAME": "legalName",
  "COMPANY NAME": "legalName",
  "COMPANY LEGAL NAME": "legalName",
  "ENTITY NAME": "legalName",
  "PRODUCT NAME": "productName",
  "SERVICE NAME": "productName",
  "APP NAME": "productName",
  WEBSITE: "websiteUrl",
  "WEBSITE URL": "websiteUrl",
  "WEBSITE ADDRESS": "websiteUrl",
  "PRIVACY EMAIL": "privacyEmail",
  "PRIVACY CONTACT EMAIL": "privacyEmail",
  "SUPPORT EMAIL": "supportEmail",
  "DPO NAME": "dpoName",
  "DPO EMAIL": "dpoEmail",
  "DATA PROTECTION OFFICER": "dpoName",
  "EU REPRESENTATIVE": "euRepresentative",
  "UK REPRESENTATIVE": "ukRepresentative",
  "REGISTERED ADDRESS": "registeredAddress",
  "COMPANY ADDRESS": "registeredAddress",
  "COMPANY NUMBER": "companyNumber",
  "REGISTRATION NUMBER": "companyNumber",
  "COMPANY REGISTRATION NUMBER": "companyNumber",
};

/** The setting a well-known placeholder obviously means, offered to the admin to confirm; null when none does. */
export function suggestSetting(placeholder: string): PlaceholderName | null {
  const key = placeholder
    .replace(/^\[|\]$/g, "")
    .split(",")[0]!
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .toUpperCase();
  return SUGGESTIONS[key] ?? null;
}

/** The placeholders found in `texts` that have no mapping yet. */
export function unmappedPlaceholders(texts: string[], mappings: PlaceholderMappings): string[] {
  return findSquarePlaceholders(texts.join("\n")).map((p) => p.name).filter((name) => !mappings[name]);
}

/** The text with each mapped `[PLACEHOLDER]` replaced: a setting by its `{{field}}`, a text by itself. Unmapped ones stay. */
export function applyPlaceholders(text: string, mappings: PlaceholderMappings): string {
  return text.replace(SQUARE, (match) => {
    const mapping = mappings[match];
    if (!mapping) return match;
    return "setting" in mapping ? `{{${mapping.setting}}}` : mapping.text;
  });
}

/** The sections with their placeholders filled (after parsing, so a filled-in text is never read as Markdown). */
export function applyPlaceholdersToSections(sections: PolicySection[], mappings: PlaceholderMappings): PolicySection[] {
  return mapSectionTexts(sections, (text) => applyPlaceholders(text, mappings));
}
