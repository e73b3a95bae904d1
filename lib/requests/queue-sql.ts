import { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { EXPORT_PENDING_SQL, OPEN_REFERRAL_STATES, REFERRAL_FILTER_MATCH, type ReferralFilter } from "@/lib/referrals/state";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";
import { sqlList, UNFINISHED_SQL } from "@/lib/requests/status-sql";
import { decodeCursor, QUEUE_PAGE_SIZE, searchKind, type QueueFilters } from "@/lib/requests/queue-filters";

// The SQL behind the officer's queue, in one place so that lib/requests/queue.ts runs it and
// bench/queue.ts times exactly the same statement. No I/O and no server-only import for that
// reason. Every value from the URL goes in as a parameter; the only raw SQL is the constants below.
//
// The due-date order is on COALESCE(extended_due_at, due_at, 'infinity'): an extension replaces
// the original date, and requests without a due date yet (GDPR ones awaiting email confirmation)
// sort last. The migrations *_queue_due_index, *_queue_filter_indexes, *_queue_count_indexes and
// *_queue_referral_indexes index exactly this expression, and their partial indexes exactly the
// predicates below (unfinished statuses, unassigned, unverified): change one and the planner
// silently falls back to walking the table. lib/requests/queue.integration.test.ts checks that
// the plans use them.

const DUE_KEY = Prisma.raw(`COALESCE("extended_due_at", "due_at", 'infinity'::date)`);
// "Open" in the queue is "not finished": a request with the customer still has a deadline we answer for.
const OPEN = UNFINISHED_SQL;

/** Counts per status stop here; the page shows "1,000+". Keeps the count query bounded. */
export const COUNT_CAP = 1000;
/**
 * A fragment search counts at most this many matches in all; at the bound every count is "at
 * least". Each match read is a heap page fetched at random (about 30 µs here), so the bound keeps
 * a broad fragment's counts near 30 ms on a million requests (bench/README.md).
 */
export const SEARCH_COUNT_LIMIT = COUNT_CAP + 1;

export type QueueQueryContext = {
  /** Who "me" is. */
  viewerId: string;
  /** Today in the operator's time zone, as "2026-11-22": the due filters count its calendar days, as deadlines do. */
  today: string;
  /** Whether the viewer may read personal data: only then does a fragment search addresses and names. */
  personal: boolean;
  /** The operator's time zone: the month filters count its calendar months, as the overview does. */
  timeZone: string;
  /** A fragment search matches names spelt close to it instead (when nothing contains it). */
  closeSpellings?: boolean;
};

/** [start, end) of a month ("2026-05") in `timeZone`, as the stored UTC timestamps. */
function monthRange(month: string, timeZone: string): [Prisma.Sql, Prisma.Sql] {
  const local = (day: Prisma.Sql) => Prisma.sql`((${day})::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  const first = Prisma.sql`${`${month}-01`}::date`;
  return [local(first), local(Prisma.sql`${first} + interval '1 month'`)];
}

function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A whole reference or address matches exactly (their unique and b-tree indexes). A fragment
 * matches references, addresses and names containing it (ILIKE, served by the trigram indexes of
 * migration queue_search_trigram); `closeSpellings` instead matches names spelt close to it
 * (`%`: trigram similarity of the whole name at least 0.3, `<%`: of its closest part at least
 * 0.6, pg_trgm's defaults), which the queue asks for only when no request contains the fragment:
 * it is slower, and among exact matches it would be noise. Without `personal` a fragment looks at
 * references only.
 */
function searchCondition(q: string, context: QueueQueryContext): Prisma.Sql {
  const kind = searchKind(q);
  if (kind === "reference") return Prisma.sql`"reference" = ${q}`;
  if (kind === "email") return Prisma.sql`"requester_email" = ${q}`;
  const contains = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (!context.personal) return Prisma.sql`"reference" ILIKE ${contains}`;
  if (context.closeSpellings) return Prisma.sql`("requester_name" % ${q} OR ${q} <% "requester_name")`;
  return Prisma.sql`("reference" ILIKE ${contains} OR "requester_email" ILIKE ${contains} OR "requester_name" ILIKE ${contains})`;
}

/**
 * Whether a view's empty page should be searched again for close spellings: a fragment, by a
 * viewer who may search names, not already widened. The queue and its export run the exact search
 * first; only when its page comes back empty do they run this one (on every page of such a view
 * alike, since the exact search finds nothing on any of them).
 */
export function mayWidenToCloseSpellings(filters: QueueFilters, context: QueueQueryContext): boolean {
  return Boolean(filters.q && context.personal && !context.closeSpellings && searchKind(filters.q) === "text");
}

/**
 * Runs `run` with the exact search and, when it found nothing and the search may widen, once more
 * with close spellings of names. Returns what the last run gave and the context it ran with (the
 * page says which; the export keeps it for its next chunks).
 */
export async function runWidening<T>(
  filters: QueueFilters,
  context: QueueQueryContext,
  run: (context: QueueQueryContext) => Promise<T>,
  foundNothing: (result: T) => boolean,
): Promise<{ result: T; context: QueueQueryContext }> {
  const result = await run(context);
  if (!foundNothing(result) || !mayWidenToCloseSpellings(filters, context)) return { result, context };
  const wider = { ...context, closeSpellings: true };
  return { result: await run(wider), context: wider };
}

/** The WHERE conditions for every filter except status (and the cursor). */
function filterConditions(filters: QueueFilters, context: QueueQueryContext): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.type) where.push(Prisma.sql`"type" = ${filters.type}::"RequestType"`);
  if (filters.jurisdiction) where.push(Prisma.sql`"jurisdiction" = ${filters.jurisdiction}::"Jurisdiction"`);
  if (filters.assignee === "none") where.push(Prisma.sql`"assignee_id" IS NULL`);
  else if (filters.assignee) {
    const assigneeId = filters.assignee === "me" ? context.viewerId : filters.assignee;
    where.push(Prisma.sql`"assignee_id" = ${assigneeId}::uuid`);
  }
  if (filters.due) {
    // A deadline matters only while we still owe an answer: closed requests are never overdue.
    where.push(OPEN);
    const weekEnd = addDays(context.today, 7);
    if (filters.due === "overdue") where.push(Prisma.sql`${DUE_KEY} < ${context.today}::date`);
    else if (filters.due === "week") where.push(Prisma.sql`${DUE_KEY} >= ${context.today}::date AND ${DUE_KEY} < ${weekEnd}::date`);
    else where.push(Prisma.sql`${DUE_KEY} >= ${weekEnd}::date`);
  }
  if (filters.verified === "yes") where.push(Prisma.sql`"verified_at" IS NOT NULL`);
  if (filters.verified === "no") where.push(Prisma.sql`"verified_at" IS NULL`);
  if (filters.route) where.push(Prisma.sql`"route" = ${filters.route}::"RequestRoute"`);
  if (filters.referral) where.push(REFERRAL_CONDITIONS[filters.referral]);
  if (filters.duplicate) where.push(Prisma.sql`"duplicate_of_id" IS NOT NULL`, OPEN);
  if (filters.identity) where.push(Prisma.sql`"identity_check" IN ('FOR_OFFICER', 'FAILED')`, OPEN);
  if (filters.filed) where.push(Prisma.sql`"submitted_by" = ${filters.filed}::"SubmittedBy"`);
  if (filters.received) {
    const [from, to] = monthRange(filters.received, context.timeZone);
    where.push(Prisma.sql`"received_at" >= ${from} AND "received_at" < ${to}`);
  }
  if (filters.closed) {
    // As the overview's on-time chart counts: answered (completed or denied) in that month.
    const [from, to] = monthRange(filters.closed, context.timeZone);
    where.push(Prisma.sql`"status" IN ('COMPLETED', 'DENIED') AND "closed_at" >= ${from} AND "closed_at" < ${to}`);
  }
  if (filters.q) where.push(searchCondition(filters.q, context));
  return where;
}

/**
 * The open states are few (in-flight work, not history) but cluster on recent requests, which a
 * walk of the due-date index from the oldest would reach last: an EXISTS there probed 790,000
 * requests on a million (13 s). So the matching referrals (by their status index) become an id
 * list, which PostgreSQL cannot estimate and so treats as short: it fetches those requests by
 * primary key and sorts them. The work grows with the open referrals in that state, not with the
 * table. Closed referrals are a large share of old requests, which a walk meets early: EXISTS.
 */
function openReferralIds(filter: Exclude<ReferralFilter, "closed">): Prisma.Sql {
  const { statuses, exportPending } = REFERRAL_FILTER_MATCH[filter];
  const exported = exportPending === undefined ? "" : ` AND ${exportPending ? "" : "NOT "}${EXPORT_PENDING_SQL}`;
  return Prisma.raw(`"id" = ANY (ARRAY(SELECT f."request_id" FROM "referrals" f WHERE f."status" IN (${sqlList(statuses)})${exported}))`);
}

const REFERRAL_CONDITIONS: Record<ReferralFilter, Prisma.Sql> = {
  awaiting: openReferralIds("awaiting"),
  acknowledged: openReferralIds("acknowledged"),
  export: openReferralIds("export"),
  escalated: openReferralIds("escalated"),
  closed: Prisma.raw(
    `EXISTS (SELECT 1 FROM "referrals" f WHERE f."request_id" = "requests"."id" AND f."status" IN (${sqlList(REFERRAL_FILTER_MATCH.closed.statuses)}))` +
      ` AND NOT EXISTS (SELECT 1 FROM "referrals" g WHERE g."request_id" = "requests"."id" AND g."status" IN (${sqlList(OPEN_REFERRAL_STATES)}))`,
  ),
};

/** The status filter's condition, if any. */
function statusCondition(filters: QueueFilters): Prisma.Sql[] {
  if (filters.status === "open") return [OPEN];
  if (filters.status) return [Prisma.sql`"status" = ${filters.status}::"RequestStatus"`];
  return [];
}

function and(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

// Requests in these statuses have never confirmed their email, by definition, and so were never
// routed either (routing happens at confirmation, or at once for requests that need none).
const NEVER_VERIFIED: RequestStatus[] = ["PENDING_VERIFICATION", "CLOSED_UNVERIFIED"];

/**
 * The statuses a filtered view can contain at all: the due filters leave out finished requests,
 * "confirmed", a route or a referral state leave out the two that never were confirmed. The
 * counts skip the others instead of walking a large status to find nothing.
 */
export function possibleStatuses(filters: QueueFilters): RequestStatus[] {
  const confirmedOnly = filters.verified === "yes" || filters.route !== undefined || filters.referral !== undefined;
  return Object.values(RequestStatus).filter(
    (status) =>
      (!(filters.due || filters.duplicate || filters.identity) || (UNFINISHED_STATUSES as readonly string[]).includes(status)) &&
      !(confirmedOnly && NEVER_VERIFIED.includes(status)),
  );
}

/**
 * One page: QUEUE_PAGE_SIZE + 1 rows (the extra one says whether there is a next page), after the
 * cursor by a row comparison on (sort key, id), which the indexes answer without OFFSET. The
 * inner query picks the page; the joins and the outer order only touch those rows: the assignee,
 * and the latest referral with its customer's name (one index probe by request id per row; the
 * open referral first, as there is at most one and it is the one being waited on).
 */
export function queuePageSql(filters: QueueFilters, context: QueueQueryContext, limit = QUEUE_PAGE_SIZE + 1): Prisma.Sql {
  const where = [...filterConditions(filters, context), ...statusCondition(filters)];
  const cursor = filters.cursor ? decodeCursor(filters.cursor, filters.sort) : null;

  const byDue = filters.sort === "due";
  if (cursor) {
    where.push(
      byDue
        ? Prisma.sql`(${DUE_KEY}, "id") > (${cursor.key}::date, ${cursor.id}::uuid)`
        : Prisma.sql`("received_at", "id") < (${cursor.key}::timestamp(3), ${cursor.id}::uuid)`,
    );
  }
  const innerOrder = byDue ? Prisma.sql`${DUE_KEY}, "id"` : Prisma.sql`"received_at" DESC, "id" DESC`;
  const outerOrder = byDue ? Prisma.sql`r.sort_due, r.id` : Prisma.sql`r.received_at DESC, r.id DESC`;

  return Prisma.sql`
    SELECT r.id, r.reference, r.type::text AS type, r.status::text AS status, r.jurisdiction::text AS jurisdiction, r.region,
           r.received_at, r.verified_at, COALESCE(r.extended_due_at, r.due_at) AS due_date,
           r.extended_due_at IS NOT NULL AS extended, r.requester_email, s.email AS assignee_email, r.route::text AS route,
           CASE WHEN r.receipt_sent_at IS NULL THEN r.receipt_due_at END AS receipt_due_date,
           f.status::text AS referral_status, f.export_requested_at AS referral_export_requested_at,
           f.export_delivered_at AS referral_export_delivered_at,
           f.reminders_sent AS referral_reminders_sent, f.customer_name AS referral_customer_name
      FROM (SELECT "id", "reference", "type", "status", "jurisdiction", "region", "received_at", "verified_at", "due_at",
                   "extended_due_at", "requester_email", "assignee_id", "route", "receipt_due_at", "receipt_sent_at",
                   ${DUE_KEY} AS sort_due
              FROM "requests"
             WHERE ${and(where)}
             ORDER BY ${innerOrder}
             LIMIT ${limit}) r
      LEFT JOIN "staff" s ON s.id = r.assignee_id
      LEFT JOIN LATERAL (
            SELECT rf.status, rf.export_requested_at, rf.export_delivered_at, rf.reminders_sent, c.legal_name AS customer_name
              FROM "referrals" rf JOIN "customers" c ON c.id = rf.customer_id
             WHERE rf.request_id = r.id
             ORDER BY rf.status IN (${Prisma.raw(sqlList(OPEN_REFERRAL_STATES))}) DESC, rf.sent_at DESC, rf.created_at DESC
             LIMIT 1) f ON TRUE
     ORDER BY ${outerOrder}`;
}

/**
 * Requests per status under the current filters other than status, each counted up to
 * COUNT_CAP + 1 on an index range of "status = X AND filter" (the *_queue_count_indexes
 * migration), so the work stays bounded on a million rows, where an exact GROUP BY over everything
 * takes about 200 ms. One statement, one branch per status the filters allow.
 */
export function queueCountsSql(filters: QueueFilters, context: QueueQueryContext): Prisma.Sql {
  const where = and(filterConditions(filters, context));
  if (filters.referral && filters.referral !== "closed") {
    // An open referral state is already a short id list (see openReferralIds): count it once, by
    // status, rather than fetch it again in every branch.
    const possible = Prisma.raw(`"status" IN (${sqlList(possibleStatuses(filters))})`);
    return Prisma.sql`
      SELECT "status"::text AS status, count(*)::int AS count FROM "requests" WHERE ${possible} AND ${where} GROUP BY "status"`;
  }
  if (filters.q && searchKind(filters.q) === "text") {
    // A fragment can match a large share of the requests, or a few scattered everywhere: a branch
    // per status would walk each status's index for them. One bounded read of the matching
    // requests (by the trigram indexes when they are few) counts them all; reaching the bound
    // means "at least" (SEARCH_COUNT_LIMIT).
    const possible = Prisma.raw(`"status" IN (${sqlList(possibleStatuses(filters))})`);
    return Prisma.sql`
      SELECT status, count(*)::int AS count
        FROM (SELECT "status"::text AS status FROM "requests" WHERE ${possible} AND ${where} LIMIT ${SEARCH_COUNT_LIMIT}) matched
       GROUP BY status`;
  }
  const branches = possibleStatuses(filters).map(
    (status) => Prisma.sql`
      SELECT ${status}::text AS status, count(*)::int AS count
        FROM (SELECT 1 FROM "requests" WHERE "status" = ${status}::"RequestStatus" AND ${where} LIMIT ${COUNT_CAP + 1}) capped`,
  );
  return Prisma.join(branches, " UNION ALL ");
}
