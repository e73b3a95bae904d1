import { serveDownload } from "@/lib/http/file-download";
import { openDataPackage } from "@/lib/requests/handling/complete";

// The requester's data package: decrypted on the fly, never cached, every download on the timeline.
export async function GET(request: Request, { params }: { params: Promise<{ token: string; packageId: string }> }) {
  const { token, packageId } = await params;
  return serveDownload(request, `/requests/status/${token}`, () => openDataPackage(token, packageId), "package.download_failed");
}
