import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import { ownerTaskPath } from "@/lib/fulfillment/manual";
import { answerOwnerTask } from "@/lib/fulfillment/owner";
import { OWNER_FILE_MAX_BYTES } from "@/lib/fulfillment/owner-schema";
import { consumeLimits } from "@/lib/rate-limit/limit";
import { hashToken } from "@/lib/security/tokens";

// The owner's answer: a plain multipart form post (server actions cap bodies far below the 10 MB
// a file may have), accepted only from our own page, rate-limited per address and per link.
// Answers with a redirect to the task's page, which then shows "answered" or the refusal.

const ANSWERS_PER_IP_PER_HOUR = 30;
const ANSWERS_PER_LINK_PER_HOUR = 10;

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const page = ownerTaskPath(encodeURIComponent(token));
  const back = (query = "") => NextResponse.redirect(new URL(`${page}${query}`, request.url), 303);
  const env = getEnv();
  if (!isSameOriginPost(request, env.APP_URL)) return new NextResponse("Cross-site form posts are not accepted.", { status: 403 });
  const ip = await clientIp();
  const limited = await consumeLimits(db, env.APP_SECRET, [
    { name: "owner-answer-link", subject: hashToken(token), max: ANSWERS_PER_LINK_PER_HOUR, windowSeconds: 3600 },
    ...(ip ? [{ name: "owner-answer-ip", subject: ip, max: ANSWERS_PER_IP_PER_HOUR, windowSeconds: 3600 }] : []),
  ]);
  if (!limited.allowed) return back("?error=RATE_LIMITED");
  // Refuse an oversized body before reading it.
  if (Number(request.headers.get("content-length") ?? 0) > OWNER_FILE_MAX_BYTES + 64 * 1024) return back("?error=OWNER_FILE_TOO_LARGE");
  try {
    const form = await request.formData();
    const file = form.get("file");
    const note = form.get("note");
    await answerOwnerTask(db, token, {
      file:
        file instanceof File && file.size > 0
          ? { filename: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
          : null,
      nothingFound: form.get("nothingFound") === "1",
      note: typeof note === "string" ? note : "",
    });
    return back();
  } catch (error) {
    if (error instanceof DomainError) return back(error.code === "OWNER_TASK_NOT_FOUND" ? "" : `?error=${encodeURIComponent(error.code)}`);
    logError("fulfillment.owner_answer_failed", error);
    return back("?error=INTERNAL");
  }
}
