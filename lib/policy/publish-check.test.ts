import { describe, expect, it } from "vitest";
import { DraftSchema, PublishDraftSchema } from "@/lib/policy/draft-schema";
import { checkPublishable, checkTranslationPublishable } from "@/lib/policy/publish-check";

const today = new Date("2026-11-29T00:00:00Z");
const draft = DraftSchema.parse({
  title: "Privacy Policy",
  summary: "How [LEGAL ENTITY NAME] handles data.",
  markdown: "## Contact\n\nWrite to [PRIVACY EMAIL] within [REPLY TIME].\n",
  changeSummary: "New contact section.",
  placeholders: { "[LEGAL ENTITY NAME]": { setting: "legalName" }, "[PRIVACY EMAIL]": { setting: "privacyEmail" }, "[REPLY TIME]": { text: "30 days" } },
  effectiveAt: "2026-11-29",
});

describe("checkPublishable", () => {
  it("resolves every placeholder: settings become {{fields}}, texts are written in", () => {
    expect(checkPublishable(draft, today)).toEqual({
      title: "Privacy Policy",
      summary: "How {{legalName}} handles data.",
      changeSummary: "New contact section.",
      sections: [{ id: "contact", heading: "Contact", blocks: [{ kind: "p", text: "Write to {{privacyEmail}} within 30 days." }] }],
      effectiveAt: today,
    });
  });

  it.each([
    ["a blank in the summary", { placeholders: { ...draft.placeholders, "[LEGAL ENTITY NAME]": undefined } }, "UNMAPPED_PLACEHOLDER", "Not yet done: [LEGAL ENTITY NAME]."],
    ["a blank filled with another blank", { placeholders: { ...draft.placeholders, "[REPLY TIME]": { text: "[DAYS] days" } } }, "UNMAPPED_PLACEHOLDER", "A text you filled in is itself a placeholder: [DAYS]."],
    ["a misspelt field", { markdown: "## Contact\n\nWrite to {{privacyMail}}.\n" }, "UNKNOWN_FIELD", "No setting is called {{privacyMail}}."],
    ["yesterday", { effectiveAt: "2026-11-28" }, "EFFECTIVE_DATE_PAST", "Choose today (2026-11-29) or a later date"],
    ["Markdown with problems", { markdown: "## Contact\n\n# Big\n\n*x*\n" }, "MARKDOWN_INVALID", "Line 3: Only “## ” headings are supported, one per section; this is “#”. Use “## Heading”, or plain text. (and 1 more problem, listed under the preview)"],
  ])("refuses %s with its code and a specific message", (_name, changes, code, message) => {
    const changed = { ...draft, ...changes, placeholders: Object.fromEntries(Object.entries({ ...draft.placeholders, ...(changes as { placeholders?: object }).placeholders }).filter(([, v]) => v)) };
    expect(() => checkPublishable(changed as typeof draft, today)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

describe("the draft's schema", () => {
  it("reads its own output again, as the action and the domain both parse it", () => {
    const input = { draftId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", baseUpdatedAt: "2026-11-29T10:00:00.000Z", ...draft, changeSummary: "", effectiveAt: "", version: "" };
    const once = PublishDraftSchema.parse(input);
    expect(once).toMatchObject({ changeSummary: null, effectiveAt: null });
    expect(PublishDraftSchema.parse(once)).toEqual(once);
  });

  it("refuses an impossible date, the comparison page's name, and a text the editor could not send", () => {
    const issues = PublishDraftSchema.safeParse({ draftId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", baseUpdatedAt: "2026-11-29T10:00:00.000Z", ...draft, effectiveAt: "2026-02-30", version: "Compare", markdown: "x".repeat(48_001) }).error!.issues;
    expect(Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      effectiveAt: "Enter the date as YYYY-MM-DD, such as 2026-12-01",
      version: "That name is taken by the comparison page: choose another",
      markdown: "The policy is longer than 48,000 characters, more than the editor can send: shorten it.",
    });
  });
});

describe("checkTranslationPublishable", () => {
  const original = [
    { id: "contact", heading: "Contact", blocks: [{ kind: "p" as const, text: "Write to us." }] },
    { id: "your-rights", heading: "Your rights", blocks: [{ kind: "p" as const, text: "Ask us." }] },
  ];
  const german = (markdown: string) => DraftSchema.parse({ ...draft, title: "Datenschutzerklärung", markdown, effectiveAt: "" });

  it("takes a translation that keeps the version's anchors, with the placeholders resolved and no date of its own", () => {
    const text = checkTranslationPublishable(german("## Kontakt {#contact}\n\nSchreiben Sie an [PRIVACY EMAIL].\n\n## Ihre Rechte {#your-rights}\n\nFragen Sie uns.\n"), original);
    expect(text.sections.map((s) => [s.id, s.heading])).toEqual([
      ["contact", "Kontakt"],
      ["your-rights", "Ihre Rechte"],
    ]);
    expect(text.sections[0]!.blocks).toEqual([{ kind: "p", text: "Schreiben Sie an {{privacyEmail}}." }]);
    expect(text).not.toHaveProperty("effectiveAt");
  });

  it("refuses anchors that differ from the version's: missing, added or moved, naming them", () => {
    // A translated heading without its {#anchor} gets another one from its words.
    expect(() => checkTranslationPublishable(german("## Kontakt\n\nText.\n\n## Ihre Rechte {#your-rights}\n\nText.\n"), original)).toThrow(
      expect.objectContaining({ code: "ANCHORS_MISMATCH", message: expect.stringContaining("missing {#contact}; not in the version: {#kontakt}") }),
    );
    expect(() => checkTranslationPublishable(german("## Ihre Rechte {#your-rights}\n\nText.\n\n## Kontakt {#contact}\n\nText.\n"), original)).toThrow(
      expect.objectContaining({ code: "ANCHORS_MISMATCH", message: expect.stringContaining("in another order") }),
    );
  });

  it("runs the version's own checks first: a blank left unmapped is refused", () => {
    const unmapped = DraftSchema.parse({ ...draft, markdown: "## Kontakt {#contact}\n\n[NEW BLANK].\n\n## Rechte {#your-rights}\n\nText.\n", effectiveAt: "" });
    expect(() => checkTranslationPublishable(unmapped, original)).toThrow(expect.objectContaining({ code: "UNMAPPED_PLACEHOLDER" }));
  });
});
