import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RequestMetricsTable } from "@/components/request-metrics-table";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import { getOperatorTimeZone, getOrganizationSettings } from "@/lib/organization/settings";
import { metricsPublished } from "@/lib/reports/publish";
import { requestMetrics } from "@/lib/reports/request-metrics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.metrics"))("title") };
}

/** Past calendar years shown, newest first. */
const YEARS_SHOWN = 3;

// The operator's CCPA §7102 metrics, once an admin publishes them (/admin/reports): each past
// calendar year's requests from California residents. Not found while unpublished.
export default async function RequestMetricsPage() {
  await connection();
  if (!(await metricsPublished())) notFound();
  const [org, timeZone, t] = await Promise.all([getOrganizationSettings(), getOperatorTimeZone(), getTranslations("pages.metrics")]);
  const current = calendarDayIn(new Date(), timeZone).getUTCFullYear();
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - 1 - i).filter((y) => y >= 2020);
  const tables = await Promise.all(years.map(async (year) => ({ year, rows: await requestMetrics(db, { year, scope: "ccpa", timeZone }) })));
  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t("intro", { company: org.legalName })}</p>
      </header>
      {tables.map(({ year, rows }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="space-y-3">
          <h2 id={`year-${year}`} className="text-xl font-semibold text-slate-900">
            {year}
          </h2>
          <RequestMetricsTable rows={rows} caption={t("caption", { year: String(year) })} />
        </section>
      ))}
      <p className="text-sm text-slate-700">{t("denials")}</p>
    </div>
  );
}
