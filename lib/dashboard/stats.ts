import "server-only";
import { requirePermission } from "@/lib/auth/staff";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";
import { UNFINISHED_SQL } from "@/lib/requests/status-sql";
import { overviewCharts, type OverviewCharts } from "@/lib/dashboard/charts";

// Deadlines count for every request not finished, with the customer or not: the same predicate as
// the queue's due filters (lib/requests/queue-sql.ts) and their partial index, so the figures match
// the lists the cards link to.


export type DashboardStats = {
  byStatus: Partial<Record<RequestStatus, number>>;
  overdue: number;
  dueThisWeek: number;
  /** Unfinished requests whose route the portal could not decide: an officer routes them. */
  needsRouting: number;
  medianDaysToClose: { days: number; median: number | null; closed: number }[];
};

/** The numbers on the dashboard home, for staff who may read requests. */
export async function getDashboardStats(now = new Date()): Promise<DashboardStats> {
  await requirePermission("requests.read");
  return computeDashboardStats(now);
}

/** The overview's charts, for staff who may read requests (lib/dashboard/charts.ts). */
export async function getOverviewCharts(now = new Date()): Promise<OverviewCharts> {
  await requirePermission("requests.read");
  return overviewCharts(db, now, await getOperatorTimeZone());
}

/** The unfinished requests a staff member holds, for the nav: one range of the (assignee, status, ...) index. */
export async function countAssignedTo(staffId: string): Promise<number> {
  return db.request.count({ where: { assigneeId: staffId, status: { in: [...UNFINISHED_STATUSES] } } });
}

/** Each figure is one aggregate query over indexed columns. */
export async function computeDashboardStats(now = new Date()): Promise<DashboardStats> {
  // Today as the operator's calendar has it, as the queue's due filters count it.
  const today = calendarDayIn(now, await getOperatorTimeZone());
  const weekEnd = new Date(today.getTime() + 7 * 86_400_000);
  const [groups, deadlines, medians] = await Promise.all([
    db.request.groupBy({ by: ["status"], _count: { _all: true } }),
    db.$queryRaw<{ overdue: bigint; due_this_week: bigint; needs_routing: bigint }[]>`
      SELECT count(*) FILTER (WHERE coalesce(extended_due_at, due_at) < ${today}::date) AS overdue,
             count(*) FILTER (WHERE coalesce(extended_due_at, due_at) >= ${today}::date
                                AND coalesce(extended_due_at, due_at) < ${weekEnd}::date) AS due_this_week,
             count(*) FILTER (WHERE route = 'UNRESOLVED') AS needs_routing
        FROM requests
       WHERE ${UNFINISHED_SQL}`,
    db.$queryRaw<{ days: number; median: number | null; closed: bigint }[]>`
      SELECT w.days,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.received_at) / 86400) AS median,
             count(r.id) AS closed
        FROM (VALUES (30), (90), (365)) AS w(days)
        LEFT JOIN requests r
          ON r.status IN ('COMPLETED', 'DENIED')
         AND r.closed_at >= ${now}::timestamp - make_interval(days => w.days)
       GROUP BY w.days
       ORDER BY w.days`,
  ]);
  return {
    byStatus: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
    overdue: Number(deadlines[0]?.overdue ?? 0),
    dueThisWeek: Number(deadlines[0]?.due_this_week ?? 0),
    needsRouting: Number(deadlines[0]?.needs_routing ?? 0),
    medianDaysToClose: medians.map((m) => ({ days: m.days, median: m.median === null ? null : Number(m.median), closed: Number(m.closed) })),
  };
}
