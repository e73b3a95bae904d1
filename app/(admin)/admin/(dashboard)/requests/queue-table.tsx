import { formatCalendarDate, formatInstantDate } from "@/lib/dates/format";
import { daysUntil } from "@/lib/requests/deadlines";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { ROUTE_LABELS } from "@/lib/referrals/state";
import { isUnfinished } from "@/lib/requests/lifecycle";
import type { QueueRow } from "@/lib/requests/queue";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { SelectAll } from "./bulk-form";
import { shortJurisdiction, STATUS_LABELS } from "./status-labels";

// "23 Nov 2022" that never wraps, without a class on every cell.
const nowrap = (text: string) => text.replaceAll(" ", "\u00a0");
/** A due date: a calendar day. */
const day = (value: Date) => nowrap(formatCalendarDate(value, "medium"));
/** When something happened: its day in the operator's time zone. */
const dayOf = (value: Date, timeZone: string) => nowrap(formatInstantDate(value, timeZone, "medium"));

// Styles for every cell, set once on the table: 50 rows of repeated class names would otherwise be
// a third of the page's HTML and of the payload React sends beside it.
const tableClass = [
  "w-full border-collapse text-left text-sm",
  "[&_td]:px-2 [&_td]:py-3 [&_th]:px-2 [&_th]:py-3 [&_thead_th]:font-semibold",
  "[&_tbody_tr]:border-b [&_tbody_tr]:border-slate-200 [&_tbody_tr]:align-top",
  "[&_tbody_th]:whitespace-nowrap [&_tbody_th]:font-medium",
  "[&_tbody_a]:font-mono [&_tbody_a]:text-blue-700 [&_tbody_a]:underline [&_tbody_a]:underline-offset-4 [&_tbody_a:hover]:text-blue-900",
  "[&_input]:h-5 [&_input]:w-5 [&_input]:accent-blue-700",
].join(" ");

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** Where the request went and, once referred, where the referral stands ("Acme Support Ltd · acknowledged"). */
function Route({ row }: { row: QueueRow }) {
  if (!row.route) return <span className="text-slate-700">Not routed</span>;
  const label = ROUTE_LABELS[row.route];
  return (
    <>
      {row.route === "UNRESOLVED" ? <strong className="font-semibold text-amber-800">{label}</strong> : label}
      {row.referral ? (
        <span className="mt-0.5 block text-slate-700">
          {row.referral.customerName} · {row.referral.description}
        </span>
      ) : null}
    </>
  );
}

/** The date, and for a request we still owe an answer, how urgent it is: in words, not only colour. */
function Due({ row, now, timeZone }: { row: QueueRow; now: Date; timeZone: string }) {
  if (!row.dueDate) return <span className="text-slate-700">Starts on confirmation</span>;
  const shown = `${day(row.dueDate)}${row.extended ? " (extended)" : ""}`;
  const left = daysUntil(row.dueDate, now, timeZone);
  if (!isUnfinished(row.status) || left >= 7) return shown;
  return (
    <>
      {shown}
      {left < 0 ? (
        <strong className="mt-0.5 block font-semibold text-red-700">
          <span aria-hidden="true">● </span>Overdue by {days(-left)}
        </strong>
      ) : (
        <strong className="mt-0.5 block font-semibold text-amber-800">{left === 0 ? "Due today" : `Due in ${days(left)}`}</strong>
      )}
    </>
  );
}

/**
 * CCPA's confirmation of receipt (11 CCR §7021(a)), while no confirming email has gone out on a
 * request not yet closed: "Confirm receipt by 4 Dec 2026", in red once the day has passed.
 */
function ReceiptDue({ row, now, timeZone }: { row: QueueRow; now: Date; timeZone: string }) {
  if (!row.receiptDueDate || !(row.status === "PENDING_VERIFICATION" || isUnfinished(row.status))) return null;
  const overdue = daysUntil(row.receiptDueDate, now, timeZone) < 0;
  return (
    <span className={`mt-0.5 block ${overdue ? "font-semibold text-red-700" : "text-slate-700"}`}>
      {overdue ? <span aria-hidden="true">● </span> : null}Confirm receipt by {day(row.receiptDueDate)}
      {overdue ? " (overdue)" : ""}
    </span>
  );
}

export function QueueTable({
  rows,
  now,
  timeZone,
  caption,
  selectable,
}: {
  rows: QueueRow[];
  now: Date;
  /** The operator's: days are counted and dates shown in it. */
  timeZone: string;
  caption: string;
  selectable: boolean;
}) {
  return (
    // Wide on a small screen: the region scrolls, and can be scrolled from the keyboard.
    <div role="region" aria-labelledby="queue-caption" tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white focus:outline-2 focus:outline-blue-700">
      <table className={tableClass}>
        <caption id="queue-caption" className="px-3 py-2 text-left text-sm text-slate-700">
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            {selectable ? (
              <th scope="col" className="w-10">
                <SelectAll />
              </th>
            ) : null}
            <th scope="col">Reference</th>
            <th scope="col">Requester</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Route</th>
            <th scope="col">Law</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const overdue = isUnfinished(row.status) && row.dueDate !== null && daysUntil(row.dueDate, now, timeZone) < 0;
            return (
              <tr key={row.id} className={overdue ? "bg-red-50" : undefined}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="requestId" value={row.id} aria-label={`Select ${row.reference}`} />
                  </td>
                ) : null}
                <th scope="row">
                  <a href={`/admin/requests/${row.id}`}>{row.reference}</a>
                </th>
                <td className="max-w-56 break-words">
                  {row.requesterEmail === null ? <span className="text-slate-700">Erased</span> : <UntrustedText>{row.requesterEmail}</UntrustedText>}
                </td>
                <td>{REQUEST_TYPE_LABELS[row.type]}</td>
                <td>{STATUS_LABELS[row.status]}</td>
                <td className="min-w-40">
                  <Route row={row} />
                </td>
                <td>{shortJurisdiction(row.jurisdiction, row.region)}</td>
                <td>
                  {dayOf(row.receivedAt, timeZone)}
                  <span className="mt-0.5 block text-slate-700">{row.verifiedAt ? `Confirmed ${dayOf(row.verifiedAt, timeZone)}` : "Email not confirmed"}</span>
                </td>
                <td>
                  <Due row={row} now={now} timeZone={timeZone} />
                  <ReceiptDue row={row} now={now} timeZone={timeZone} />
                </td>
                <td className="max-w-44 break-words">{row.assigneeEmail ?? <span className="text-slate-700">Unassigned</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
