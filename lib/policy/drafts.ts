import "server-only";
import { readSettingsHistory, staffEmails } from "@/lib/organization/settings-history";
import { DomainError } from "@/lib/actions/domain-error";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { readTimeZone } from "@/lib/organization/settings";
import { parsePolicySections } from "@/lib/policy/content";
import { diffPolicyMarkdown } from "@/lib/policy/diff";
import { PublishDraftSchema, SaveDraftSchema, type DraftValues, type PublishDraftInput, type SaveDraftInput } from "@/lib/policy/draft-schema";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { PlaceholderMappingsSchema, type PlaceholderMapping, type PlaceholderMappings } from "@/lib/policy/placeholders";
import { checkPublishable } from "@/lib/policy/publish-check";

// Policy drafts: written in the editor, saved as often as wanted, then published as a new
// version, which nobody can edit or delete afterwards (a database trigger refuses it). Each step
// is kept in settings_events (area "policy") with who took it; a save keeps each changed field's
// old and new value, the text itself as a count of lines changed.

const AREA = "policy";

export type DraftChange = { field: string; from: string | null; to: string | null };

const draftSelect = {
  id: true,
  title: true,
  summary: true,
  markdown: true,
  changeSummary: true,
  placeholders: true,
  effectiveAt: true,
  language: true,
  translationOfId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PolicyDraftSelect;

type DraftRow = Prisma.PolicyDraftGetPayload<{ select: typeof draftSelect }>;

function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function mappingsOf(json: unknown): PlaceholderMappings {
  const parsed = PlaceholderMappingsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** The domain's own check, whatever the page and the action did before: only admins write the policy. */
export function mayManage(staff: StaffUser) {
  if (!allows(staff, "policy.manage")) throw new AuthorizationError("FORBIDDEN");
}

export function audit(tx: Prisma.TransactionClient, admin: StaffUser, action: string, data: Prisma.InputJsonObject, at: Date) {
  return tx.settingsEvent.create({ data: { actorId: admin.id, area: AREA, action, data, at } });
}

/** A new draft: blank, or the text of a published version to edit. */
export async function createDraft(db: Db, from: { version: string } | null, admin: StaffUser, now = new Date()): Promise<{ id: string }> {
  mayManage(admin);
  return db.$transaction(async (tx) => {
    let start = { title: "Privacy Policy", summary: "", markdown: "" };
    if (from) {
      const version = await tx.policyVersion.findFirst({ where: { version: from.version, publishedAt: { not: null } }, select: { title: true, summary: true, sections: true } });
      if (!version) throw new DomainError("VERSION_NOT_FOUND", `There is no published version “${from.version}” to start from.`);
      start = { title: version.title, summary: version.summary, markdown: sectionsToMarkdown(parsePolicySections(version.sections)) };
    }
    const draft = await tx.policyDraft.create({ data: { ...start, createdById: admin.id, updatedById: admin.id }, select: { id: true } });
    await audit(tx, admin, "policy.draft_created", { draftId: draft.id, fromVersion: from?.version ?? null }, now);
    return draft;
  });
}

/** The versions that translation drafts translate, by id: their names. */
async function translatedVersionNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.policyVersion.findMany({ where: { id: { in: wanted } }, select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** The draft as the editor shows it, or null. A translation names the version it translates (`translationOf`). */
export async function getDraft(db: Db, id: string) {
  const row = await db.policyDraft.findUnique({ where: { id }, select: draftSelect });
  if (!row) return null;
  const names = await translatedVersionNames(db, [row.translationOfId]);
  const translationOf = row.translationOfId ? (names.get(row.translationOfId) ?? null) : null;
  return { ...row, language: localeOrDefault(row.language), translationOf, placeholders: mappingsOf(row.placeholders), effectiveAt: isoDay(row.effectiveAt) };
}

/** Drafts, last edited first, with who edited them last and, for a translation, of which version into which language. */
export async function listDrafts(db: Db, take = 50) {
  const rows = await db.policyDraft.findMany({
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, updatedAt: true, updatedById: true, effectiveAt: true, language: true, translationOfId: true },
  });
  const [emails, versions] = await Promise.all([staffEmails(db, rows.map((r) => r.updatedById)), translatedVersionNames(db, rows.map((r) => r.translationOfId))]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    updatedAt: r.updatedAt,
    effectiveAt: isoDay(r.effectiveAt),
    updatedBy: emails.get(r.updatedById) ?? null,
    language: localeOrDefault(r.language),
    translationOf: r.translationOfId ? (versions.get(r.translationOfId) ?? null) : null,
  }));
}

function describeMapping(mapping: PlaceholderMapping | undefined): string | null {
  if (!mapping) return null;
  return "setting" in mapping ? `setting ${mapping.setting}` : `text “${mapping.text}”`;
}

function lines(text: string): string {
  const count = text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
  return count === 1 ? "1 line" : `${count} lines`;
}

function changesBetween(before: DraftRow, after: DraftValues): DraftChange[] {
  const changes: DraftChange[] = [];
  const plain = [
    ["title", before.title, after.title],
    ["summary", before.summary, after.summary],
    ["changeSummary", before.changeSummary, after.changeSummary],
    ["effectiveAt", isoDay(before.effectiveAt), after.effectiveAt],
  ] as const;
  for (const [field, from, to] of plain) if ((from || null) !== (to || null)) changes.push({ field, from: from || null, to: to || null });
  if (before.markdown !== after.markdown) {
    const { added, removed } = diffPolicyMarkdown(before.markdown, after.markdown);
    changes.push({ field: "markdown", from: lines(before.markdown), to: `${lines(after.markdown)} (${added} added, ${removed} removed)` });
  }
  const oldMappings = mappingsOf(before.placeholders);
  for (const name of new Set([...Object.keys(oldMappings), ...Object.keys(after.placeholders)])) {
    const from = describeMapping(oldMappings[name]);
    const to = describeMapping(after.placeholders[name]);
    if (from !== to) changes.push({ field: `placeholder ${name}`, from, to });
  }
  return changes;
}

/** Locks the draft, and refuses when someone saved it after the editor loaded it. */
export async function lockDraft(tx: Prisma.TransactionClient, draftId: string, baseUpdatedAt: string): Promise<DraftRow> {
  await tx.$queryRaw`SELECT id FROM policy_drafts WHERE id = ${draftId}::uuid FOR UPDATE`;
  const draft = await tx.policyDraft.findUnique({ where: { id: draftId }, select: draftSelect });
  if (!draft) throw new DomainError("DRAFT_NOT_FOUND", "This draft no longer exists: someone published or deleted it.");
  if (draft.updatedAt.toISOString() !== new Date(baseUpdatedAt).toISOString()) {
    throw new DomainError("DRAFT_CHANGED", "Someone saved this draft after you opened it. Copy what you wrote, reload the page to see their changes, then apply yours again.");
  }
  return draft;
}

function draftData(values: DraftValues) {
  return {
    title: values.title,
    summary: values.summary,
    markdown: values.markdown,
    changeSummary: values.changeSummary,
    placeholders: values.placeholders,
    effectiveAt: values.effectiveAt ? new Date(`${values.effectiveAt}T00:00:00Z`) : null,
  };
}

/** Saves the draft as edited; each changed field is kept in the history. Nothing changed: nothing written. */
export async function saveDraft(db: Db, input: SaveDraftInput, admin: StaffUser, now = new Date()): Promise<{ changes: DraftChange[]; updatedAt: Date }> {
  mayManage(admin);
  const { draftId, baseUpdatedAt, ...values } = SaveDraftSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await lockDraft(tx, draftId, baseUpdatedAt);
    const changes = changesBetween(before, values);
    if (changes.length === 0) return { changes, updatedAt: before.updatedAt };
    const saved = await tx.policyDraft.update({ where: { id: draftId }, data: { ...draftData(values), updatedById: admin.id, updatedAt: now }, select: { updatedAt: true } });
    await audit(tx, admin, "policy.draft_saved", { draftId, changes }, now);
    return { changes, updatedAt: saved.updatedAt };
  });
}

export async function deleteDraft(db: Db, draftId: string, admin: StaffUser, now = new Date()): Promise<void> {
  mayManage(admin);
  await db.$transaction(async (tx) => {
    const draft = await tx.policyDraft.findUnique({ where: { id: draftId }, select: { title: true } });
    if (!draft) throw new DomainError("DRAFT_NOT_FOUND", "This draft no longer exists: someone published or deleted it.");
    await tx.policyDraft.delete({ where: { id: draftId } });
    await audit(tx, admin, "policy.draft_deleted", { draftId, title: draft.title }, now);
  });
}

/** The name a version gets when the admin gives none: its effective date, suffixed when taken ("2026-12-01-2"). */
async function freeVersionName(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set((await tx.policyVersion.findMany({ where: { version: { startsWith: base } }, select: { version: true } })).map((v) => v.version));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Publishes the draft as edited (it need not be saved first): checks it all (publish-check.ts),
 * then, in one transaction, adds the version, published now, and removes the draft. A refusal
 * changes nothing, the draft included.
 */
export async function publishDraft(db: Db, input: PublishDraftInput, admin: StaffUser, now = new Date()): Promise<{ version: string; effectiveAt: string }> {
  mayManage(admin);
  const { draftId, baseUpdatedAt, version: wanted, ...values } = PublishDraftSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const draft = await lockDraft(tx, draftId, baseUpdatedAt);
      if (draft.translationOfId) throw new DomainError("IS_TRANSLATION", "This draft is a translation of a published version: publish it as that translation, not as a new version.");
      const today = calendarDayIn(now, await readTimeZone(tx));
      const version = checkPublishable(values, today);
      const effective = version.effectiveAt.toISOString().slice(0, 10);
      let name = wanted;
      if (name) {
        if (await tx.policyVersion.findUnique({ where: { version: name }, select: { id: true } })) {
          throw new DomainError("VERSION_TAKEN", `A version called “${name}” exists already: choose another name, or leave it empty to use the effective date.`);
        }
      } else {
        name = await freeVersionName(tx, effective);
      }
      await tx.policyVersion.create({
        data: {
          version: name,
          title: version.title,
          summary: version.summary,
          sections: version.sections,
          changeSummary: version.changeSummary,
          effectiveAt: version.effectiveAt,
          updatedAt: today,
          publishedAt: now,
          publishedById: admin.id,
        },
      });
      await tx.policyDraft.delete({ where: { id: draftId } });
      await audit(tx, admin, "policy.published", { draftId, version: name, effectiveAt: effective, title: version.title }, now);
      return { version: name, effectiveAt: effective };
    });
  } catch (error) {
    // Two admins publishing at once under the same name: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("VERSION_TAKEN", "Another version took that name a moment ago: publish again to get the next free name, or choose one.");
    }
    throw error;
  }
}

export type PolicyHistoryEntry = { id: string; at: Date; by: string | null; action: string; data: Record<string, unknown> };

/** The latest policy steps (drafts created, saved, deleted; versions and translations published), newest first, with who took them. */
export async function policyHistory(db: Db, take = 30): Promise<PolicyHistoryEntry[]> {
  return (await readSettingsHistory(db, AREA, take)).map((row) => ({ ...row, data: (row.data ?? {}) as Record<string, unknown> }));
}
