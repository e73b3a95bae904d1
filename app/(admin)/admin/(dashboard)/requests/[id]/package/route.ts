import { receivePackageUpload } from "@/lib/http/package-upload";
import { attachDataPackage } from "@/lib/requests/handling/complete";

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
