import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { RequestMetricsTable } from "@/components/request-metrics-table";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { gpcFigures } from "@/lib/privacy-signals/gpc";
import { metricsPublished } from "@/lib/reports/publish";
import { parseScope, parseYear, requestMetrics, type MetricScope } from "@/lib/reports/request-metrics";
import { FocusOnArrival } from "../requests/[id]/run-refresh";
import { publishMetricsForm } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

export const metadata: Metadata = {
  title: "Request metrics",
  // The publication form posts without JavaScript: same-origin keeps its Origin header (see /admin/requests).
  referrer: "same-origin",
};

const SCOPE_LABELS: Record<MetricScope, string> = { ccpa: "California residents (CCPA)", all: "Every requester" };

// CCPA §7102 metrics for a calendar year (issue 13): every staff role reads them (aggregates, no
// personal data), downloads them as CSV, and an admin publishes past years on a public page.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ year?: string; scope?: string; published?: string; publishError?: string; at?: string }> }) {
  const staff = await requirePagePermission("requests.read", "/admin/reports");
  const query = await searchParams;
  const timeZone = await getOperatorTimeZone();
  const current = calendarDayIn(new Date(), timeZone).getUTCFullYear();
  const year = parseYear(query.year, current);
  const scope = parseScope(query.scope);
  const [rows, published, gpc] = await Promise.all([requestMetrics(db, { year, scope, timeZone }), metricsPublished(), gpcFigures(db, { year, timeZone })]);
  const years = Array.from({ length: current - 2019 }, (_, i) => current - i);
  const csvHref = `/admin/reports/csv?${new URLSearchParams({ year: String(year), scope })}`;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Request metrics</h1>
        <p className="mt-1 max-w-3xl text-slate-800">
          What CCPA §7102 asks a business that handles the personal information of 10 million or more Californians a year to publish by 1 July
          for the previous calendar year: per category, the requests received, complied with in whole or in part, and denied, and the median
          and mean days to respond. A request counts in the year it was received ({timeZone}); one still open is counted apart.
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-4 rounded-md border border-slate-300 bg-white p-4">
        <div>
          <label htmlFor="metrics-year" className="block text-sm font-medium text-slate-900">
            Calendar year
          </label>
          <select id="metrics-year" name="year" defaultValue={String(year)} className={`${inputClass} mt-1`}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="metrics-scope" className="block text-sm font-medium text-slate-900">
            Requests from
          </label>
          <select id="metrics-scope" name="scope" defaultValue={scope} className={`${inputClass} mt-1`}>
            {Object.entries(SCOPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Show
        </button>
      </form>

      <RequestMetricsTable rows={rows} caption={`Received in ${year}: ${SCOPE_LABELS[scope]}`} />
      <p className="text-sm text-slate-700">
        “Denied: identity not verified” counts requests closed because the requester never confirmed their email address, and those an officer denied as unverifiable; the other denials are counted by the basis the officer chose when denying. The form offers no
        request to limit the use of sensitive personal information, so that row stays at zero.{" "}
        <a className="text-blue-700 underline underline-offset-4" href={csvHref} download>
          Download {year} as CSV
        </a>
      </p>

      <section aria-labelledby="gpc-heading" className="max-w-3xl space-y-3">
        <h2 id="gpc-heading" className="text-lg font-semibold text-slate-900">
          Global Privacy Control in {year}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-slate-800">
          <dt className="font-medium">Opt-outs sent with the signal</dt>
          <dd>{gpc.optOutRequests.toLocaleString("en")}</dd>
          <dt className="font-medium">Public pages shown to browsers sending it</dt>
          <dd>{gpc.pages.toLocaleString("en")}</dd>
        </dl>
        <p className="text-sm text-slate-700">
          Every public page tells a browser that sends Global Privacy Control that the signal is honoured; the pages are counted per UTC day
          and nothing else about those visits is kept. An opt-out sent from such a browser is marked on its record (every requester, counted
          in the opt-out row above when it falls in the scope) and opens in the queue like any other opt-out.
        </p>
      </section>

      <section id="publication" aria-labelledby="publication-heading" className="max-w-3xl space-y-3">
        <h2 id="publication-heading" className="text-lg font-semibold text-slate-900">
          Publication
        </h2>
        <div aria-live="polite">
          {query.published ? (
            <FocusOnArrival key={`published-${query.at}`}>
              <Alert tone="success">
                {query.published === "on" ? "Published: the past years' metrics are on the public page." : "No longer published: the public page is gone."}
              </Alert>
            </FocusOnArrival>
          ) : null}
          {query.publishError ? (
            <FocusOnArrival key={`error-${query.at}`}>
              <Alert tone="error">{query.publishError === "FORBIDDEN" ? "Only an admin can change the publication." : "That did not work. Nothing was changed; please try again."}</Alert>
            </FocusOnArrival>
          ) : null}
        </div>
        <p className="text-slate-800">
          {published ? (
            <>
              Published at{" "}
              <a className="text-blue-700 underline underline-offset-4" href="/privacy/request-metrics">
                /privacy/request-metrics
              </a>{" "}
              (California residents, each past calendar year). Link it from the privacy policy.
            </>
          ) : (
            "Not published. Once published, each past calendar year's figures for California residents are on a public page to link from the privacy policy."
          )}
        </p>
        {can(staff.role, "settings.manage") ? (
          <ActionForm action={publishMetricsForm}>
            <input type="hidden" name="on" value={published ? "off" : "on"} />
            <button type="submit" className={buttonClass(published ? "secondary" : "primary")}>
              {published ? "Stop publishing" : "Publish the past years' metrics"}
            </button>
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-700">An admin publishes them.</p>
        )}
      </section>
    </div>
  );
}
