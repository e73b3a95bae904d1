import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/staff";
import { getDashboardStats, getOverviewCharts } from "@/lib/dashboard/stats";
import type { OverviewCharts } from "@/lib/dashboard/charts";
import { BarChart } from "@/components/bar-chart";
import { FigureTable } from "@/components/figure-table";
import { JURISDICTION_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";
import { STATUS_LABELS } from "./requests/status-labels";
import { monthLabel } from "@/lib/dates/months";

export const metadata: Metadata = { title: "Overview" };

// Every status, in the order a request moves through them.
const ALL = Object.values(RequestStatus);

export default async function DashboardHome() {
  // Layout and page render concurrently: the page checks for itself before it reads anything.
  await requirePagePermission("requests.read", "/admin");
  const [stats, charts] = await Promise.all([getDashboardStats(), getOverviewCharts()]);
  const cards = [
    { label: "Overdue", value: stats.overdue, href: "/admin/requests?due=overdue", urgent: stats.overdue > 0 },
    { label: "Due within 7 days", value: stats.dueThisWeek, href: "/admin/requests?due=week", urgent: false },
    // Routed by nobody yet: the portal could not tell whose data it is (issue 13, point 7).
    { label: "Needs routing", value: stats.needsRouting, href: "/admin/requests?status=open&route=UNRESOLVED", urgent: stats.needsRouting > 0 },
    ...UNFINISHED_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: stats.byStatus[s] ?? 0, href: `/admin/requests?status=${s}`, urgent: false })),
  ];
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold text-slate-900">Overview</h1>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="text-lg font-semibold text-slate-900">
          Open requests
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map((card) => (
            <li key={card.label}>
              <a
                href={card.href}
                className={`block rounded-md border bg-white p-4 hover:border-blue-700 ${card.urgent ? "border-red-700" : "border-slate-300"}`}
              >
                <span className="block text-sm text-slate-700">{card.label}</span>
                <span className={`mt-1 block text-3xl font-bold ${card.urgent ? "text-red-700" : "text-slate-900"}`}>{card.value}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <Charts charts={charts} />
      <section aria-labelledby="status-heading">
        <h2 id="status-heading" className="text-lg font-semibold text-slate-900">
          All requests by status
        </h2>
        <table className="mt-4 w-full max-w-xl border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 font-semibold">Status</th>
              <th scope="col" className="p-2 text-right font-semibold">Requests</th>
            </tr>
          </thead>
          <tbody>
            {ALL.map((status) => (
              <tr key={status} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">{STATUS_LABELS[status]}</th>
                <td className="p-2 text-right tabular-nums">{stats.byStatus[status] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="speed-heading">
        <h2 id="speed-heading" className="text-lg font-semibold text-slate-900">
          Median days to close
        </h2>
        <table className="mt-4 w-full max-w-xl border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 font-semibold">Closed in the last</th>
              <th scope="col" className="p-2 text-right font-semibold">Median days</th>
              <th scope="col" className="p-2 text-right font-semibold">Requests closed</th>
            </tr>
          </thead>
          <tbody>
            {stats.medianDaysToClose.map((row) => (
              <tr key={row.days} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">{row.days} days</th>
                <td className="p-2 text-right tabular-nums">{row.median === null ? "–" : row.median.toFixed(1)}</td>
                <td className="p-2 text-right tabular-nums">{row.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const shortMonth = (month: string) => monthLabel(month, "short");
const days = (d: number | null) => (d === null ? "–" : d.toFixed(1));
const share = (part: number, whole: number) => Math.round((part / whole) * 100);

/** The figures over time (issue 13): each chart with its table; each bar opens the queue with its filter. */
function Charts({ charts }: { charts: OverviewCharts }) {
  const types = [...new Set(charts.months.flatMap((m) => Object.keys(m.received)))] as (keyof typeof REQUEST_TYPE_LABELS)[];
  const open = charts.open.reduce((t, o) => ({ overdue: t.overdue + o.overdue, week: t.week + o.week, later: t.later + o.later }), { overdue: 0, week: 0, later: 0 });
  const queue = (due: string, jurisdiction?: string) => `/admin/requests?status=open&due=${due}${jurisdiction ? `&jurisdiction=${jurisdiction}` : ""}`;
  return (
    <section aria-labelledby="charts-heading" className="space-y-8">
      <h2 id="charts-heading" className="text-lg font-semibold text-slate-900">
        Over the last 12 months
      </h2>
      <BarChart
        id="open-chart"
        title="Open requests by time left"
        bars={[
          { label: "Overdue", value: open.overdue, href: queue("overdue") },
          { label: "Due within 7 days", value: open.week, href: queue("week") },
          { label: "Later", value: open.later, href: queue("later") },
        ]}
      >
        <FigureTable
          caption="Open requests by time left, per law"
          headers={["Law", "Overdue", "Due within 7 days", "Later"]}
          rows={charts.open.map((o) => ({
            key: o.jurisdiction,
            label: JURISDICTION_LABELS[o.jurisdiction],
            cells: (["overdue", "week", "later"] as const).map((due) => (
              <a key={due} className="text-blue-700 underline underline-offset-4" href={queue(due, o.jurisdiction)}>
                {o[due]}
              </a>
            )),
          }))}
        />
      </BarChart>
      <BarChart
        id="received-chart"
        title="Requests received per month"
        bars={charts.months.map((m) => ({ label: shortMonth(m.month), value: m.receivedTotal, href: `/admin/requests?received=${m.month}&sort=received` }))}
      >
        <FigureTable
          caption="Requests received per month, by type"
          headers={["Month", ...types.map((t) => REQUEST_TYPE_LABELS[t]), "All"]}
          rows={charts.months.map((m) => ({
            key: m.month,
            label: shortMonth(m.month),
            cells: [...types.map((t) => ({ type: t, n: m.received[t] ?? 0 })), { type: null, n: m.receivedTotal }].map(({ type, n }) => (
              <a key={type ?? "all"} className="text-blue-700 underline underline-offset-4" href={`/admin/requests?received=${m.month}${type ? `&type=${type}` : ""}&sort=received`}>
                {n}
              </a>
            )),
          }))}
        />
      </BarChart>
      <BarChart
        id="on-time-chart"
        title="Closed on time, per month (%)"
        max={100}
        bars={charts.months.map((m) => ({
          label: shortMonth(m.month),
          value: m.closed ? share(m.onTime, m.closed) : 0,
          text: m.closed ? `${share(m.onTime, m.closed)}% of ${m.closed}` : "none closed",
          href: m.closed ? `/admin/requests?closed=${m.month}&sort=received` : undefined,
        }))}
      >
        <FigureTable
          caption="Requests closed per month: on time, and days to close"
          headers={["Month", "Closed", "On time", "Median days to close", "90th percentile"]}
          rows={charts.months.map((m) => ({
            key: m.month,
            label: shortMonth(m.month),
            cells: [m.closed, m.closed ? `${m.onTime} (${share(m.onTime, m.closed)}%)` : "–", days(m.medianDays), days(m.p90Days)],
          }))}
        />
      </BarChart>
    </section>
  );
}
