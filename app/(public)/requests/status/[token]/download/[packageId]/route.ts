import { serveDownload } from "@/lib/http/file-download";
import { localeHref } from "@/lib/i18n/server";
import { openDataPackage } from "@/lib/requests/handling/complete";

// The requester's data package: decrypted on the fly, never cached, every download on the timeline.
export async function GET(request: Request, { params }: { params: Promise<{ token: string; packageId: string }> }) {
  const { token, packageId } = await params;
  // A refusal goes back to the status page in the language it was read in.
  return serveDownload(request, await localeHref(`/requests/status/${token}`), () => openDataPackage(token, packageId), "package.download_failed");
}
