import { revalidatePath } from "next/cache";
import { DomainError } from "@/lib/actions/domain-error";
import { failure, type ActionResult } from "@/lib/actions/result";
import { AuthorizationError, requirePermission } from "@/lib/auth/staff";
import { MAX_LOGO_BYTES, oversizeMessage } from "@/lib/branding/logo-limits";
import { uploadLogo } from "@/lib/branding/update";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";

// Settings → Branding's logo upload: a multipart post from the form (server actions cap bodies at
// 64 KB, a logo may be 100 KB). The form's own check is a convenience; everything is checked here
// again, from the file's bytes. Answers like a server action, in JSON.

export type LogoUploadResult = ActionResult<{ changed: boolean }>;

const answer = (result: LogoUploadResult, status = 200) => Response.json(result, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request, getEnv().APP_URL)) return answer(failure("Cross-site posts are not accepted."), 403);
  let admin;
  try {
    admin = await requirePermission("settings.manage");
  } catch (error) {
    if (error instanceof AuthorizationError) return answer(failure(error.message, error.code), error.code === "UNAUTHENTICATED" ? 401 : 403);
    throw error;
  }
  // A body far over the limit is refused before it is read.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 2 * MAX_LOGO_BYTES) return answer({ ok: false, code: "LOGO_TOO_LARGE", fieldErrors: { logo: oversizeMessage(length) } }, 413);
  try {
    const file = (await request.formData()).get("logo");
    if (!(file instanceof File) || file.size === 0) return answer({ ok: false, code: "LOGO_EMPTY", fieldErrors: { logo: "Choose a PNG or SVG file to upload" } }, 422);
    const { changed } = await uploadLogo(db, new Uint8Array(await file.arrayBuffer()), admin, now());
    // Every public page's header shows it.
    if (changed) revalidatePath("/", "layout");
    return answer({ ok: true, data: { changed } });
  } catch (error) {
    if (error instanceof DomainError) return answer({ ok: false, code: error.code, fieldErrors: { logo: error.message } }, 422);
    logError("branding.logo_upload_failed", error);
    return answer(failure("The upload did not work because of a problem on our side. Nothing was changed; please try again.", "INTERNAL"), 500);
  }
}
