import { daysUntil } from "@/lib/requests/deadlines";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { isOpen } from "@/lib/requests/lifecycle";
import type { QueueRow } from "@/lib/requests/queue";
import { SelectAll } from "./bulk-form";
import { shortJurisdiction, STATUS_LABELS } from "./status-labels";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The date, and for a request we still owe an answer, how urgent it is: in words, not only colour. */
function Due({ row, now }: { row: QueueRow; now: Date }) {
  if (!row.dueDate) return <span className="text-slate-700">Starts on confirmation</span>;
  const date = `${dateFormat.format(row.dueDate)}${row.extended ? " (extended)" : ""}`;
  const left = daysUntil(row.dueDate, now);
  if (!isOpen(row.status) || left >= 7) return <span>{date}</span>;
  return (
    <span>
      {date}
      {left < 0 ? (
        <strong className="mt-0.5 block font-semibold text-red-700">
          <span aria-hidden="true">● </span>Overdue by {days(-left)}
        </strong>
      ) : (
        <strong className="mt-0.5 block font-semibold text-amber-800">{left === 0 ? "Due today" : `Due in ${days(left)}`}</strong>
      )}
    </span>
  );
}

export function QueueTable({ rows, now, caption, selectable }: { rows: QueueRow[]; now: Date; caption: string; selectable: boolean }) {
  return (
    // Wide on a small screen: the region scrolls, and can be scrolled from the keyboard.
    <div role="region" aria-labelledby="queue-caption" tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white focus:outline-2 focus:outline-blue-700">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="queue-caption" className="px-3 py-2 text-left text-sm text-slate-700">
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            {selectable ? (
              <th scope="col" className="w-10 p-3">
                <SelectAll />
              </th>
            ) : null}
            <th scope="col" className="p-3 font-semibold">Reference</th>
            <th scope="col" className="p-3 font-semibold">Type</th>
            <th scope="col" className="p-3 font-semibold">Status</th>
            <th scope="col" className="p-3 font-semibold">Law</th>
            <th scope="col" className="p-3 font-semibold">Received</th>
            <th scope="col" className="p-3 font-semibold">Email confirmed</th>
            <th scope="col" className="p-3 font-semibold">Due</th>
            <th scope="col" className="p-3 font-semibold">Assignee</th>
            <th scope="col" className="p-3 font-semibold">Requester</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const overdue = isOpen(row.status) && row.dueDate !== null && daysUntil(row.dueDate, now) < 0;
            return (
              <tr key={row.id} className={`border-b border-slate-200 align-top ${overdue ? "bg-red-50" : ""}`}>
                {selectable ? (
                  <td className="p-3">
                    <input
                      type="checkbox"
                      name="requestId"
                      value={row.id}
                      aria-label={`Select ${row.reference}`}
                      className="h-5 w-5 accent-blue-700"
                    />
                  </td>
                ) : null}
                <th scope="row" className="whitespace-nowrap p-3 font-medium">
                  <a href={`/admin/requests/${row.id}`} className="font-mono text-blue-700 underline underline-offset-4 hover:text-blue-900">
                    {row.reference}
                  </a>
                </th>
                <td className="p-3">{REQUEST_TYPE_LABELS[row.type]}</td>
                <td className="p-3">{STATUS_LABELS[row.status]}</td>
                <td className="p-3">{shortJurisdiction(row.jurisdiction)}</td>
                <td className="whitespace-nowrap p-3">{dateFormat.format(row.receivedAt)}</td>
                <td className="whitespace-nowrap p-3">{row.verifiedAt ? dateFormat.format(row.verifiedAt) : "No"}</td>
                <td className="whitespace-nowrap p-3">
                  <Due row={row} now={now} />
                </td>
                <td className="p-3">{row.assigneeEmail ?? <span className="text-slate-700">Unassigned</span>}</td>
                <td className="p-3">{row.requesterEmail ?? <span className="text-slate-700">Erased</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
