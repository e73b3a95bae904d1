import "server-only";
import { allows } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { loadPackageContents } from "@/lib/fulfillment/package/contents";
import { pickFields } from "@/lib/fulfillment/package/filter";
import { cellText } from "@/lib/fulfillment/package/format";
import { openJson } from "@/lib/fulfillment/records";
import type { FoundRow } from "@/lib/connectors/types";

// What the run panel shows for the review of a READY run: the package's collections with their
// counts, one collection's records a page at a time (as the package will hold them), and the
// records left out with their reasons. Bounded: one page of records, opening only the chunks that
// page needs; the exclusions list capped. Records only for roles that may read personal data.

export const REVIEW_PAGE_SIZE = 50;
const EXCLUSIONS_SHOWN = 200;

export type ReviewCollection = { id: string; systemName: string; name: string; count: number; excluded: number };
export type ReviewRecord = { key: string; values: string[]; excluded: boolean };

export type ReviewView = {
  runId: string;
  packageId: string | null;
  packageSize: number | null;
  collections: ReviewCollection[];
  /** Null for roles that may not read personal data, or when nothing was found. */
  page: null | { collectionId: string; fields: string[]; page: number; pages: number; records: ReviewRecord[] };
  exclusions: { collectionId: string; collection: string; recordKey: string; reason: string; by: string; at: Date }[];
};

export async function reviewView(db: Db, runId: string, viewer: StaffUser, options: { collectionId?: string; page?: number } = {}): Promise<ReviewView> {
  const contents = await loadPackageContents(db, runId, new Date());
  const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { packageId: true } });
  const pkg = run.packageId ? await db.dataPackage.findUnique({ where: { id: run.packageId }, select: { size: true } }) : null;
  const entries = contents.systems.flatMap((s) => s.collections.map((c) => ({ system: s.system, entry: c })));
  const collections = entries.map(({ system, entry }) => ({
    id: entry.collection.id,
    systemName: system.name,
    name: entry.collection.name,
    count: entry.count,
    excluded: entry.excluded,
  }));
  const personal = allows(viewer, "requests.readPersonal");

  const exclusionRows = await db.recordExclusion.findMany({
    where: { runId },
    orderBy: { createdAt: "desc" },
    take: EXCLUSIONS_SHOWN,
    select: { collectionId: true, recordKey: true, reason: true, staffId: true, createdAt: true },
  });
  const staff = await db.staff.findMany({ where: { id: { in: [...new Set(exclusionRows.map((e) => e.staffId))] } }, select: { id: true, email: true } });
  const names = new Map(collections.map((c) => [c.id, c.name]));
  const exclusions = exclusionRows.map((e) => ({
    collectionId: e.collectionId,
    collection: names.get(e.collectionId) ?? "(removed from the map)",
    recordKey: e.recordKey,
    reason: personal ? e.reason : "(hidden for your role)",
    by: staff.find((s) => s.id === e.staffId)?.email ?? "staff",
    at: e.createdAt,
  }));

  const chosen = entries.find((e) => e.entry.collection.id === options.collectionId) ?? entries.find((e) => e.entry.count + e.entry.excluded > 0);
  if (!personal || !chosen) return { runId, packageId: run.packageId, packageSize: pkg?.size ?? null, collections, page: null, exclusions };

  // Pages count every found record (excluded ones stay listed, marked), so a record keeps its page.
  const chunks = await db.recordChunk.findMany({
    where: { runId, collectionId: chosen.entry.collection.id },
    orderBy: { seq: "asc" },
    select: { seq: true, rowCount: true },
    take: 100_000,
  });
  const total = chunks.reduce((n, c) => n + c.rowCount, 0);
  const pages = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const from = (page - 1) * REVIEW_PAGE_SIZE;
  const excluded = contents.exclusions.get(chosen.entry.collection.id);
  const records: ReviewRecord[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    const end = offset + chunk.rowCount;
    if (end > from && records.length < REVIEW_PAGE_SIZE) {
      const row = await db.recordChunk.findFirstOrThrow({ where: { runId, collectionId: chosen.entry.collection.id, seq: chunk.seq }, select: { ciphertext: true } });
      const rows = openJson<FoundRow[]>(row.ciphertext);
      for (let i = Math.max(0, from - offset); i < rows.length && records.length < REVIEW_PAGE_SIZE; i++) {
        const key = `${chunk.seq}.${i}`;
        const picked = pickFields(rows[i]!, chosen.entry.fields);
        records.push({ key, values: chosen.entry.fields.map((f) => cellText(picked[f.name])), excluded: excluded?.has(key) ?? false });
      }
    }
    offset = end;
    if (records.length >= REVIEW_PAGE_SIZE) break;
  }
  return {
    runId,
    packageId: run.packageId,
    packageSize: pkg?.size ?? null,
    collections,
    page: { collectionId: chosen.entry.collection.id, fields: chosen.entry.fields.map((f) => f.name), page, pages, records },
    exclusions,
  };
}
