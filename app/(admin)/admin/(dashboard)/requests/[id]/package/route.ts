import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { AuthorizationError, requirePermission } from "@/lib/auth/staff";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import { attachDataPackage } from "@/lib/requests/handling/complete";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";

// A plain multipart form post (server actions cap bodies at 64 KB; packages go up to 10 MB).
// Only same-origin posts are accepted, and the role is checked here like in every action.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = (query: string) => NextResponse.redirect(new URL(`/admin/requests/${id}?${query}`, request.url), 303);
  if (!isSameOriginPost(request)) {
    return new NextResponse("Cross-site form posts are not accepted.", { status: 403 });
  }
  let staff;
  try {
    staff = await requirePermission("requests.act");
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return error.code === "UNAUTHENTICATED"
        ? NextResponse.redirect(new URL("/admin/sign-in", request.url), 303)
        : new NextResponse("Your role does not allow this.", { status: 403 });
    }
    throw error;
  }
  // Refuse an oversized body before reading it.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PACKAGE_BYTES + 64 * 1024) return back("uploadError=PACKAGE_TOO_LARGE");
  try {
    const file = (await request.formData()).get("file");
    if (!(file instanceof File) || file.size === 0) return back("uploadError=PACKAGE_EMPTY");
    await attachDataPackage(id, { filename: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, staff);
    return back("uploaded=1");
  } catch (error) {
    if (error instanceof DomainError) return back(`uploadError=${encodeURIComponent(error.code)}`);
    logError("package.upload_failed", error, { requestId: id });
    return back("uploadError=INTERNAL");
  }
}
