import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { staffOrRefusal } from "@/lib/http/staff-route";
import { loadPackageContents } from "@/lib/fulfillment/package/contents";
import { reportHtml } from "@/lib/fulfillment/package/report";
import { REPORT_CSP_HEADER } from "@/lib/fulfillment/package/report-csp";
import { webStream } from "@/lib/packages/parts";
import { recordEvent } from "@/lib/requests/events";
import { isUuid } from "@/lib/requests/handling/load";

// The officer's preview of a run's report (index.html of the package), rendered from the found
// records as they stand, exclusions applied. Staff who may read personal data only; no script
// may run in it (its own CSP, carried in the document and sent as the header: proxy.ts sends it for
// this path, since the proxy's header is the one a response keeps).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; runId: string }> }) {
  const { id, runId } = await params;
  const { staff, refusal } = await staffOrRefusal("requests.readPersonal");
  if (refusal) return refusal;
  const run = isUuid(id) && isUuid(runId) ? await db.fulfillmentRun.findFirst({ where: { id: runId, requestId: id }, select: { recordsPurgedAt: true } }) : null;
  if (!run || run.recordsPurgedAt) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const contents = await loadPackageContents(db, runId, now());
  await recordEvent(db, { requestId: id, actorType: "STAFF", actorId: staff.id, action: "run.report_previewed", visibility: "INTERNAL", data: { runId } });

  const body = webStream(reportHtml(db, contents));
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": REPORT_CSP_HEADER,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
