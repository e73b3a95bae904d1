import "server-only";
import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { AuthorizationError, requirePermission, type StaffUser } from "@/lib/auth/staff";
import { getEnv } from "@/lib/env";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import type { DataPackageInput } from "@/lib/packages/seal";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";

export type PackageUpload = {
  /** The page the form is on, where the answer redirects to. */
  page: string;
  /** The query flag that page shows its confirmation for. */
  done: string;
  store: (file: DataPackageInput, staff: StaffUser) => Promise<unknown>;
  /** What to log (with identifiers only) when storing fails unexpectedly. */
  failure: { event: string; fields: Record<string, string> };
};

/**
 * A file posted from a dashboard form: a plain multipart form post, because server actions cap
 * bodies at 64 KB and packages go up to 10 MB. Only same-origin posts are accepted, and the role is
 * checked here like in every action. Answers with a redirect to the page: `?<done>=1`, or
 * `?uploadError=CODE` for the page to word.
 */
export async function receivePackageUpload(request: Request, upload: PackageUpload): Promise<Response> {
  const back = (query: string) => NextResponse.redirect(new URL(`${upload.page}?${query}`, request.url), 303);
  if (!isSameOriginPost(request, getEnv().APP_URL)) {
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
    await upload.store({ filename: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, staff);
    return back(`${upload.done}=1`);
  } catch (error) {
    if (error instanceof DomainError) return back(`uploadError=${encodeURIComponent(error.code)}`);
    logError(upload.failure.event, error, upload.failure.fields);
    return back("uploadError=INTERNAL");
  }
}
