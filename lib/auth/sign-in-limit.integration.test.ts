import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { limitSignInEmail } from "@/lib/auth/sign-in-limit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { pruneExpiredSignInTokens } from "@/lib/staff/sign-in-link";

// What next-auth's client posts to /api/auth/signin/email when someone asks for a sign-in link.
function askForLink(email: string): Request {
  const body = new URLSearchParams({ csrfToken: "csrf", email, callbackUrl: "/admin", json: "true" });
  return new Request("http://localhost:3000/api/auth/signin/email", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
}

// One moment for every attempt, so no test straddles the hourly window's edge.
const at = new Date();
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

describe("sign-in link limits", () => {
  it("answers 429 with a message once an address has asked too often this hour, however it is written", async () => {
    const max = getEnv().RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR;
    const email = `flood-${randomUUID().slice(0, 8)}@staff.test`;
    for (let i = 0; i < max; i++) expect(await limitSignInEmail(askForLink(i % 2 ? email.toUpperCase() : ` ${email} `), ip(), at)).toBeNull();
    const refused = await limitSignInEmail(askForLink(email), ip(), at);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(0);
    const body = (await refused!.json()) as { url: string; message: string };
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(body.message).toMatch(/Too many sign-in links/);
  });

  it("counts addresses nobody on the staff has, so the answer tells nothing", async () => {
    const staff = await db.staff.create({ data: { email: `known-${randomUUID().slice(0, 8)}@staff.test`, role: "OFFICER" }, select: { email: true } });
    const stranger = `stranger-${randomUUID().slice(0, 8)}@outside.test`;
    const max = getEnv().RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR;
    const statuses = async (email: string) => {
      const out: (number | null)[] = [];
      for (let i = 0; i <= max; i++) out.push((await limitSignInEmail(askForLink(email), ip(), at))?.status ?? null);
      return out;
    };
    expect(await statuses(stranger)).toEqual(await statuses(staff.email));
  });

  it("limits one client address across many email addresses", async () => {
    const max = getEnv().RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR;
    const client = ip();
    for (let i = 0; i < max; i++) expect(await limitSignInEmail(askForLink(`spray-${i}-${randomUUID().slice(0, 6)}@outside.test`), client, at)).toBeNull();
    expect((await limitSignInEmail(askForLink(`spray-last-${randomUUID().slice(0, 6)}@outside.test`), client, at))?.status).toBe(429);
    // Another client is not affected.
    expect(await limitSignInEmail(askForLink(`spray-other-${randomUUID().slice(0, 6)}@outside.test`), ip(), at)).toBeNull();
  });
});

describe("housekeeping", () => {
  it("drops sign-in links that expired, and keeps live ones", async () => {
    const now = new Date();
    const identifier = `prune-${randomUUID().slice(0, 8)}@staff.test`;
    await db.staffSignInToken.createMany({
      data: [
        { identifier, tokenHash: `expired-${randomUUID()}`, expiresAt: new Date(now.getTime() - 60_000) },
        { identifier, tokenHash: `live-${randomUUID()}`, expiresAt: new Date(now.getTime() + 60_000) },
      ],
    });
    expect(await pruneExpiredSignInTokens(db, now)).toBeGreaterThanOrEqual(1);
    const left = await db.staffSignInToken.findMany({ where: { identifier }, select: { tokenHash: true } });
    expect(left.map((t) => t.tokenHash.split("-")[0])).toEqual(["live"]);
  });
});
