import { serveDownload } from "@/lib/http/file-download";
import { localeHref } from "@/lib/i18n/server";
import { openWorkspaceExport } from "@/lib/referrals/export";
import { referralPath } from "@/lib/referrals/refer";

// A workspace export we delivered to the customer: only through a working link of its open
// referral, until the download expires; every download is in the request's audit trail.
export async function GET(request: Request, { params }: { params: Promise<{ token: string; packageId: string }> }) {
  const { token, packageId } = await params;
  // An expired download sends the reader back to the page in the language it was opened in.
  return serveDownload(request, await localeHref(referralPath(encodeURIComponent(token))), () => openWorkspaceExport(token, packageId), "referral.export_download_failed");
}
