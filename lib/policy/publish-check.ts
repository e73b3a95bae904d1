import { DomainError } from "@/lib/actions/domain-error";
import { PolicySectionsSchema, type PolicySection } from "@/lib/policy/content";
import type { DraftValues } from "@/lib/policy/draft-schema";
import { parsePolicyMarkdown } from "@/lib/policy/markdown";
import { applyPlaceholders, applyPlaceholdersToSections, findSquarePlaceholders, findUnknownFields, unmappedPlaceholders } from "@/lib/policy/placeholders";
import { anchorMismatch } from "@/lib/policy/reader-text";
import { PLACEHOLDER_NAMES } from "@/lib/policy/render";

// What a draft must be before it becomes a published version, which can never be edited again.
// Pure: the editor runs the same checks in the browser to say what stands in the way, and the
// server runs them again when publishing.

/** Which field of the editor each refusal is about, so the form shows its message there. */
export const PUBLISH_REFUSAL_FIELDS = {
  TITLE_REQUIRED: "title",
  SUMMARY_REQUIRED: "summary",
  MARKDOWN_INVALID: "markdown",
  UNMAPPED_PLACEHOLDER: "placeholders",
  UNKNOWN_FIELD: "markdown",
  EFFECTIVE_DATE_REQUIRED: "effectiveAt",
  EFFECTIVE_DATE_PAST: "effectiveAt",
  VERSION_TAKEN: "version",
  ANCHORS_MISMATCH: "markdown",
} as const;
export type PublishRefusalCode = keyof typeof PUBLISH_REFUSAL_FIELDS;

export type PublishableText = { title: string; summary: string; changeSummary: string | null; sections: PolicySection[] };
export type Publishable = PublishableText & { effectiveAt: Date };

function refuse(code: PublishRefusalCode, message: string): never {
  throw new DomainError(code, message);
}

function list(names: string[]): string {
  return names.join(", ");
}

/**
 * The version `draft` would publish, with every placeholder resolved, or a DomainError naming
 * the first thing in the way. `today` is the operator's calendar day (midnight UTC of it).
 */
export function checkPublishable(draft: DraftValues, today: Date): Publishable {
  const text = checkText(draft);
  if (!draft.effectiveAt) refuse("EFFECTIVE_DATE_REQUIRED", "Choose the date this version takes effect.");
  const effectiveAt = new Date(`${draft.effectiveAt}T00:00:00Z`);
  if (effectiveAt < today) {
    refuse("EFFECTIVE_DATE_PAST", `Choose today (${today.toISOString().slice(0, 10)}) or a later date: a published version cannot take effect in the past.`);
  }
  return { ...text, effectiveAt };
}

/**
 * The translation `draft` would publish of a version whose sections are `original`: the same
 * checks as a version's text, and the same section anchors in the same order, so a link to
 * /privacy#your-rights lands on that section in every language. It takes the version's dates.
 */
export function checkTranslationPublishable(draft: DraftValues, original: PolicySection[]): PublishableText {
  const text = checkText(draft);
  const mismatch = anchorMismatch(original, text.sections);
  if (mismatch) {
    const parts = [
      mismatch.missing.length ? `missing ${list(mismatch.missing.map((id) => `{#${id}}`))}` : null,
      mismatch.extra.length ? `not in the version: ${list(mismatch.extra.map((id) => `{#${id}}`))}` : null,
      mismatch.reordered ? "in another order" : null,
    ].filter(Boolean);
    refuse(
      "ANCHORS_MISMATCH",
      `A translation has the version's sections, with the same anchors in the same order (${list(original.map((s) => `{#${s.id}}`))}), so links to them work in every language. This one's are ${parts.join("; ")}. Keep each “## Heading {#anchor}” as the version has it, translating only the heading.`,
    );
  }
  return text;
}

function checkText(draft: DraftValues): PublishableText {
  if (!draft.title) refuse("TITLE_REQUIRED", "Enter the policy's title.");
  if (!draft.summary) refuse("SUMMARY_REQUIRED", "Enter a summary: one or two sentences at the top of the policy.");
  const parsed = parsePolicyMarkdown(draft.markdown);
  if (!parsed.ok) {
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problem${parsed.problems.length > 2 ? "s" : ""}, listed under the preview)` : "";
    refuse("MARKDOWN_INVALID", `The policy text cannot be published as it is. ${parsed.problems[0]!.message}${more}`);
  }

  const texts = [draft.title, draft.summary, draft.markdown, draft.changeSummary ?? ""];
  const unmapped = unmappedPlaceholders(texts, draft.placeholders);
  if (unmapped.length) {
    refuse("UNMAPPED_PLACEHOLDER", `Map each placeholder to a setting or fill it in before publishing. Not yet done: ${list(unmapped)}.`);
  }
  const fill = (text: string) => applyPlaceholders(text, draft.placeholders);
  const filled = {
    title: fill(draft.title),
    summary: fill(draft.summary),
    changeSummary: draft.changeSummary === null ? null : fill(draft.changeSummary),
    sections: applyPlaceholdersToSections(parsed.sections, draft.placeholders),
  };
  const filledTexts = [filled.title, filled.summary, filled.changeSummary ?? "", JSON.stringify(filled.sections)];
  const left = findSquarePlaceholders(filledTexts.join("\n")).map((p) => p.name);
  if (left.length) refuse("UNMAPPED_PLACEHOLDER", `A text you filled in is itself a placeholder: ${list(left)}. Fill in the real text.`);
  const unknown = findUnknownFields(filledTexts.join("\n"));
  if (unknown.length) {
    refuse("UNKNOWN_FIELD", `No setting is called ${list(unknown)}. Use one of ${PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(", ")}, or remove the braces.`);
  }
  return { ...filled, sections: PolicySectionsSchema.parse(filled.sections) };
}
