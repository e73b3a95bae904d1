import { AuthorizationError, requirePermission } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { metricsCsv, parseScope, parseYear, requestMetrics } from "@/lib/reports/request-metrics";

// The year's request metrics as CSV, for every staff role (aggregates only, nothing personal).
export async function GET(request: Request) {
  try {
    await requirePermission("requests.read");
  } catch (error) {
    if (error instanceof AuthorizationError) return new Response(error.message, { status: error.code === "UNAUTHENTICATED" ? 401 : 403 });
    throw error;
  }
  const params = new URL(request.url).searchParams;
  const timeZone = await getOperatorTimeZone();
  const year = parseYear(params.get("year") ?? undefined, calendarDayIn(new Date(), timeZone).getUTCFullYear());
  const scope = parseScope(params.get("scope") ?? undefined);
  const rows = await requestMetrics(db, { year, scope, timeZone });
  return new Response(metricsCsv(rows, year, scope), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="request-metrics-${year}-${scope}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
