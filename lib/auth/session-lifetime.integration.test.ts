import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAuthOptions } from "@/lib/auth/options";
import { advanceClock, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { nextAuthSecret } from "@/lib/security/tokens";
import { createSignInLink } from "@/lib/staff/sign-in-link";
import { callNextAuth } from "@/lib/testing/next-auth";

// Sessions are read through next-auth's own session route, as every page does (getServerSession),
// with the app's clock moved instead of waiting hours. Defaults: 8 hours from sign-in, 60 minutes idle.

const SESSION_COOKIE = "next-auth.session-token";
const MINUTE = 60_000;

beforeAll(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});
afterEach(() => resetClock());

/** Signs a new staff member in by the emailed link, as they would, and returns the session cookie. */
async function signInByLink(): Promise<{ staffId: string; sessionToken: string }> {
  const email = `session-${randomUUID().slice(0, 8)}@staff.test`;
  const staff = await db.staff.create({ data: { email, role: "OFFICER" }, select: { id: true } });
  const env = getEnv();
  const link = new URL(await createSignInLink(db, { email, secret: nextAuthSecret(env.APP_SECRET), appUrl: env.APP_URL, expiresAt: new Date(Date.now() + 15 * MINUTE) }));
  // The link carries the token alone; the address is found from the token's row.
  expect([...link.searchParams.keys()].sort()).toEqual(["callbackUrl", "token"]);
  const answer = await callNextAuth(getAuthOptions(), { action: ["callback", "email"], query: Object.fromEntries(link.searchParams) });
  expect(answer.location).toBe(new URL(link.searchParams.get("callbackUrl")!, env.APP_URL).toString());
  const cookie = answer.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(cookie).toBeDefined();
  return { staffId: staff.id, sessionToken: cookie!.split(";")[0]!.slice(SESSION_COOKIE.length + 1) };
}

/** Who the session route says is signed in (as getServerSession asks), or null. */
async function signedInEmail(sessionToken: string): Promise<string | null> {
  const answer = await callNextAuth(getAuthOptions(), { action: ["session"], cookies: { [SESSION_COOKIE]: sessionToken } });
  return (answer.body as { user?: { email?: string } } | undefined)?.user?.email ?? null;
}

describe("staff sessions", () => {
  it("end 8 hours after sign-in however often they are used", async () => {
    const { staffId, sessionToken } = await signInByLink();
    for (let minutes = 30; minutes < 8 * 60; minutes += 30) {
      advanceClock(30 * MINUTE);
      expect(await signedInEmail(sessionToken), `after ${minutes} minutes`).not.toBeNull();
    }
    advanceClock(30 * MINUTE);
    expect(await signedInEmail(sessionToken), "after 8 hours").toBeNull();
    // Ended for good: the row is gone, not just refused.
    expect(await db.staffSession.count({ where: { staffId } })).toBe(0);
  });

  it("end after 60 minutes without use", async () => {
    const busy = await signInByLink();
    const idle = await signInByLink();
    advanceClock(50 * MINUTE);
    expect(await signedInEmail(busy.sessionToken)).not.toBeNull();
    advanceClock(15 * MINUTE);
    // 65 minutes since sign-in: the one used at 50 minutes lives on, the unused one has ended.
    expect(await signedInEmail(busy.sessionToken)).not.toBeNull();
    expect(await signedInEmail(idle.sessionToken)).toBeNull();
    advanceClock(61 * MINUTE);
    expect(await signedInEmail(busy.sessionToken)).toBeNull();
  });

  it("are never extended past their end by next-auth's update", async () => {
    const { staffId, sessionToken } = await signInByLink();
    const { createdAt } = await db.staffSession.findFirstOrThrow({ where: { staffId }, select: { createdAt: true } });
    await getAuthOptions().adapter!.updateSession!({ sessionToken, expires: new Date(createdAt.getTime() + 30 * 24 * 60 * MINUTE) });
    const { expiresAt } = await db.staffSession.findFirstOrThrow({ where: { staffId }, select: { expiresAt: true } });
    expect(expiresAt.getTime() - createdAt.getTime()).toBe(8 * 60 * MINUTE);
  });
});
