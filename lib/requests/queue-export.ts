import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError } from "@/lib/auth/staff";
import { isoDayIn } from "@/lib/dates/time-zone";
import { db, type Db } from "@/lib/db";
import { csvRow } from "@/lib/fulfillment/package/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { ROUTE_LABELS } from "@/lib/referrals/state";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { searchKind, type QueueFilters } from "@/lib/requests/queue-filters";
import { cursorAfter, toQueueRow, type QueueViewer, type RawRow } from "@/lib/requests/queue";
import { queuePageSql, runWidening, type QueueQueryContext } from "@/lib/requests/queue-sql";
import { lawLabel } from "@/lib/requests/us-state-laws";

// The filtered queue as CSV (issue 13): every matching request, not one page, streamed a chunk of
// rows at a time along the queue's own keyset order, so a million rows never sit in memory. The
// same SQL and the same masking as the page: an auditor's file has masked requester addresses,
// and an auditor cannot filter by an address. Each export is on the exporter's staff trail.

/** Rows per round trip: one keyset range of the queue's indexes. */
export const EXPORT_CHUNK = 2000;

const HEADER = ["reference", "type", "status", "route", "referral", "law", "received_at", "email_confirmed_at", "due_date", "extended", "assignee", "requester_email"];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The CSV, as chunks of text: the header, then EXPORT_CHUNK rows at a time. Refuses a role that
 * may not read requests, and an address search by one that may not read personal data.
 */
export async function* exportQueueCsv(
  filters: QueueFilters,
  viewer: QueueViewer,
  options: { now?: Date; client?: Db; timeZone?: string } = {},
): AsyncGenerator<string> {
  if (!allows(viewer, "requests.read")) throw new AuthorizationError("FORBIDDEN");
  if (filters.q && searchKind(filters.q) === "email" && !allows(viewer, "requests.readPersonal")) throw new AuthorizationError("FORBIDDEN");
  const client = options.client ?? db;
  const timeZone = options.timeZone ?? (await getOperatorTimeZone());
  let context: QueueQueryContext = { viewerId: viewer.id, personal: allows(viewer, "requests.readPersonal"), today: isoDayIn(options.now ?? new Date(), timeZone), timeZone };
  const maxReminders = (await readHandling(client)).referralMaxReminders;
  yield csvRow(HEADER);
  let cursor: string | undefined;
  for (;;) {
    const chunkOf = (c: QueueQueryContext) => client.$queryRaw<RawRow[]>(queuePageSql({ ...filters, cursor }, c, EXPORT_CHUNK + 1));
    // As the page does: names spelt close to a fragment when no request contains it (decided on the first chunk).
    let raw: RawRow[];
    if (cursor) raw = await chunkOf(context);
    else ({ result: raw, context } = await runWidening(filters, context, chunkOf, (rows) => rows.length === 0));
    const chunk = raw.slice(0, EXPORT_CHUNK);
    let text = "";
    for (const r of chunk) {
      const row = toQueueRow(r, viewer, maxReminders);
      text += csvRow([
        row.reference,
        REQUEST_TYPE_LABELS[row.type],
        REQUEST_STATUS_LABELS[row.status],
        row.route ? ROUTE_LABELS[row.route] : "",
        row.referral ? `${row.referral.customerName}: ${row.referral.description}` : "",
        lawLabel(row.jurisdiction, row.region),
        row.receivedAt.toISOString(),
        row.verifiedAt?.toISOString() ?? "",
        day(row.dueDate),
        row.extended ? "yes" : "no",
        row.assigneeEmail ?? "",
        row.requesterEmail ?? "",
      ]);
    }
    if (text) yield text;
    if (raw.length <= EXPORT_CHUNK) return;
    cursor = cursorAfter(chunk.at(-1)!, filters.sort);
  }
}

/** Who exported the queue, and with which filters (an address searched for is not kept, only that there was one). */
export async function recordQueueExport(viewer: QueueViewer, filters: QueueFilters): Promise<void> {
  const { q, cursor: _cursor, ...kept } = filters;
  await db.staffEvent.create({ data: { staffId: viewer.id, actorId: viewer.id, action: "queue.exported", data: { ...kept, ...(q ? { search: searchKind(q) } : {}) } } });
}
