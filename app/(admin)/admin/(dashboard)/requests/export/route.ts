import { AuthorizationError, requirePermission } from "@/lib/auth/staff";
import { logError } from "@/lib/log";
import { parseQueueFilters } from "@/lib/requests/queue-filters";
import { exportQueueCsv, recordQueueExport } from "@/lib/requests/queue-export";

// The filtered queue as a CSV download (the queue page's "Download as CSV"), streamed.
export async function GET(request: Request) {
  let staff;
  try {
    staff = await requirePermission("requests.read");
  } catch (error) {
    if (error instanceof AuthorizationError) return new Response(error.message, { status: error.code === "UNAUTHENTICATED" ? 401 : 403 });
    throw error;
  }
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const chunks = exportQueueCsv(filters, staff);
  // The first chunk (the header) proves the export is allowed before the response starts.
  let first: IteratorResult<string>;
  try {
    first = await chunks.next();
  } catch (error) {
    if (error instanceof AuthorizationError) return new Response("Your role cannot search by email address.", { status: 403 });
    throw error;
  }
  await recordQueueExport(staff, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        logError("queue.export_failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="requests-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
