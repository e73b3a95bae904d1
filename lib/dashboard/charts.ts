import "server-only";
import type { Db } from "@/lib/db";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDayIn } from "@/lib/dates/time-zone";
import { UNFINISHED_SQL } from "@/lib/requests/status-sql";

// The overview's figures over time (issue 13): the last 12 months in the operator's time zone,
// requests received per month by type, and of those closed each month how many on time, with the
// median and 90th percentile of days to close; and the open requests by how long they have left,
// per law. Aggregate queries, nothing personal. A finished month's figures are aggregated once and
// kept (ChartMonth): each view aggregates only the month under way.

export type MonthFigures = {
  /** "2026-11" */
  month: string;
  received: Partial<Record<RequestType, number>>;
  receivedTotal: number;
  closed: number;
  onTime: number;
  medianDays: number | null;
  p90Days: number | null;
};

export type OpenBucket = { jurisdiction: Jurisdiction; overdue: number; week: number; later: number };

export type OverviewCharts = { months: MonthFigures[]; open: OpenBucket[] };


/** The 12 months up to `now`'s, oldest first, as "YYYY-MM". */
export function lastMonths(now: Date, timeZone: string, count = 12): string[] {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone }).format(now).split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The figures per month from `from` ("2026-01") on, and before `to` when given, aggregated from the rows. */
async function aggregateMonths(db: Db, timeZone: string, from: string, to?: string): Promise<Map<string, Omit<MonthFigures, "month">>> {
  // A month's first instant, local to the operator, as the stored UTC timestamp.
  const instant = (month: string) => Prisma.sql`(${`${month}-01`}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  const local = (column: string) => Prisma.raw(`(${column} AT TIME ZONE 'UTC' AT TIME ZONE `);
  const before = (column: string) => (to ? Prisma.sql`AND ${Prisma.raw(column)} < ${instant(to)}` : Prisma.empty);
  const [received, closed] = await Promise.all([
    db.$queryRaw<{ month: string; type: RequestType; n: bigint }[]>`
      SELECT to_char(${local("received_at")}${timeZone}), 'YYYY-MM') AS month, type::text AS type, count(*) AS n
        FROM requests WHERE received_at >= ${instant(from)} ${before("received_at")} GROUP BY 1, 2`,
    db.$queryRaw<{ month: string; closed: bigint; on_time: bigint; median: number | null; p90: number | null }[]>`
      SELECT month, count(*) AS closed, count(*) FILTER (WHERE on_time) AS on_time,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM (SELECT to_char(${local("closed_at")}${timeZone}), 'YYYY-MM') AS month,
                     (${local("closed_at")}${timeZone}))::date <= COALESCE(extended_due_at, due_at, 'infinity'::date) AS on_time,
                     extract(epoch FROM closed_at - received_at) / 86400 AS days
                FROM requests WHERE status IN ('COMPLETED', 'DENIED') AND closed_at >= ${instant(from)} ${before("closed_at")}) closed
       GROUP BY month`,
  ]);
  const months = new Set([...received.map((r) => r.month), ...closed.map((r) => r.month)]);
  return new Map(
    [...months].map((month) => {
      const mine = received.filter((r) => r.month === month);
      const c = closed.find((r) => r.month === month);
      return [
        month,
        {
          received: Object.fromEntries(mine.map((r) => [r.type, Number(r.n)])),
          receivedTotal: mine.reduce((n, r) => n + Number(r.n), 0),
          closed: Number(c?.closed ?? 0),
          onTime: Number(c?.on_time ?? 0),
          medianDays: c?.median === null || c?.median === undefined ? null : Number(c.median),
          p90Days: c?.p90 === null || c?.p90 === undefined ? null : Number(c.p90),
        },
      ];
    }),
  );
}

const EMPTY_MONTH: Omit<MonthFigures, "month"> = { received: {}, receivedTotal: 0, closed: 0, onTime: 0, medianDays: null, p90Days: null };

/**
 * The months of the series whose figures no longer change: those that ended more than a day ago
 * in the operator's time zone. Requests are received and closed at the moment they happen, so a
 * finished month gains no rows; the day's margin covers a close committed just after midnight.
 */
export function finishedMonths(months: string[], now: Date, timeZone: string): string[] {
  const today = isoDayIn(now, timeZone);
  const current = today.slice(0, 7);
  const firstDay = today.endsWith("-01");
  return months.filter((m) => m < current).slice(0, firstDay ? -1 : undefined);
}

export async function overviewCharts(db: Db, now: Date, timeZone: string): Promise<OverviewCharts> {
  const months = lastMonths(now, timeZone);
  const finished = finishedMonths(months, now, timeZone);
  const live = months.filter((m) => !finished.includes(m));
  const today = Prisma.sql`(${now}::timestamp AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date`;

  // Finished months from the table of frozen figures; any missing are aggregated once and kept.
  const stored = new Map(
    (await db.chartMonth.findMany({ where: { timeZone, month: { in: finished } }, select: { month: true, figures: true } })).map((r) => [
      r.month,
      r.figures as Omit<MonthFigures, "month">,
    ]),
  );
  const missing = finished.filter((m) => !stored.has(m));
  const [fresh, current, open] = await Promise.all([
    missing.length ? aggregateMonths(db, timeZone, missing[0]!, live[0]) : Promise.resolve(new Map<string, Omit<MonthFigures, "month">>()),
    aggregateMonths(db, timeZone, live[0]!),
    db.$queryRaw<{ jurisdiction: Jurisdiction; overdue: bigint; week: bigint; later: bigint }[]>`
      SELECT jurisdiction::text AS jurisdiction,
             count(*) FILTER (WHERE COALESCE(extended_due_at, due_at) < ${today}) AS overdue,
             count(*) FILTER (WHERE COALESCE(extended_due_at, due_at) >= ${today} AND COALESCE(extended_due_at, due_at) < ${today} + 7) AS week,
             count(*) FILTER (WHERE COALESCE(extended_due_at, due_at) >= ${today} + 7 OR COALESCE(extended_due_at, due_at) IS NULL) AS later
        FROM requests WHERE ${UNFINISHED_SQL} GROUP BY 1 ORDER BY 1`,
  ]);
  if (missing.length) {
    await db.chartMonth.createMany({
      data: missing.map((month) => ({ timeZone, month, figures: fresh.get(month) ?? EMPTY_MONTH })),
      // Two views at once may both aggregate the month: the figures are the same, the first stays.
      skipDuplicates: true,
    });
  }
  return {
    months: months.map((month) => ({ month, ...(stored.get(month) ?? fresh.get(month) ?? current.get(month) ?? EMPTY_MONTH) })),
    open: open.map((o) => ({ jurisdiction: o.jurisdiction, overdue: Number(o.overdue), week: Number(o.week), later: Number(o.later) })),
  };
}
