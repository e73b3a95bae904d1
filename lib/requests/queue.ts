import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { allows, maskForRole } from "@/lib/auth/roles";
import { AuthorizationError, requirePermission, type StaffUser } from "@/lib/auth/staff";
import { isoDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { RequestStatus, type Jurisdiction, type ReferralStatus, type RequestRoute, type RequestType } from "@/lib/generated/prisma/enums";
import { describeReferral, referralState, type ReferralState } from "@/lib/referrals/state";
import { maskEmail } from "@/lib/requests/mask-email";
import { encodeCursor, QUEUE_PAGE_SIZE, searchKind, type QueueFilters } from "@/lib/requests/queue-filters";
import { COUNT_CAP, queueCountsSql, queuePageSql, runWidening, SEARCH_COUNT_LIMIT, type QueueQueryContext } from "@/lib/requests/queue-sql";

export type QueueRow = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  /** Where in the country they live ("VA"): names a US state's law. */
  region: string | null;
  receivedAt: Date;
  verifiedAt: Date | null;
  /** The extended due date when there is one, else the original; null before the clock starts. */
  dueDate: Date | null;
  extended: boolean;
  /** The day receipt must be confirmed by (CCPA §7021(a)) while no confirming email has gone out; else null. */
  receiptDueDate: Date | null;
  assigneeEmail: string | null;
  /** Masked ("j•••e@example.com") for roles without requests.readPersonal; null once erased. */
  requesterEmail: string | null;
  /** Null until the request is routed (at email confirmation). */
  route: RequestRoute | null;
  /** The request's open referral, else its latest one; null when it was never referred. */
  referral: { customerName: string; state: ReferralState; description: string } | null;
};

/** `count` stops at COUNT_CAP + 1: `capped` means "more than COUNT_CAP" (for a fragment search that reached its bound, "at least `count`"). */
export type StatusCount = { status: RequestStatus; count: number; capped: boolean };

export type QueuePage = {
  rows: QueueRow[];
  nextCursor: string | null;
  counts: StatusCount[];
  /** An email search by a role that may not see emails: nothing was searched. */
  emailSearchRefused: boolean;
  /** No request contains the fragment searched: these are the names spelt close to it. */
  closeSpellings: boolean;
};

export type QueueViewer = Pick<StaffUser, "id" | "role" | "grants">;

export type RawRow = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  region: string | null;
  received_at: Date;
  verified_at: Date | null;
  due_date: Date | null;
  extended: boolean;
  receipt_due_date: Date | null;
  requester_email: string | null;
  assignee_email: string | null;
  route: RequestRoute | null;
  referral_status: ReferralStatus | null;
  referral_export_requested_at: Date | null;
  referral_export_delivered_at: Date | null;
  referral_reminders_sent: number | null;
  referral_customer_name: string | null;
};

/** The queue for the signed-in staff member: the real permission check, whatever the page did. */
export async function listQueue(filters: QueueFilters, now = new Date()): Promise<QueuePage> {
  const viewer = await requirePermission("requests.read");
  return queryQueue(filters, viewer, now);
}

/**
 * The queue as `viewer` sees it. listQueue is the entry point for pages; this one exists for
 * callers that already hold the viewer (tests), and still refuses a role that may not read.
 * Two statements in parallel: the page of rows, and the bounded counts per status.
 */
export async function queryQueue(filters: QueueFilters, viewer: QueueViewer, now = new Date()): Promise<QueuePage> {
  if (!allows(viewer, "requests.read")) throw new AuthorizationError("FORBIDDEN");
  // Looking a person up by email address is reading personal data: auditors search by reference.
  if (filters.q && searchKind(filters.q) === "email" && !allows(viewer, "requests.readPersonal")) {
    return { rows: [], nextCursor: null, counts: zeroCounts(), emailSearchRefused: true, closeSpellings: false };
  }

  const timeZone = await getOperatorTimeZone();
  const exact: QueueQueryContext = { viewerId: viewer.id, personal: allows(viewer, "requests.readPersonal"), today: isoDayIn(now, timeZone), timeZone };
  // No request contains the fragment: names spelt close to it instead.
  const {
    result: [raw, counted],
    context,
  } = await runWidening(
    filters,
    exact,
    (c) => Promise.all([db.$queryRaw<RawRow[]>(queuePageSql(filters, c)), db.$queryRaw<{ status: RequestStatus; count: number }[]>(queueCountsSql(filters, c))]),
    ([rows]) => rows.length === 0,
  );

  const page = raw.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor =
    raw.length > QUEUE_PAGE_SIZE && last
      ? cursorAfter(last, filters.sort)
      : null;

  const byStatus = new Map(counted.map((c) => [c.status, Number(c.count)]));
  // A fragment search counted up to its bound: every figure is then "at least".
  const bounded = Boolean(filters.q) && searchKind(filters.q!) === "text" && counted.reduce((n, c) => n + Number(c.count), 0) >= SEARCH_COUNT_LIMIT;
  const maxReminders = (await readHandling(db)).referralMaxReminders;
  return {
    rows: page.map((r) => toQueueRow(r, viewer, maxReminders)),
    nextCursor,
    counts: zeroCounts().map(({ status }) => {
      const count = byStatus.get(status) ?? 0;
      return { status, count: Math.min(count, COUNT_CAP), capped: bounded || count > COUNT_CAP };
    }),
    emailSearchRefused: false,
    closeSpellings: context.closeSpellings === true,
  };
}

/** The cursor that continues after `last` in the queue's order. */
export function cursorAfter(last: Pick<RawRow, "id" | "due_date" | "received_at">, sort: QueueFilters["sort"]): string {
  return encodeCursor(
    sort === "due"
      ? { sort: "due", key: last.due_date ? last.due_date.toISOString().slice(0, 10) : "infinity", id: last.id }
      : { sort: "received", key: last.received_at.toISOString(), id: last.id },
  );
}

/** A row of the page's SQL as the queue shows it, the requester's address masked for roles that may not read it. */
export function toQueueRow(r: RawRow, viewer: QueueViewer, maxReminders: number): QueueRow {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    jurisdiction: r.jurisdiction,
    region: r.region,
    receivedAt: r.received_at,
    verifiedAt: r.verified_at,
    dueDate: r.due_date,
    extended: r.extended,
    receiptDueDate: r.receipt_due_date,
    assigneeEmail: r.assignee_email,
    requesterEmail: maskForRole(viewer, r.requester_email, maskEmail),
    route: r.route,
    referral: r.referral_status ? referralOf(r.referral_status, r, maxReminders) : null,
  };
}

function referralOf(status: ReferralStatus, r: RawRow, maxReminders: number): QueueRow["referral"] {
  const facts = { status, exportRequestedAt: r.referral_export_requested_at,
    exportDeliveredAt: r.referral_export_delivered_at,
    remindersSent: r.referral_reminders_sent ?? 0 };
  return { customerName: r.referral_customer_name ?? "", state: referralState(facts), description: describeReferral(facts, maxReminders) };
}

/** Every status, in the order of the enum (the order a request moves through them). */
function zeroCounts(): StatusCount[] {
  return Object.values(RequestStatus).map((status) => ({ status, count: 0, capped: false }));
}

export type QueueStaff = { id: string; email: string; name: string | null };

/** Who can hold requests (active admins and officers): the assignee filter and the bulk assign list. */
export async function listQueueStaff(): Promise<QueueStaff[]> {
  await requirePermission("requests.read");
  return db.staff.findMany({
    where: { role: { in: ["ADMIN", "OFFICER"] }, kind: "PERSON", deactivatedAt: null },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
    take: 500,
  });
}
