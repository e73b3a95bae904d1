import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getDraft, policyHistory, publishDraft, saveDraft } from "@/lib/policy/drafts";
import { getCurrentPolicy } from "@/lib/policy/queries";
import { policyForReader } from "@/lib/policy/reader";
import { publishTranslation, startTranslation } from "@/lib/policy/translation-drafts";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let admin: StaffUser;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  officer = await createStaff("OFFICER");
});

async function translationDraft(language: "de" | "es" | "fr", version = "2026-05-21") {
  const { id } = await startTranslation(db, { version, language }, admin);
  const draft = (await getDraft(db, id))!;
  return {
    draft,
    input: (changes: { markdown?: string; title?: string } = {}) => ({
      draftId: id,
      baseUpdatedAt: draft.updatedAt.toISOString(),
      title: draft.title,
      summary: draft.summary,
      markdown: draft.markdown,
      changeSummary: draft.changeSummary ?? "",
      placeholders: {},
      effectiveAt: "",
      ...changes,
    }),
  };
}

/** The draft's text with its first heading translated, its anchor kept. */
function spanish(markdown: string): string {
  return markdown.replace("## Who we are and what this policy covers {#who-we-are}", "## Quiénes somos y qué cubre esta política {#who-we-are}");
}

describe("translating a published version", () => {
  it("starts a draft in the chosen language from the version's text, and records who did", async () => {
    const { draft } = await translationDraft("es");
    expect(draft).toMatchObject({ language: "es", translationOf: "2026-05-21", title: "Privacy Policy" });
    expect(draft.markdown).toMatch(/^## Who we are and what this policy covers \{#who-we-are\}/);
    const [latest] = await policyHistory(db, 1);
    expect(latest).toMatchObject({ action: "policy.translation_started", by: admin.email, data: { draftId: draft.id, version: "2026-05-21", language: "es" } });
  });

  it("refuses the version's own language and a language it is published in, and anyone without policy.manage", async () => {
    await expect(startTranslation(db, { version: "2026-05-21", language: "en" }, admin)).rejects.toMatchObject({ code: "TRANSLATION_SAME_LANGUAGE" });
    // The seed published the German and Brazilian Portuguese translations.
    await expect(startTranslation(db, { version: "2026-05-21", language: "de" }, admin)).rejects.toMatchObject({ code: "TRANSLATION_EXISTS" });
    await expect(startTranslation(db, { version: "2026-05-21", language: "pt-BR" }, admin)).rejects.toMatchObject({ code: "TRANSLATION_EXISTS" });
    await expect(startTranslation(db, { version: "1999-01-01", language: "fr" }, admin)).rejects.toMatchObject({ code: "VERSION_NOT_FOUND" });
    await expect(startTranslation(db, { version: "2026-05-21", language: "fr" }, officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("publishes the draft as the version's translation in one step: the draft goes, French readers read it, the step is audited", async () => {
    const { draft, input } = await translationDraft("fr");
    const markdown = draft.markdown.replace("## Who we are and what this policy covers {#who-we-are}", "## Qui nous sommes {#who-we-are}");
    const published = await publishTranslation(db, input({ title: "Politique de confidentialité", markdown }), admin);
    expect(published).toEqual({ version: "2026-05-21", language: "fr" });
    expect(await getDraft(db, draft.id)).toBeNull();
    const read = await policyForReader((await getCurrentPolicy())!, "fr");
    expect(read).toMatchObject({ title: "Politique de confidentialité", language: "fr", fallback: false });
    expect(read.sections[0]).toMatchObject({ id: "who-we-are", heading: "Qui nous sommes" });
    const [latest] = await policyHistory(db, 1);
    expect(latest).toMatchObject({ action: "policy.translation_published", by: admin.email, data: { draftId: draft.id, version: "2026-05-21", language: "fr" } });
    // Published once: a second draft into French is refused, and so is publishing one started before.
    await expect(startTranslation(db, { version: "2026-05-21", language: "fr" }, admin)).rejects.toMatchObject({ code: "TRANSLATION_EXISTS" });
  });

  it("refuses a translation whose section anchors differ from the version's, changing nothing", async () => {
    const { draft, input } = await translationDraft("es");
    const before = await db.policyTranslation.count();
    // A translated heading without its {#anchor} would get another anchor from its words.
    const markdown = draft.markdown.replace("## Who we are and what this policy covers {#who-we-are}", "## Quiénes somos");
    await expect(publishTranslation(db, input({ markdown }), admin)).rejects.toMatchObject({ code: "ANCHORS_MISMATCH", message: expect.stringContaining("missing {#who-we-are}") });
    expect(await db.policyTranslation.count()).toBe(before);
    expect(await getDraft(db, draft.id)).not.toBeNull();
    // Saved and published with the anchor kept, it goes through.
    const saved = await saveDraft(db, input({ markdown: spanish(draft.markdown) }), admin);
    await publishTranslation(db, { ...input({ markdown: spanish(draft.markdown) }), baseUpdatedAt: saved.updatedAt.toISOString() }, admin);
    expect((await policyForReader((await getCurrentPolicy())!, "es")).sections[0]!.heading).toBe("Quiénes somos y qué cubre esta política");
  });

  it("refuses a second translation into a language published meanwhile, and a translation draft published as a version", async () => {
    // The earlier version has no German yet (the seed translated the current one).
    const first = await translationDraft("de", "2025-09-01");
    const second = await translationDraft("de", "2025-09-01");
    await publishTranslation(db, first.input(), admin);
    await expect(publishTranslation(db, second.input(), admin)).rejects.toMatchObject({ code: "TRANSLATION_EXISTS" });
    await expect(publishDraft(db, { ...second.input(), effectiveAt: new Date().toISOString().slice(0, 10), version: "" }, admin)).rejects.toMatchObject({ code: "IS_TRANSLATION" });
  });

  it("keeps a published translation frozen: the database refuses to change or delete it", async () => {
    const translation = await db.policyTranslation.findFirstOrThrow({ where: { language: "es" } });
    await expect(db.policyTranslation.update({ where: { id: translation.id }, data: { title: "Changed" } })).rejects.toThrow(/published: UPDATE refused/);
    await expect(db.policyTranslation.delete({ where: { id: translation.id } })).rejects.toThrow(/published: DELETE refused/);
    expect((await db.policyTranslation.findUniqueOrThrow({ where: { id: translation.id } })).title).toBe(translation.title);
  });
});
