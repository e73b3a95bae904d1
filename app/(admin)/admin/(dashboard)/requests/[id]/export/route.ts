import { DomainError } from "@/lib/actions/domain-error";
import { AuthorizationError, requirePermission } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/requests/events";
import { exportRequestRecord } from "@/lib/requests/handling/detail";

// One request's record as 11 CCR §7101 asks (admins only), as a JSON or CSV download.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let staff;
  try {
    staff = await requirePermission("audit.export");
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return new Response(error.message, { status: error.code === "UNAUTHENTICATED" ? 401 : 403 });
    }
    throw error;
  }
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
  try {
    const { json, csv, record } = await exportRequestRecord(id);
    const reference = (record as { reference?: string }).reference ?? id;
    // Who took a copy of the record, and when, is part of the record.
    await recordEvent(db, { requestId: id, actorType: "STAFF", actorId: staff.id, action: "record.exported", visibility: "INTERNAL", data: { format } });
    return new Response(format === "csv" ? csv : json, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${reference}-record.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
