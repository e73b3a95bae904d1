import "server-only";
import { SIGN_IN_RATE_LIMITED_MESSAGE } from "@/lib/auth/sign-in-messages";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { consumeLimits } from "@/lib/rate-limit/limit";

/** How next-auth's email provider names an address (lib/auth/options.ts), and how it is counted. */
export function normalizeSignInEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Limits the sign-in emails anyone can make the app send: per address and per client address,
 * hourly. Every address counts, staff or not, so the answer never tells who is on the staff list.
 * Reads the form next-auth's client posts to /api/auth/signin/email (without consuming it) and
 * answers 429 when over a limit; null lets the request go on to next-auth.
 */
export async function limitSignInEmail(request: Request, ip: string | null, now = clockNow()): Promise<Response | null> {
  const form = new URLSearchParams(await request.clone().text());
  const email = form.get("email");
  if (!email) return null;
  const env = getEnv();
  const limited = await consumeLimits(
    db,
    env.APP_SECRET,
    [
      ...(ip ? [{ name: "sign-in-ip", subject: ip, max: env.RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR, windowSeconds: 3600 }] : []),
      { name: "sign-in-email", subject: normalizeSignInEmail(email), max: env.RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR, windowSeconds: 3600 },
    ],
    now,
  );
  if (limited.allowed) return null;
  logEvent("auth.sign_in_rate_limited", { limit: limited.name });
  const headers = { "Retry-After": String(limited.retryAfterSeconds) };
  // next-auth's client (signIn with redirect: false) reads `error` from the url it is given.
  if (form.get("json") === "true") {
    const url = new URL("/admin/sign-in?error=RateLimited", env.APP_URL).toString();
    return Response.json({ url, message: SIGN_IN_RATE_LIMITED_MESSAGE }, { status: 429, headers });
  }
  return new Response(SIGN_IN_RATE_LIMITED_MESSAGE, { status: 429, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
