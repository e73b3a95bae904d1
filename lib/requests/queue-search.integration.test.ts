import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryQueue } from "@/lib/requests/queue";
import { exportQueueCsv } from "@/lib/requests/queue-export";
import { parseQueueFilters } from "@/lib/requests/queue-filters";
import { queuePageSql, SEARCH_COUNT_LIMIT } from "@/lib/requests/queue-sql";
import { createStaff, requestRow } from "@/lib/testing/requests";

// The search box against hand-made requests: fragments of references, addresses and names,
// near spellings of names, LIKE's wildcards taken literally, and auditors kept to references.

const NOW = new Date("2026-11-22T12:00:00Z");
// A tag no other test's rows contain, so each search sees only these.
const TAG = randomUUID().replace(/-/g, "").slice(0, 6).replace(/\d/g, "q");
const REF = (n: number) => `DSR-${TAG.slice(0, 4).toUpperCase().replace(/[ILOU]/g, "Q")}-${String(n).padStart(4, "0")}`;
const PEOPLE = [
  { reference: REF(1), name: `Katharina Müller ${TAG}`, email: `katharina.${TAG}@example.test` },
  { reference: REF(2), name: `Grace Hopper ${TAG}`, email: `g.hopper.${TAG}@navy.example` },
  { reference: REF(3), name: `Alan 100%_Turing ${TAG}`, email: `alan.${TAG}@bletchley.example` },
];

let officer: StaffUser;
let auditor: StaffUser;

beforeAll(async () => {
  officer = await createStaff("OFFICER");
  auditor = await createStaff("AUDITOR");
  for (const p of PEOPLE) {
    await requestRow("RECEIVED", { reference: p.reference, requesterName: p.name, requesterEmail: p.email, receivedAt: NOW, dueAt: new Date("2026-12-22") });
  }
});

async function found(q: string, viewer: StaffUser = officer): Promise<string[]> {
  const page = await queryQueue(parseQueueFilters({ q }), viewer, NOW);
  // Only this file's rows: other tests share the database.
  return page.rows.map((r) => r.reference).filter((reference) => reference.startsWith(REF(0).slice(0, 9))).sort();
}

describe("the queue's search", () => {
  it("finds a fragment of a reference, of an address or of a name, in any case", async () => {
    expect(await found(`${REF(2).slice(4, 9).toLowerCase()}`)).toEqual(PEOPLE.map((p) => p.reference).sort());
    expect(await found(REF(2).slice(-6))).toEqual([REF(2)]);
    expect(await found(`hopper.${TAG}@NAVY`)).toEqual([REF(2)]);
    expect(await found(`grace hopper ${TAG}`)).toEqual([REF(2)]);
    expect(await found(`müller ${TAG}`)).toEqual([REF(1)]);
  });

  it("finds names spelt close to what was typed when no request contains it, and says so", async () => {
    // Two letters swapped and one missing: no substring matches, the trigrams do.
    expect(await found(`Katharina Mülelr ${TAG}`)).toEqual([REF(1)]);
    expect(await found(`Grace Hoper ${TAG}`)).toEqual([REF(2)]);
    expect((await queryQueue(parseQueueFilters({ q: `Grace Hoper ${TAG}` }), officer, NOW)).closeSpellings).toBe(true);
    // Where a request contains the fragment, only those are listed: no close spellings mixed in.
    const exact = await queryQueue(parseQueueFilters({ q: `Grace Hopper ${TAG}` }), officer, NOW);
    expect(exact.closeSpellings).toBe(false);
  });

  it("takes % and _ as the characters they are", async () => {
    expect(await found(`100%_Turing ${TAG}`)).toEqual([REF(3)]);
    // Unescaped, "%%%" and "___" would match every request.
    expect(await found("%%%")).toEqual([]);
    expect(await found("___")).toEqual([]);
  });

  it("keeps whole references and addresses exact", async () => {
    expect(await found(REF(1))).toEqual([REF(1)]);
    expect(await found(`katharina.${TAG}@example.test`)).toEqual([REF(1)]);
    expect(await found(`other.${TAG}@example.test`)).toEqual([]);
  });

  it("lets an auditor search references only: a name or part of an address finds nothing", async () => {
    expect(await found(REF(3).slice(-6), auditor)).toEqual([REF(3)]);
    expect(await found(`Grace Hopper ${TAG}`, auditor)).toEqual([]);
    expect(await found(`alan.${TAG}`, auditor)).toEqual([]);
  });

  it("exports what it finds, as the page shows it", async () => {
    const lines: string[] = [];
    for await (const chunk of exportQueueCsv(parseQueueFilters({ q: `hopper ${TAG}` }), officer, { now: NOW, timeZone: "UTC" })) lines.push(...chunk.split("\r\n").filter(Boolean));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(REF(2));
    // A misspelt name exports the close spellings the page lists.
    const close: string[] = [];
    for await (const chunk of exportQueueCsv(parseQueueFilters({ q: `Katharina Mülelr ${TAG}` }), officer, { now: NOW, timeZone: "UTC" })) close.push(...chunk.split("\r\n").filter(Boolean));
    expect(close.slice(1).map((line) => line.split(",")[0])).toEqual([REF(1)]);
  });

  it("counts the matches per status, and says \"at least\" once the count reaches its bound", async () => {
    const page = await queryQueue(parseQueueFilters({ q: REF(0).slice(4, 9) }), officer, NOW);
    expect(page.counts.find((c) => c.status === "RECEIVED")).toEqual({ status: "RECEIVED", count: 3, capped: false });
    expect(page.counts.filter((c) => c.status !== "RECEIVED").every((c) => c.count === 0 && !c.capped)).toBe(true);

    // More matches than the count reads: each figure is a floor, and the page says "+".
    const many = `Bulk${TAG}`;
    await db.request.createMany({
      data: Array.from({ length: SEARCH_COUNT_LIMIT + 10 }, (_, i) => ({
        reference: `BULK-${TAG}-${i}`,
        type: "ACCESS" as const,
        status: i % 2 ? ("RECEIVED" as const) : ("IN_PROGRESS" as const),
        country: "DE",
        jurisdiction: "GDPR" as const,
        relationship: "OTHER" as const,
        details: {},
        requesterName: `${many} ${i}`,
      })),
    });
    const bounded = await queryQueue(parseQueueFilters({ q: many }), officer, NOW);
    expect(bounded.counts.filter((c) => c.count > 0).every((c) => c.capped)).toBe(true);
    expect(bounded.counts.find((c) => c.status === "DENIED")).toEqual({ status: "DENIED", count: 0, capped: true });
  });

  it("uses the trigram indexes, not a scan of every request", async () => {
    const plan = await db.$transaction(async (tx) => {
      // As on a large table, where reading every row (or walking a whole index) costs too much.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
      const sql = queuePageSql(parseQueueFilters({ q: "Hopper" }), { viewerId: officer.id, personal: true, timeZone: "UTC", today: "2026-11-22" });
      return JSON.stringify(await tx.$queryRaw(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`));
    });
    for (const index of ["requests_reference_trgm_idx", "requests_requester_email_trgm_idx", "requests_requester_name_trgm_idx"]) expect(plan).toContain(index);
  });
});
