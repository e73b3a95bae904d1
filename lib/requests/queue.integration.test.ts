import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Jurisdiction, RequestStatus, RequestType, type StaffRole } from "@/lib/generated/prisma/enums";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";
import { queryQueue, type QueueRow } from "@/lib/requests/queue";
import { encodeCursor, parseQueueFilters, QUEUE_PAGE_SIZE, type QueueFilters } from "@/lib/requests/queue-filters";
import { COUNT_CAP, queuePageSql } from "@/lib/requests/queue-sql";

// 200 requests with every status, type and jurisdiction, due dates around "now" (some shared, so
// the id decides), some extended, some without a due date, some unassigned. Each test compares
// what the queue returns, page after page, with the same filter applied to the seeded rows here.

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2026, 10, 22) + offset * DAY);

type Seeded = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  requesterEmail: string | null;
  receivedAt: Date;
  verifiedAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  assigneeId: string | null;
};

let officer: StaffUser;
let colleague: StaffUser;
let auditor: StaffUser;
let seeded: Seeded[] = [];

// A small deterministic generator, so a failure can be replayed.
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function staff(role: StaffRole, name: string): Promise<StaffUser> {
  return db.staff.create({
    data: { email: `${name}.${randomUUID().slice(0, 8)}@jexi.test`, name, role },
    select: { id: true, email: true, name: true, role: true },
  });
}

// References as lib/requests/reference.ts writes them, from a counter so they never collide.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function reference(n: number): string {
  let digits = "";
  for (let i = 0; i < 8; i++, n = Math.floor(n / 32)) digits = ALPHABET[n % 32] + digits;
  return `DSR-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

beforeAll(async () => {
  officer = await staff("OFFICER", "officer");
  colleague = await staff("OFFICER", "colleague");
  auditor = await staff("AUDITOR", "auditor");
  const random = generator(20261122);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const statuses = Object.values(RequestStatus);
  seeded = Array.from({ length: 200 }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    const receivedAt = new Date(NOW.getTime() - Math.floor(random() * 60) * DAY - (i % 3) * 3_600_000);
    const verified = status !== "PENDING_VERIFICATION" && status !== "CLOSED_UNVERIFIED" && random() < 0.9;
    // Due dates from 20 days ago to 40 days ahead, on few distinct days so ties are common;
    // unverified requests under a verification-clock law have none.
    const dueAt = !verified && random() < 0.6 ? null : day(Math.floor(random() * 12) * 5 - 20);
    const extendedDueAt = dueAt && random() < 0.15 ? day(Math.floor(random() * 4) * 10 + 5) : null;
    const assigneeId = random() < 0.3 ? null : pick([officer.id, colleague.id]);
    return {
      id: randomUUID(),
      reference: reference(1000 + i),
      type: pick(Object.values(RequestType)),
      status,
      jurisdiction: pick(Object.values(Jurisdiction)),
      // Erased requests have no email left; a few people made two requests.
      requesterEmail: status === "CLOSED_UNVERIFIED" ? null : `person${i % 150}@example.test`,
      // Two requests received at the very same instant: the id decides.
      receivedAt: i === 7 ? new Date(NOW.getTime() - 5 * DAY) : i === 8 ? new Date(NOW.getTime() - 5 * DAY) : receivedAt,
      verifiedAt: verified ? new Date(receivedAt.getTime() + 3_600_000) : null,
      dueAt,
      extendedDueAt,
      assigneeId,
    };
  });
  await db.request.createMany({
    data: seeded.map((r) => ({ ...r, country: "DE", relationship: "ACCOUNT_HOLDER" as const, details: {} })),
  });
});

// --- The model: the same filters and order, in JavaScript -------------------------------------

const dueOf = (r: Seeded) => r.extendedDueAt ?? r.dueAt;
// "Open" in the queue is every request not finished, referred ones included.
const isOpen = (r: Seeded) => (UNFINISHED_STATUSES as readonly string[]).includes(r.status);

function matches(r: Seeded, f: QueueFilters, viewer: StaffUser, withStatus = true): boolean {
  const due = dueOf(r)?.getTime() ?? Infinity;
  const today = day(0).getTime();
  if (withStatus && f.status === "open" && !isOpen(r)) return false;
  if (withStatus && f.status && f.status !== "open" && r.status !== f.status) return false;
  if (f.type && r.type !== f.type) return false;
  if (f.jurisdiction && r.jurisdiction !== f.jurisdiction) return false;
  if (f.assignee === "none" && r.assigneeId !== null) return false;
  if (f.assignee && f.assignee !== "none" && r.assigneeId !== (f.assignee === "me" ? viewer.id : f.assignee)) return false;
  if (f.due && !isOpen(r)) return false;
  if (f.due === "overdue" && !(due < today)) return false;
  if (f.due === "week" && !(due >= today && due < today + 7 * DAY)) return false;
  if (f.due === "later" && !(due >= today + 7 * DAY)) return false;
  if (f.verified === "yes" && !r.verifiedAt) return false;
  if (f.verified === "no" && r.verifiedAt) return false;
  if (f.q && r.reference !== f.q && r.requesterEmail !== f.q) return false;
  return true;
}

function expected(f: QueueFilters, viewer: StaffUser = officer): string[] {
  const rows = seeded.filter((r) => matches(r, f, viewer));
  const cmpId = (a: Seeded, b: Seeded) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (f.sort === "received") rows.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || -cmpId(a, b));
  else rows.sort((a, b) => (dueOf(a)?.getTime() ?? Infinity) - (dueOf(b)?.getTime() ?? Infinity) || cmpId(a, b));
  return rows.map((r) => r.id);
}

/** Every page of a view, following nextCursor; fails on a page that comes back twice. */
async function walk(f: QueueFilters, viewer: StaffUser = officer): Promise<QueueRow[]> {
  const rows: QueueRow[] = [];
  let filters = f;
  for (let pages = 0; pages < 20; pages++) {
    const page = await queryQueue(filters, viewer, NOW);
    expect(page.rows.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    expect(page.rows).toHaveLength(QUEUE_PAGE_SIZE);
    filters = { ...f, cursor: page.nextCursor };
  }
  throw new Error("more pages than there are rows");
}

const ids = (rows: QueueRow[]) => rows.map((r) => r.id);

describe("the request queue", () => {
  it("lists every request once, soonest due first, undated last, ties by id, across pages", async () => {
    const rows = await walk({ sort: "due" });
    expect(rows).toHaveLength(200);
    expect(new Set(ids(rows)).size).toBe(200);
    expect(ids(rows)).toEqual(expected({ sort: "due" }));
    // The model agrees with what the queue shows: the effective date, extension included.
    const extended = seeded.find((r) => r.extendedDueAt)!;
    expect(rows.find((r) => r.id === extended.id)).toMatchObject({ dueDate: extended.extendedDueAt, extended: true });
    expect(rows.at(-1)?.dueDate).toBeNull();
  });

  it("sorts by received date, newest first, across pages", async () => {
    const rows = await walk({ sort: "received" });
    expect(ids(rows)).toEqual(expected({ sort: "received" }));
  });

  it("applies each filter, alone and together, on every page", async () => {
    const views: QueueFilters[] = [
      ...Object.values(RequestStatus).map((status) => ({ sort: "due" as const, status })),
      { sort: "due", status: "open" },
      { sort: "due", type: "DELETION" },
      { sort: "due", jurisdiction: "CCPA" },
      { sort: "due", assignee: "me" },
      { sort: "due", assignee: "none" },
      { sort: "due", assignee: colleague.id },
      { sort: "due", due: "overdue" },
      { sort: "due", due: "week" },
      { sort: "due", due: "later" },
      { sort: "due", verified: "yes" },
      { sort: "due", verified: "no" },
      { sort: "received", due: "overdue", assignee: "me" },
      { sort: "received", status: "IN_PROGRESS", verified: "yes" },
      { sort: "due", status: "RECEIVED", assignee: "none", due: "later" },
    ];
    for (const view of views) {
      const want = expected(view);
      expect(ids(await walk(view)), JSON.stringify(view)).toEqual(want);
    }
    // The views above are not vacuous: each of these finds something in the seeded data.
    for (const view of views.slice(-9)) expect(expected(view).length, JSON.stringify(view)).toBeGreaterThan(0);
  });

  it("finds a request by reference and a person's requests by email, in any case", async () => {
    // Someone who made more than one request.
    const target = seeded.find((r) => r.requesterEmail && seeded.filter((o) => o.requesterEmail === r.requesterEmail).length > 1)!;
    const email = target.requesterEmail!;
    const byEmail = await walk(parseQueueFilters({ q: ` ${email.toUpperCase()} ` }));
    expect(ids(byEmail).sort()).toEqual(seeded.filter((r) => r.requesterEmail === email).map((r) => r.id).sort());
    expect(byEmail.length).toBeGreaterThan(1);

    const byReference = await walk(parseQueueFilters({ q: target.reference.toLowerCase() }));
    expect(ids(byReference)).toEqual([target.id]);
    expect(ids(await walk(parseQueueFilters({ q: "nobody@example.test" })))).toEqual([]);
  });

  it("counts requests per status under the other filters, whatever status is chosen", async () => {
    const views: QueueFilters[] = [
      { sort: "due" },
      { sort: "due", assignee: "me", status: "COMPLETED" },
      { sort: "due", due: "later" },
      { sort: "due", verified: "yes", status: "open" },
      { sort: "due", verified: "no", type: "ACCESS" },
    ];
    for (const view of views) {
      const page = await queryQueue(view, officer, NOW);
      const want = Object.values(RequestStatus).map((status) => ({
        status,
        count: seeded.filter((r) => r.status === status && matches(r, view, officer, false)).length,
        capped: false,
      }));
      expect(page.counts, JSON.stringify(view)).toEqual(want);
    }
  });

  it("masks requester emails for auditors and shows them to officers", async () => {
    const target = seeded.find((r) => r.requesterEmail)!;
    const view = parseQueueFilters({ q: target.reference });
    const [asOfficer] = (await queryQueue(view, officer, NOW)).rows;
    const [asAuditor] = (await queryQueue(view, auditor, NOW)).rows;
    expect(asOfficer?.requesterEmail).toBe(target.requesterEmail);
    expect(asAuditor?.requesterEmail).not.toContain(target.requesterEmail!.split("@")[0]);
    expect(asAuditor?.requesterEmail).toMatch(/^p•••\d@example\.test$/);
  });

  it("does not let an auditor look a person up by email", async () => {
    const page = await queryQueue(parseQueueFilters({ q: "person3@example.test" }), auditor, NOW);
    expect(page).toMatchObject({ rows: [], emailSearchRefused: true });
  });

  it("refuses a viewer whose role may not read requests", async () => {
    const stranger = { id: randomUUID(), role: "CUSTOMER" as StaffRole };
    await expect(queryQueue({ sort: "due" }, stranger, NOW)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("ignores a tampered cursor rather than failing", async () => {
    const cursor = encodeCursor({ sort: "due", key: "2026-13-40", id: randomUUID() });
    const page = await queryQueue(parseQueueFilters({ cursor }), officer, NOW);
    expect(ids(page.rows)).toEqual(expected({ sort: "due" }).slice(0, QUEUE_PAGE_SIZE));
  });
});

describe("the queue's indexes", () => {
  // With sequential scans, bitmaps and sorts priced out, the planner uses an index in order only
  // if the query repeats the index's expression and predicate exactly (see the migrations).
  async function indexUsed(filters: QueueFilters): Promise<string[]> {
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      const sql = queuePageSql(filters, { viewerId: officer.id, personal: true, timeZone: "UTC", today: "2026-11-22" });
      const plan = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
      return [...JSON.stringify(plan).matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]!).filter((n) => n.startsWith("requests_"));
    });
  }

  it("walks the due-key indexes for the default order, a cursor, status and the due filters", async () => {
    const cursor = (await queryQueue({ sort: "due" }, officer, NOW)).nextCursor!;
    expect(await indexUsed({ sort: "due" })).toEqual(["requests_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", cursor })).toEqual(["requests_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", status: "RECEIVED" })).toEqual(["requests_status_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", type: "APPEAL" })).toEqual(["requests_type_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", due: "overdue" })).toEqual(["requests_open_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", status: "open" })).toEqual(["requests_open_due_key_id_idx"]);
    expect(await indexUsed({ sort: "due", assignee: "none" })).toEqual(["requests_unassigned_due_key_id_idx"]);
  });
});

describe("counts on a large status", () => {
  it(`stop at ${COUNT_CAP} and say there are more`, async () => {
    await db.request.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        reference: reference(100_000 + i),
        type: "ACCESS" as const,
        status: "COMPLETED" as const,
        jurisdiction: "QUEBEC" as const,
        country: "CA",
        relationship: "ACCOUNT_HOLDER" as const,
        details: {},
        receivedAt: day(-100),
      })),
    });
    const page = await queryQueue({ sort: "due", type: "ACCESS" }, officer, NOW);
    expect(page.counts.find((c) => c.status === "COMPLETED")).toEqual({ status: "COMPLETED", count: COUNT_CAP, capped: true });
    expect(page.counts.find((c) => c.status === "RECEIVED")?.capped).toBe(false);
  });
});
