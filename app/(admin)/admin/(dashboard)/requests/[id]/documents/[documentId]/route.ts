import { staffOrRefusal } from "@/lib/http/staff-route";
import { fileDownloadResponse } from "@/lib/http/file-download";
import { openRepresentationDocument } from "@/lib/representation/documents";
import { isUuid } from "@/lib/requests/handling/load";

// A document an agent or parent uploaded, for staff who may read personal data: always an
// attachment (never shown inline, whatever it holds), never cached, and recorded in the audit trail.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const { staff, refusal } = await staffOrRefusal("requests.readPersonal");
  if (refusal) return refusal;
  const file = isUuid(id) && isUuid(documentId) ? await openRepresentationDocument(id, documentId, staff.id) : null;
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return fileDownloadResponse(file);
}
