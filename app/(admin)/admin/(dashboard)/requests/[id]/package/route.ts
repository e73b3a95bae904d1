import { db } from "@/lib/db";
import { staffOrRefusal } from "@/lib/http/staff-route";
import { fileDownloadResponse } from "@/lib/http/file-download";
import { receivePackageUpload } from "@/lib/http/package-upload";
import { openStoredPackage } from "@/lib/packages/parts";
import { recordEvent } from "@/lib/requests/events";
import { attachDataPackage } from "@/lib/requests/handling/complete";
import { isUuid } from "@/lib/requests/handling/load";

// The requester's data package, uploaded from the request page.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return receivePackageUpload(request, {
    page: `/admin/requests/${id}`,
    done: "uploaded",
    store: (file, staff) => attachDataPackage(id, file, staff),
    failure: { event: "package.upload_failed", fields: { requestId: id } },
  });
}

// A package of this request as staff check it (?packageId=): an upload, or a run's package,
// its draft included (the run panel offers it before release). Streamed part by part; recorded.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { staff, refusal } = await staffOrRefusal("requests.readPersonal");
  if (refusal) return refusal;
  const packageId = new URL(request.url).searchParams.get("packageId") ?? "";
  const found =
    isUuid(id) && isUuid(packageId)
      ? await db.dataPackage.findFirst({
          where: { id: packageId, requestId: id, purgedAt: null },
          select: { id: true, filename: true, contentType: true, size: true, ciphertext: true, releasedAt: true },
        })
      : null;
  const file = found ? await openStoredPackage(db, found) : null;
  if (!found || !file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  await recordEvent(db, {
    requestId: id,
    actorType: "STAFF",
    actorId: staff.id,
    action: "package.downloaded_by_staff",
    visibility: "INTERNAL",
    data: { packageId, draft: found.releasedAt === null },
  });
  return fileDownloadResponse(file);
}
