import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import { consumeLimits } from "@/lib/rate-limit/limit";
import { confirmNotice } from "@/lib/recipients/notice-answer";
import { noticePath } from "@/lib/recipients/notices";
import { hashToken } from "@/lib/security/tokens";

// A recipient's confirmation: a plain form post (the page has no client script), accepted only
// from our own page, rate-limited per address and per link. Answers with a redirect to the page,
// which then shows "confirmed" or the refusal.

const ANSWERS_PER_IP_PER_HOUR = 30;
const ANSWERS_PER_LINK_PER_HOUR = 10;

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const back = (query = "") => NextResponse.redirect(new URL(`${noticePath(encodeURIComponent(token))}${query}`, request.url), 303);
  const env = getEnv();
  if (!isSameOriginPost(request, env.APP_URL)) return new NextResponse("Cross-site form posts are not accepted.", { status: 403 });
  const ip = await clientIp();
  const limited = await consumeLimits(db, env.APP_SECRET, [
    { name: "notice-answer-link", subject: hashToken(token), max: ANSWERS_PER_LINK_PER_HOUR, windowSeconds: 3600 },
    ...(ip ? [{ name: "notice-answer-ip", subject: ip, max: ANSWERS_PER_IP_PER_HOUR, windowSeconds: 3600 }] : []),
  ]);
  if (!limited.allowed) return back("?error=RATE_LIMITED");
  try {
    const form = await request.formData();
    const outcome = form.get("outcome");
    const note = form.get("note");
    await confirmNotice(db, token, { outcome: typeof outcome === "string" ? outcome : null, note: typeof note === "string" ? note : "" });
    return back();
  } catch (error) {
    if (error instanceof DomainError) return back(error.code === "NOTICE_NOT_FOUND" ? "" : `?error=${encodeURIComponent(error.code)}`);
    logError("recipients.notice_answer_failed", error);
    return back("?error=INTERNAL");
  }
}
