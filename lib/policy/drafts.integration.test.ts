import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { PublishDraftInput } from "@/lib/policy/draft-schema";
import { createDraft, deleteDraft, getDraft, listDrafts, policyHistory, publishDraft, saveDraft } from "@/lib/policy/drafts";
import { parsePolicyMarkdown } from "@/lib/policy/markdown";
import { getCurrentPolicy, getPolicyVersion } from "@/lib/policy/queries";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";
import { policyVersions } from "@/prisma/seed-data/policy-versions";

let admin: StaffUser;
let other: StaffUser;

// "Now" for these tests: the seeded current version is older, so a version effective today takes over.
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const DAY = 24 * 60 * 60 * 1000;
const dayOffset = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  await seed(db);
  await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
  admin = await createStaff("ADMIN");
  other = await createStaff("ADMIN");
});

async function openDraft(from: { version: string } | null = { version: "2026-05-21" }) {
  const { id } = await createDraft(db, from, admin, NOW);
  const draft = (await getDraft(db, id))!;
  return {
    draft,
    input: (changes: Partial<PublishDraftInput> = {}): PublishDraftInput => ({
      draftId: id,
      baseUpdatedAt: draft.updatedAt.toISOString(),
      title: draft.title,
      summary: draft.summary,
      markdown: draft.markdown,
      changeSummary: "",
      placeholders: {},
      effectiveAt: "",
      version: "",
      ...changes,
    }),
  };
}

async function snapshot() {
  const [versions, drafts, events] = await Promise.all([
    db.policyVersion.findMany({ orderBy: { version: "asc" }, select: { version: true } }),
    db.policyDraft.findMany({ orderBy: { id: "asc" } }),
    db.settingsEvent.count({ where: { area: "policy" } }),
  ]);
  return { versions, drafts, events };
}

describe("policy drafts", () => {
  it("starts a draft from a published version with that version's text, and records who did", async () => {
    const { draft } = await openDraft();
    const parsed = parsePolicyMarkdown(draft.markdown);
    expect(parsed.ok && parsed.sections).toEqual(policyVersions[1]!.sections);
    expect(draft.title).toBe(policyVersions[1]!.title);
    const [latest] = await policyHistory(db);
    expect(latest).toMatchObject({ by: admin.email, action: "policy.draft_created", data: { draftId: draft.id, fromVersion: "2026-05-21" } });
  });

  it("saves a draft, recording each change with its old and new value, and who saved it", async () => {
    const { draft, input } = await openDraft(null);
    expect(draft.markdown).toBe("");
    const saved = await saveDraft(db, { ...input(), title: "Privacy notice", markdown: "## A\n\nText [DATE].\n", placeholders: { "[DATE]": { text: "today" } }, effectiveAt: dayOffset(3) }, other, NOW);
    expect(saved.changes).toEqual([
      { field: "title", from: "Privacy Policy", to: "Privacy notice" },
      { field: "effectiveAt", from: null, to: dayOffset(3) },
      { field: "markdown", from: "0 lines", to: "3 lines (2 added, 0 removed)" },
      { field: "placeholder [DATE]", from: null, to: "text “today”" },
    ]);
    expect(await getDraft(db, draft.id)).toMatchObject({ title: "Privacy notice", effectiveAt: dayOffset(3), placeholders: { "[DATE]": { text: "today" } } });
    expect((await listDrafts(db)).find((d) => d.id === draft.id)).toMatchObject({ title: "Privacy notice", updatedBy: other.email });
    const [latest] = await policyHistory(db);
    expect(latest).toMatchObject({ by: other.email, action: "policy.draft_saved", data: { draftId: draft.id, changes: saved.changes } });
  });

  it("refuses a save over someone else's newer save, and changes nothing", async () => {
    const { input } = await openDraft();
    await saveDraft(db, { ...input(), title: "First" }, other, new Date(NOW.getTime() + 1000));
    const before = await snapshot();
    await expect(saveDraft(db, { ...input(), title: "Second" }, admin, NOW)).rejects.toMatchObject({ code: "DRAFT_CHANGED" });
    expect(await snapshot()).toEqual(before);
  });

  it("deletes a draft, and records it", async () => {
    const { draft } = await openDraft();
    await deleteDraft(db, draft.id, admin, NOW);
    expect(await getDraft(db, draft.id)).toBeNull();
    expect((await policyHistory(db))[0]).toMatchObject({ action: "policy.draft_deleted", data: { draftId: draft.id } });
    await expect(deleteDraft(db, draft.id, admin, NOW)).rejects.toMatchObject({ code: "DRAFT_NOT_FOUND" });
  });
});

describe("who may", () => {
  it("refuses officers and auditors at every step, even called directly, and changes nothing", async () => {
    const { draft, input } = await openDraft();
    const before = await snapshot();
    for (const role of ["OFFICER", "AUDITOR"] as const) {
      const staff = await createStaff(role);
      await expect(createDraft(db, null, staff, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveDraft(db, { ...input(), title: "Mine" }, staff, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(publishDraft(db, input({ effectiveAt: TODAY }), staff, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteDraft(db, draft.id, staff, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("publishing", () => {
  it("refuses while a placeholder is unmapped, naming each, and changes nothing, the draft included", async () => {
    const { draft, input } = await openDraft();
    const markdown = `${draft.markdown}\n## Where to write {#where-to-write}\n\nWrite to [PRIVACY EMAIL] or [DPO EMAIL], by [POSTAL DEADLINE].\n`;
    const before = await snapshot();
    const attempt = publishDraft(db, input({ markdown, placeholders: { "[PRIVACY EMAIL]": { setting: "privacyEmail" } }, effectiveAt: TODAY }), admin, NOW);
    await expect(attempt).rejects.toMatchObject({ code: "UNMAPPED_PLACEHOLDER", message: expect.stringContaining("Not yet done: [DPO EMAIL], [POSTAL DEADLINE].") });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an empty title", { title: " " }, "TITLE_REQUIRED"],
    ["an empty summary", { summary: "" }, "SUMMARY_REQUIRED"],
    ["Markdown the page cannot show", { markdown: "## A\n\n**bold**" }, "MARKDOWN_INVALID"],
    ["an unknown {{field}}", { markdown: "## A\n\nCall {{phoneNumber}}." }, "UNKNOWN_FIELD"],
    ["no effective date", { effectiveAt: "" }, "EFFECTIVE_DATE_REQUIRED"],
    ["an effective date in the past", { effectiveAt: dayOffset(-1) }, "EFFECTIVE_DATE_PAST"],
    ["a version name that exists", { version: "2025-09-01" }, "VERSION_TAKEN"],
  ])("refuses %s, and changes nothing", async (_name, changes, code) => {
    const { input } = await openDraft();
    const before = await snapshot();
    await expect(publishDraft(db, input({ effectiveAt: dayOffset(10), ...changes }), admin, NOW)).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it("publishes a version effective today that becomes the current policy, with its change summary and placeholders resolved", async () => {
    const { draft, input } = await openDraft();
    const markdown = `${draft.markdown}\n## Where to write {#where-to-write}\n\nWrite to [PRIVACY EMAIL] before [DEADLINE].\n`;
    const published = await publishDraft(
      db,
      input({ markdown, changeSummary: "A new section on where to write.", placeholders: { "[PRIVACY EMAIL]": { setting: "privacyEmail" }, "[DEADLINE]": { text: "the end of the month" } }, effectiveAt: TODAY }),
      admin,
      NOW,
    );
    expect(published).toEqual({ version: TODAY, effectiveAt: TODAY });
    const current = await getCurrentPolicy(NOW);
    expect(current).toMatchObject({ version: TODAY, status: "current", changeSummary: "A new section on where to write." });
    expect(current!.sections.at(-1)).toEqual({ id: "where-to-write", heading: "Where to write", blocks: [{ kind: "p", text: "Write to {{privacyEmail}} before the end of the month." }] });
    expect(await getDraft(db, draft.id)).toBeNull();
    const row = await db.policyVersion.findUniqueOrThrow({ where: { version: TODAY } });
    expect(row).toMatchObject({ publishedById: admin.id, publishedAt: NOW });
    expect((await policyHistory(db))[0]).toMatchObject({ by: admin.email, action: "policy.published", data: { draftId: draft.id, version: TODAY, effectiveAt: TODAY } });
  });

  it("names a second version with the same effective date with a suffix, and takes a name the admin gives", async () => {
    const later = dayOffset(30);
    const first = await openDraft();
    expect((await publishDraft(db, first.input({ effectiveAt: later }), admin, NOW)).version).toBe(later);
    const second = await openDraft();
    expect((await publishDraft(db, second.input({ effectiveAt: later }), admin, NOW)).version).toBe(`${later}-2`);
    const third = await openDraft();
    expect((await publishDraft(db, third.input({ effectiveAt: later, version: "winter-update" }), admin, NOW)).version).toBe("winter-update");
    expect((await getPolicyVersion("winter-update", NOW))?.status).toBe("upcoming");
  });

  it("cannot edit or delete a published version: the database refuses", async () => {
    await expect(db.policyVersion.update({ where: { version: "2025-09-01" }, data: { title: "Rewritten" } })).rejects.toThrow(/published: UPDATE refused/);
    await expect(db.policyVersion.delete({ where: { version: "2025-09-01" } })).rejects.toThrow(/published: DELETE refused/);
    expect((await getPolicyVersion("2025-09-01", NOW))?.title).toBe("Privacy Policy");
  });
});
