import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/policy/content";
import { anchorMismatch, chooseText, compareLanguage, languagesOf, type PolicyText } from "@/lib/policy/reader-text";

const sections = [{ id: "who-we-are", heading: "Who we are", blocks: [{ kind: "p" as const, text: "We are {{legalName}}." }] }];
const policy: Policy = {
  id: "00000000-0000-0000-0000-000000000001",
  version: "2026-05-21",
  title: "Privacy Policy",
  summary: "How we handle data.",
  changeSummary: null,
  sections,
  effectiveAt: new Date("2026-05-21T00:00:00Z"),
  updatedAt: new Date("2026-05-21T00:00:00Z"),
  status: "current",
  language: "en",
};
const german: PolicyText = {
  language: "de",
  title: "Datenschutzerklärung",
  summary: "Wie wir mit Daten umgehen.",
  changeSummary: "Neu.",
  sections: [{ id: "who-we-are", heading: "Wer wir sind", blocks: [{ kind: "p", text: "Wir sind {{legalName}}." }] }],
};

describe("chooseText", () => {
  it("gives the version's own words to a reader of its language", () => {
    expect(chooseText(policy, null, "en")).toEqual({ ...policy, fallback: false });
  });

  it("gives the translation's words, in its language, with the version's name and dates", () => {
    const read = chooseText(policy, german, "de");
    expect(read).toMatchObject({ title: "Datenschutzerklärung", changeSummary: "Neu.", language: "de", fallback: false, version: "2026-05-21", status: "current" });
    expect(read.sections[0]!.heading).toBe("Wer wir sind");
  });

  it("falls back to the version's own words, saying so, when there is no translation into the reader's language", () => {
    expect(chooseText(policy, null, "fr")).toMatchObject({ title: "Privacy Policy", language: "en", fallback: true });
    // A translation into another language is not the reader's.
    expect(chooseText(policy, german, "fr")).toMatchObject({ language: "en", fallback: true });
  });
});

describe("compareLanguage", () => {
  const en = { language: "en" as const, translations: [] };
  const enDe = { language: "en" as const, translations: [{ language: "de" as const }] };

  it("compares in the reader's language when both versions have it, else in a language both share", () => {
    expect(compareLanguage(enDe, enDe, "de")).toBe("de");
    expect(compareLanguage(en, enDe, "de")).toBe("en");
    expect(compareLanguage(en, en, "en")).toBe("en");
  });

  it("finds none when the two share no language", () => {
    expect(compareLanguage({ language: "fr", translations: [] }, { language: "es", translations: [] }, "de")).toBeNull();
  });

  it("lists a version's own language first", () => {
    expect(languagesOf({ language: "en", translations: [{ language: "pt-BR" }, { language: "de" }] })).toEqual(["en", "pt-BR", "de"]);
  });
});

describe("anchorMismatch", () => {
  const s = (id: string) => ({ id, heading: id, blocks: [{ kind: "p" as const, text: "x" }] });
  it("is null for the same anchors in the same order, and names what differs otherwise", () => {
    expect(anchorMismatch([s("a"), s("b")], [s("a"), s("b")])).toBeNull();
    expect(anchorMismatch([s("a"), s("b")], [s("a"), s("c")])).toEqual({ missing: ["b"], extra: ["c"], reordered: false });
    expect(anchorMismatch([s("a"), s("b")], [s("b"), s("a")])).toEqual({ missing: [], extra: [], reordered: true });
  });
});
