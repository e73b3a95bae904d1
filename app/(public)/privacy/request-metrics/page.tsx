import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RequestMetricsTable } from "@/components/request-metrics-table";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import { getOperatorTimeZone, getOrganizationSettings } from "@/lib/organization/settings";
import { metricsPublished } from "@/lib/reports/publish";
import { requestMetrics } from "@/lib/reports/request-metrics";

export const metadata: Metadata = { title: "Privacy request metrics" };

/** Past calendar years shown, newest first. */
const YEARS_SHOWN = 3;

// The operator's CCPA §7102 metrics, once an admin publishes them (/admin/reports): each past
// calendar year's requests from California residents. Not found while unpublished.
export default async function RequestMetricsPage() {
  await connection();
  if (!(await metricsPublished())) notFound();
  const [org, timeZone] = await Promise.all([getOrganizationSettings(), getOperatorTimeZone()]);
  const current = calendarDayIn(new Date(), timeZone).getUTCFullYear();
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - 1 - i).filter((y) => y >= 2020);
  const tables = await Promise.all(years.map(async (year) => ({ year, rows: await requestMetrics(db, { year, scope: "ccpa", timeZone }) })));
  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Privacy request metrics</h1>
        <p>
          How {org.legalName} answered the privacy requests of California residents in each past calendar year (California Consumer Privacy
          Act regulations, 11 CCR §7102): the requests received, complied with in whole or in part, and denied, and how many days we took
          to respond. A request counts in the year we received it.
        </p>
      </header>
      {tables.map(({ year, rows }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="space-y-3">
          <h2 id={`year-${year}`} className="text-xl font-semibold text-slate-900">
            {year}
          </h2>
          <RequestMetricsTable rows={rows} caption={`Requests from California residents received in ${year}`} />
        </section>
      ))}
      <p className="text-sm text-slate-700">
        “Denied: identity not verified” are requests we could not act on because the requester never confirmed their email address, or because we could not verify who made them. The other denials are counted by the reason we gave: an exception in the law (for example, records we must keep), a request that was manifestly unfounded or excessive, or a right the law does not give for that request.
      </p>
    </div>
  );
}
