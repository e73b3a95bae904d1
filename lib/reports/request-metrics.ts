import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// CCPA §7102 metrics (11 CCR §7102(a)): for one calendar year, per category of request (to know,
// delete, correct, opt out of sale or sharing, limit the use of sensitive personal information),
// how many were received, complied with in whole or in part, and denied, and the median and mean
// days to respond. A request counts in the year it was received, in the operator's time zone;
// "denied" is split by why: unverifiable (the requester never confirmed their email, or an officer
// denied it as unverifiable), an exception in the law, manifestly unfounded or excessive, not a
// right the law gives here, or another reason (the officer's basis, DenialBasis; denials from
// before the basis was asked count as other). Requests still open are counted apart, so the
// figures add up. Duplicates merged into an earlier request and requests marked as spam are left
// out: the first are answered as part of the earlier one, the second are no one's request.
// One aggregate query over the year's range of the received_at index; nothing personal.

export const METRIC_CATEGORIES = ["know", "delete", "correct", "opt_out", "limit"] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<MetricCategory, string> = {
  know: "Requests to know (access and export)",
  delete: "Requests to delete",
  correct: "Requests to correct",
  opt_out: "Requests to opt out of sale or sharing",
  limit: "Requests to limit the use of sensitive personal information",
};

/** Which requests count: every requester, or only those whose request is under the CCPA (California residents). */
export const METRIC_SCOPES = ["ccpa", "all"] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export type MetricsRow = {
  category: MetricCategory;
  received: number;
  complied: number;
  deniedUnverifiable: number;
  deniedExemption: number;
  deniedUnfounded: number;
  deniedNotCovered: number;
  deniedOther: number;
  open: number;
  /** Days from receipt to the response (completed or denied), or null with no response yet. */
  medianDays: number | null;
  meanDays: number | null;
};

const CATEGORY_SQL = Prisma.raw(`CASE type
  WHEN 'ACCESS' THEN 'know' WHEN 'PORTABILITY' THEN 'know'
  WHEN 'DELETION' THEN 'delete' WHEN 'CORRECTION' THEN 'correct' WHEN 'OPT_OUT_SALE' THEN 'opt_out' END`);

/** The year's metrics, one row per category, in METRIC_CATEGORIES order (zeros where none came). */
export async function requestMetrics(db: Db, input: { year: number; scope: MetricScope; timeZone: string }): Promise<MetricsRow[]> {
  // The year's bounds: midnight on 1 January, local to the operator, as the stored UTC instants.
  const start = Prisma.sql`(make_date(${input.year}::int, 1, 1)::timestamp AT TIME ZONE ${input.timeZone}) AT TIME ZONE 'UTC'`;
  const end = Prisma.sql`(make_date(${input.year + 1}::int, 1, 1)::timestamp AT TIME ZONE ${input.timeZone}) AT TIME ZONE 'UTC'`;
  const scope = input.scope === "ccpa" ? Prisma.sql`AND jurisdiction = 'CCPA'` : Prisma.empty;
  const days = Prisma.raw(`extract(epoch FROM closed_at - received_at) / 86400`);
  const responded = Prisma.raw(`status IN ('COMPLETED', 'DENIED')`);
  const rows = await db.$queryRaw<
    {
      category: MetricCategory;
      received: bigint;
      complied: bigint;
      denied_unverifiable: bigint;
      denied_exemption: bigint;
      denied_unfounded: bigint;
      denied_not_covered: bigint;
      denied_other: bigint;
      open: bigint;
      median_days: number | null;
      mean_days: number | null;
    }[]
  >`
    SELECT ${CATEGORY_SQL} AS category,
           count(*) AS received,
           count(*) FILTER (WHERE status = 'COMPLETED') AS complied,
           count(*) FILTER (WHERE status = 'CLOSED_UNVERIFIED' OR (status = 'DENIED' AND denial_basis = 'UNVERIFIABLE')) AS denied_unverifiable,
           count(*) FILTER (WHERE status = 'DENIED' AND denial_basis = 'EXEMPTION') AS denied_exemption,
           count(*) FILTER (WHERE status = 'DENIED' AND denial_basis = 'UNFOUNDED_OR_EXCESSIVE') AS denied_unfounded,
           count(*) FILTER (WHERE status = 'DENIED' AND denial_basis = 'NOT_COVERED') AS denied_not_covered,
           count(*) FILTER (WHERE status = 'DENIED' AND (denial_basis = 'OTHER' OR denial_basis IS NULL)) AS denied_other,
           count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'DENIED', 'CLOSED_UNVERIFIED')) AS open,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${responded}) AS median_days,
           avg(${days}) FILTER (WHERE ${responded}) AS mean_days
      FROM requests
     WHERE received_at >= ${start} AND received_at < ${end}
       AND type IN ('ACCESS', 'PORTABILITY', 'DELETION', 'CORRECTION', 'OPT_OUT_SALE') ${scope}
       -- A merged duplicate is answered as part of the earlier request; spam is no one's request.
       AND status NOT IN ('MERGED', 'CLOSED_SPAM')
     GROUP BY 1`;
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return METRIC_CATEGORIES.map((category) => {
    const r = byCategory.get(category);
    return {
      category,
      received: Number(r?.received ?? 0),
      complied: Number(r?.complied ?? 0),
      deniedUnverifiable: Number(r?.denied_unverifiable ?? 0),
      deniedExemption: Number(r?.denied_exemption ?? 0),
      deniedUnfounded: Number(r?.denied_unfounded ?? 0),
      deniedNotCovered: Number(r?.denied_not_covered ?? 0),
      deniedOther: Number(r?.denied_other ?? 0),
      open: Number(r?.open ?? 0),
      medianDays: r?.median_days === null || r?.median_days === undefined ? null : Number(r.median_days),
      meanDays: r?.mean_days === null || r?.mean_days === undefined ? null : Number(r.mean_days),
    };
  });
}

/** The metrics as CSV (RFC 4180, CRLF), one line per category. */
export function metricsCsv(rows: readonly MetricsRow[], year: number, scope: MetricScope): string {
  const header =
    "year,requests,category,received,complied_with_in_whole_or_in_part,denied_unverifiable,denied_exception_in_law,denied_unfounded_or_excessive,denied_no_such_right,denied_other_reasons,still_open,median_days_to_respond,mean_days_to_respond";
  const lines = rows.map((r) =>
    [year, scope === "ccpa" ? "California (CCPA)" : "All", `"${CATEGORY_LABELS[r.category]}"`, r.received, r.complied, r.deniedUnverifiable, r.deniedExemption, r.deniedUnfounded, r.deniedNotCovered, r.deniedOther, r.open, r.medianDays === null ? "" : r.medianDays.toFixed(1), r.meanDays === null ? "" : r.meanDays.toFixed(1)].join(","),
  );
  return [header, ...lines].join("\r\n") + "\r\n";
}

/** A year the report can show: from 2020 (the CCPA's first) to the current one. */
export function parseYear(value: string | undefined, current: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2020 && year <= current ? year : current;
}

export function parseScope(value: string | undefined): MetricScope {
  return value === "all" ? "all" : "ccpa";
}
