import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { logError } from "@/lib/log";
import { openDataPackage } from "@/lib/requests/handling/complete";

// The requester's data package: decrypted on the fly, never cached, every download on the timeline.
export async function GET(request: Request, { params }: { params: Promise<{ token: string; packageId: string }> }) {
  const { token, packageId } = await params;
  try {
    const file = await openDataPackage(token, packageId);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Content-Length": String(file.bytes.byteLength),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
      return NextResponse.redirect(new URL(`/requests/status/${token}?download=${encodeURIComponent(error.code)}`, request.url), 303);
    }
    logError("package.download_failed", error);
    return new Response("The download failed. Please try again in a moment.", { status: 500 });
  }
}
