import { receivePackageUpload } from "@/lib/http/package-upload";
import { deliverWorkspaceExport } from "@/lib/referrals/export";

// The workspace export for a referral's customer, uploaded from the request page's referral panel.
export async function POST(request: Request, { params }: { params: Promise<{ id: string; referralId: string }> }) {
  const { id, referralId } = await params;
  return receivePackageUpload(request, {
    page: `/admin/requests/${id}`,
    done: "exportSent",
    store: (file, staff) => deliverWorkspaceExport(referralId, file, staff),
    failure: { event: "referral.export_upload_failed", fields: { requestId: id, referralId } },
  });
}
