import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { isUnfinished } from "@/lib/requests/lifecycle";
import { hasFilters, MAX_SEARCH_LENGTH, MIN_SEARCH_LENGTH, parseQueueFilters, QUEUE_PATH, queueHref, searchKind, type QueueFilters, type RawSearchParams } from "@/lib/requests/queue-filters";
import { listQueue, listQueueStaff, type QueuePage } from "@/lib/requests/queue";
import { COUNT_CAP } from "@/lib/requests/queue-sql";
import { lastMonths } from "@/lib/dashboard/charts";
import { BulkForm } from "./bulk-form";
import { QueueFilterForm } from "./queue-filter-form";
import { QueueTable } from "./queue-table";
import { STATUS_LABELS } from "./status-labels";

export const metadata: Metadata = {
  title: "Requests",
  // The site sends Referrer-Policy: no-referrer (status links carry secrets). Under it a browser
  // without JavaScript posts the bulk form with "Origin: null", which Next refuses as a possible
  // forgery. This page's URLs hold no secret, and same-origin still tells other sites nothing.
  referrer: "same-origin",
};

const linkClass = "text-blue-700 underline underline-offset-4 hover:text-blue-900";
const number = new Intl.NumberFormat("en-GB");

function StatusCounts({ queue, filters }: { queue: QueuePage; filters: QueueFilters }) {
  // "Open" is every request not finished, with the customer or not.
  const open = queue.counts.filter((c) => isUnfinished(c.status));
  const openCount = open.reduce((sum, c) => sum + c.count, 0);
  const links = [
    { key: "all", label: "All statuses", href: queueHref({ ...filters, status: undefined, cursor: undefined }), current: !filters.status, count: null },
    {
      key: "open",
      label: "Open",
      href: queueHref({ ...filters, status: "open", cursor: undefined }),
      current: filters.status === "open",
      count: open.some((c) => c.capped) ? `${number.format(openCount)}+` : number.format(openCount),
    },
    ...queue.counts.map((c) => ({
      key: c.status,
      label: STATUS_LABELS[c.status],
      href: queueHref({ ...filters, status: c.status, cursor: undefined }),
      current: filters.status === c.status,
      count: c.capped ? `${number.format(COUNT_CAP)}+` : number.format(c.count),
    })),
  ];
  return (
    <nav aria-label="Requests by status">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.key}>
            <a
              href={link.href}
              aria-current={link.current ? "page" : undefined}
              className={`inline-block rounded-md border px-3 py-1.5 text-sm hover:border-blue-700 ${
                link.current ? "border-blue-700 bg-blue-700 font-semibold text-white" : "border-slate-300 bg-white text-slate-900"
              }`}
            >
              {link.label}
              {link.count !== null ? <span className="ml-1 tabular-nums">({link.count})</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requirePagePermission("requests.read", QUEUE_PATH);
  const params: RawSearchParams = await searchParams;
  const filters = parseQueueFilters(params);
  const now = new Date();
  const [queue, people, timeZone] = await Promise.all([listQueue(filters, now), listQueueStaff(), getOperatorTimeZone()]);
  const canAct = can(staff.role, "requests.act");
  const personal = can(staff.role, "requests.readPersonal");

  const typed = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim() ?? "";
  const filtered = hasFilters(filters);
  const caption = [
    filters.sort === "due" ? "Requests by due date, soonest first (no due date last)" : "Requests by date received, newest first",
    filtered ? "matching the filters above" : null,
    filters.cursor ? "continued from an earlier page" : null,
  ]
    .filter(Boolean)
    .join(", ");

  const table = <QueueTable rows={queue.rows} now={now} timeZone={timeZone} caption={`${caption}.`} selectable={canAct} />;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Requests</h1>
      <QueueFilterForm filters={filters} query={filters.q ?? typed} people={people} personal={personal} months={lastMonths(now, timeZone).reverse()} />

      {typed && !filters.q ? (
        <Alert tone="info" title="That search was left out">
          Search with at least {MIN_SEARCH_LENGTH} characters (and no more than {MAX_SEARCH_LENGTH}).
        </Alert>
      ) : null}
      {filters.q && !personal && searchKind(filters.q) === "text" ? (
        <p className="text-sm text-slate-700">Your role shows requests without personal data, so the search looked at references only.</p>
      ) : null}
      {queue.closeSpellings ? (
        <Alert tone="info" title="Close spellings">
          No request contains “{filters.q}”: the requests listed are those whose names are spelt close to it.
        </Alert>
      ) : null}
      {queue.emailSearchRefused ? (
        <Alert tone="info" title="Search by reference">
          Your role shows requests without personal data, so it cannot look people up by email address.
        </Alert>
      ) : null}

      <StatusCounts queue={queue} filters={filters} />
      {queue.rows.length > 0 ? (
        <p>
          {/* Every request these filters match, not only this page; streamed as it is read. */}
          <a href={`${QUEUE_PATH}/export${queueHref({ ...filters, cursor: undefined }).slice(QUEUE_PATH.length)}`} className={linkClass} download>
            Download these requests as CSV
          </a>
        </p>
      ) : null}

      {queue.rows.length === 0 ? (
        <div className="rounded-md border border-slate-300 bg-white p-6">
          <h2 className="text-lg font-semibold text-slate-900">{filters.cursor ? "No more requests" : "No requests match"}</h2>
          <p className="mt-1 text-slate-700">
            {filters.cursor
              ? "You have reached the end of this list."
              : filtered
                ? "Nothing matches these filters. Try fewer filters, or another search."
                : "No one has made a request yet."}
          </p>
          <p className="mt-3 flex gap-4">
            {filters.cursor ? (
              <a href={queueHref({ ...filters, cursor: undefined })} className={linkClass}>
                First page
              </a>
            ) : null}
            {filtered ? (
              <a href={QUEUE_PATH} className={linkClass}>
                Clear filters
              </a>
            ) : null}
          </p>
        </div>
      ) : canAct ? (
        <BulkForm permalink={queueHref(filters)} people={people.map((p) => ({ id: p.id, label: p.name ? `${p.name} (${p.email})` : p.email }))}>{table}</BulkForm>
      ) : (
        table
      )}

      {queue.rows.length > 0 && (filters.cursor || queue.nextCursor) ? (
        <nav aria-label="Pages" className="flex gap-6">
          {filters.cursor ? (
            <a href={queueHref({ ...filters, cursor: undefined })} className={linkClass}>
              First page
            </a>
          ) : null}
          {queue.nextCursor ? (
            <a href={queueHref({ ...filters, cursor: queue.nextCursor })} rel="next" className={linkClass}>
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
