import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptionsForRequest, getAuthOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { callNextAuth, withProviderAnswering } from "@/lib/testing/next-auth";

// Every provider on, as a deployment with all three would have it. Read when the options are
// first built, below.
Object.assign(process.env, {
  GOOGLE_CLIENT_ID: "google-id",
  GOOGLE_CLIENT_SECRET: "google-secret",
  GITHUB_CLIENT_ID: "github-id",
  GITHUB_CLIENT_SECRET: "github-secret",
  AZURE_AD_CLIENT_ID: "entra-id",
  AZURE_AD_CLIENT_SECRET: "entra-secret",
  AZURE_AD_TENANT_ID: "organizations",
});

const TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
const OTHER_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SESSION_COOKIE = "next-auth.session-token";

async function staffMember(deactivated = false) {
  const email = `oauth-${randomUUID().slice(0, 8)}@staff.test`;
  return db.staff.create({ data: { email, role: "OFFICER", emailVerified: new Date(), deactivatedAt: deactivated ? new Date() : null }, select: { id: true, email: true } });
}

/** A magic-link session for `staffId`, made by the adapter as next-auth makes one. */
async function signedInAs(staffId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await getAuthOptions().adapter!.createSession!({ sessionToken, userId: staffId, expires: new Date(Date.now() + 3_600_000) });
  return sessionToken;
}

/** Returning from the provider to /api/auth/callback/<provider>, with or without a staff session. */
async function returnFrom(provider: string, claims: Record<string, unknown>, sessionToken?: string) {
  // The route handler hands the request's session cookie to the options (app/api/auth/[...nextauth]).
  const options = withProviderAnswering(sessionToken ? authOptionsForRequest(sessionToken) : getAuthOptions(), claims);
  return callNextAuth(options, {
    action: ["callback", provider],
    query: { code: "provider-code" },
    cookies: sessionToken ? { [SESSION_COOKIE]: sessionToken } : {},
  });
}

const signedInCookie = (setCookies: string[]) => setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));
const sessionsOf = (staffId: string) => db.staffSession.count({ where: { staffId } });

beforeAll(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

describe("signing in with an OAuth provider", () => {
  it("refuses an identity that is not connected, even when its email is a staff member's", async () => {
    const officer = await staffMember();
    for (const [provider, claims] of [
      ["google", { sub: "google-subject-1", email: officer.email, email_verified: true, name: "Mallory" }],
      ["github", { id: 4242, login: "mallory", email: officer.email, name: "Mallory" }],
      ["azure-ad", { oid: randomUUID(), tid: TENANT, email: officer.email, name: "Mallory" }],
    ] as const) {
      const answer = await returnFrom(provider, claims);
      expect(answer.location, provider).toContain("/admin/sign-in/error?error=NotConnected");
      expect(signedInCookie(answer.setCookies), provider).toBeUndefined();
    }
    expect(await sessionsOf(officer.id)).toBe(0);
    expect(await db.staffAccount.count({ where: { staffId: officer.id } })).toBe(0);
  });

  it("connects an identity while its member is signed in, records it without the email, and then signs them in by it", async () => {
    const officer = await staffMember();
    const session = await signedInAs(officer.id);
    const claims = { id: 777001, login: "octo-officer", email: "someone-else@example.test", name: "Officer" };

    const linked = await returnFrom("github", claims, session);
    expect(linked.location).not.toContain("error");
    const binding = await db.staffAccount.findFirstOrThrow({ where: { staffId: officer.id }, select: { provider: true, providerAccountId: true, linkedById: true } });
    expect(binding).toEqual({ provider: "github", providerAccountId: "777001", linkedById: officer.id });
    const events = await db.staffEvent.findMany({ where: { staffId: officer.id }, select: { action: true, actorId: true, data: true } });
    expect(events).toEqual([{ action: "staff.account_connected", actorId: officer.id, data: { provider: "github" } }]);
    expect(JSON.stringify(events)).not.toContain("@");

    // Later, signed out: the connected identity signs in as the member, whatever email it reports.
    const signIn = await returnFrom("github", claims);
    expect(signIn.location).not.toContain("error");
    expect(signedInCookie(signIn.setCookies)).toBeDefined();
    expect(await sessionsOf(officer.id)).toBe(2);
  });

  it("refuses a connected identity once its member is deactivated", async () => {
    const officer = await staffMember();
    await returnFrom("google", { sub: "google-subject-deactivated", email: officer.email, email_verified: true }, await signedInAs(officer.id));
    expect(await db.staffAccount.count({ where: { staffId: officer.id } })).toBe(1);
    await db.staff.update({ where: { id: officer.id }, data: { deactivatedAt: new Date() } });
    await db.staffSession.deleteMany({ where: { staffId: officer.id } });

    const answer = await returnFrom("google", { sub: "google-subject-deactivated", email: officer.email, email_verified: true });
    expect(answer.location).toContain("/admin/sign-in/error?error=AccessDenied");
    expect(await sessionsOf(officer.id)).toBe(0);
  });

  it("needs both the Entra tenant and object id: the same oid from another tenant is someone else", async () => {
    const officer = await staffMember();
    const oid = randomUUID();
    await returnFrom("azure-ad", { oid, tid: TENANT, email: officer.email }, await signedInAs(officer.id));
    expect(await db.staffAccount.findFirst({ where: { staffId: officer.id }, select: { providerAccountId: true, tenantId: true } })).toEqual({
      providerAccountId: `${TENANT}:${oid}`,
      tenantId: TENANT,
    });
    await db.staffSession.deleteMany({ where: { staffId: officer.id } });

    const elsewhere = await returnFrom("azure-ad", { oid, tid: OTHER_TENANT, email: officer.email });
    expect(elsewhere.location).toContain("/admin/sign-in/error?error=NotConnected");
    expect(await sessionsOf(officer.id)).toBe(0);

    const home = await returnFrom("azure-ad", { oid, tid: TENANT, email: "renamed@example.test" });
    expect(signedInCookie(home.setCookies)).toBeDefined();
    expect(await sessionsOf(officer.id)).toBe(1);
  });

  it("won't move an identity connected to one member onto another who is signed in", async () => {
    const [owner, other] = [await staffMember(), await staffMember()];
    await returnFrom("github", { id: 990001, login: "owner" }, await signedInAs(owner.id));
    const answer = await returnFrom("github", { id: 990001, login: "owner" }, await signedInAs(other.id));
    expect(answer.location).toContain("error=OAuthAccountNotLinked");
    expect(await db.staffAccount.count({ where: { staffId: other.id } })).toBe(0);
  });

  it("doesn't let an expired session connect anything", async () => {
    const officer = await staffMember();
    const session = await signedInAs(officer.id);
    await db.staffSession.updateMany({ where: { staffId: officer.id }, data: { lastSeenAt: new Date(Date.now() - 2 * 3_600_000) } });
    const answer = await returnFrom("google", { sub: "google-subject-late", email: officer.email, email_verified: true }, session);
    expect(answer.location).toContain("error=NotConnected");
    expect(await db.staffAccount.count({ where: { staffId: officer.id } })).toBe(0);
  });
});

describe("disconnecting", () => {
  it("removes a binding of the member only, audited with the provider", async () => {
    const { unbindIdentity } = await import("@/lib/auth/oauth-binding");
    const [officer, admin] = [await staffMember(), await staffMember()];
    await returnFrom("github", { id: 555001, login: "octo" }, await signedInAs(officer.id));
    const binding = await db.staffAccount.findFirstOrThrow({ where: { staffId: officer.id }, select: { id: true } });

    expect(await unbindIdentity(db, admin.id, binding.id, admin.id)).toBe(false);
    expect(await unbindIdentity(db, officer.id, binding.id, admin.id)).toBe(true);
    expect(await db.staffAccount.count({ where: { staffId: officer.id } })).toBe(0);
    const last = await db.staffEvent.findFirstOrThrow({ where: { staffId: officer.id }, orderBy: { id: "desc" }, select: { action: true, actorId: true, data: true } });
    expect(last).toEqual({ action: "staff.account_disconnected", actorId: admin.id, data: { provider: "github" } });

    const answer = await returnFrom("github", { id: 555001, login: "octo" });
    expect(answer.location).toContain("error=NotConnected");
  });
});
