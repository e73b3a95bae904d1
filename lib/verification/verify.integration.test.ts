import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, now as clockNow, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { openOutboxPayload } from "@/lib/mail/payload";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { clearSubmissionContextCache } from "@/lib/requests/submission-context";
import { requestInput } from "@/lib/testing/fixtures";
import { verificationAddressOpensNothing } from "@/lib/verification/address-gate";
import { resendVerification } from "@/lib/verification/resend";
import { resendMessage, verifyFailureMessage } from "@/lib/verification/messages";
import { verifyByCode, verifyByLink } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

type VerifyProps = { code: string; verifyUrl: string; statusUrl: string };

beforeAll(async () => {
  await seed(db);
});

afterEach(() => resetClock());

async function submitted(overrides: Record<string, unknown> = {}, now = new Date()) {
  const result = await submitRequest(requestInput(overrides), { ip: null, now });
  if (!result.ok || !result.data.verificationRequired) throw new Error("expected a pending request");
  return { requestId: result.data.requestId, email: await latestVerifyEmail(result.data.requestId) };
}

/** The secrets exist only inside the sealed outbox email, as they would in the person's inbox. */
async function latestVerifyEmail(requestId: string): Promise<VerifyProps> {
  const row = await db.emailOutbox.findFirstOrThrow({
    where: { requestId, template: "verify-email" },
    orderBy: { createdAt: "desc" },
  });
  return openOutboxPayload(row.payload!).props as VerifyProps;
}

const linkToken = (props: VerifyProps) => props.verifyUrl.split("/").pop()!;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe("verification by code", () => {
  it("verifies, starts the GDPR clock at verification, audits and acknowledges", async () => {
    const received = new Date("2026-01-20T09:00:00Z");
    const { requestId, email } = await submitted({ country: "FR" }, received);
    const verifiedAt = new Date("2026-01-31T09:05:00Z");
    // Codes live 15 minutes, so "now" for this check is shortly after a fresh send.
    await db.verificationChallenge.updateMany({ where: { requestId }, data: { expiresAt: plus(verifiedAt, 60_000) } });

    const result = await verifyByCode(requestId, email.code, { now: verifiedAt });
    expect(result.ok).toBe(true);
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("RECEIVED");
    expect(request.verifiedAt).toEqual(verifiedAt);
    expect(request.dueAt?.toISOString().slice(0, 10)).toBe("2026-02-28");

    const events = await db.requestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["request.submitted", null, "PENDING_VERIFICATION"],
      ["request.verified", "PENDING_VERIFICATION", "RECEIVED"],
    ]);
    const templates = await db.emailOutbox.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, select: { template: true } });
    expect(templates.map((t) => t.template)).toEqual(["verify-email", "request-acknowledged"]);

    if (!result.ok) return;
    const view = await getStatusView(result.statusPath.split("/").pop()!);
    expect(view).toMatchObject({ status: "RECEIVED", reference: request.reference });
    // The code cannot be used twice.
    expect(await verifyByCode(requestId, email.code, { now: verifiedAt })).toMatchObject({ ok: false, code: "ALREADY_VERIFIED" });
  });

  it("counts wrong codes and locks at the fifth, after which the right code fails too", async () => {
    const { requestId, email } = await submitted();
    const wrong = email.code === "000000" ? "111111" : "000000";
    for (const left of [4, 3, 2, 1]) {
      expect(await verifyByCode(requestId, wrong)).toEqual({ ok: false, code: "INVALID_CODE", attemptsLeft: left });
    }
    expect(await verifyByCode(requestId, wrong)).toEqual({ ok: false, code: "LOCKED" });
    expect(await verifyByCode(requestId, email.code)).toEqual({ ok: false, code: "LOCKED" });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING_VERIFICATION");

    const locked = await db.requestEvent.findFirstOrThrow({ where: { requestId, action: "verification.locked" } });
    expect(locked.visibility).toBe("INTERNAL");
    const view = await getStatusView(email.statusUrl.split("/").pop()!);
    expect(view?.events.map((e) => e.action)).toEqual(["request.submitted"]);
  });

  it("counts concurrent guesses one by one, so five is really five", async () => {
    const { requestId, email } = await submitted();
    const wrong = email.code === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyByCode(requestId, wrong)));
    expect(results.filter((r) => !r.ok && r.code === "INVALID_CODE")).toHaveLength(4);
    const challenge = await db.verificationChallenge.findFirstOrThrow({ where: { requestId } });
    expect(challenge.attempts).toBe(5);
    expect(challenge.lockedAt).not.toBeNull();
  });

  it("refuses a code and its link 15 minutes on by the app's one clock, and a new code works", async () => {
    const { requestId, email } = await submitted({}, clockNow());
    advanceClock(16 * 60_000);
    expect(await verifyByCode(requestId, email.code)).toEqual({ ok: false, code: "EXPIRED" });
    expect(await verifyByLink(linkToken(email))).toEqual({ ok: false, code: "EXPIRED" });
    // The resend cooldown reads the same clock: a minute has long passed.
    expect(await resendVerification(requestId)).toEqual({ ok: true });
    expect((await verifyByCode(requestId, (await latestVerifyEmail(requestId)).code)).ok).toBe(true);
  });

  it("keeps a code working for 14 minutes by the app's clock", async () => {
    const { requestId, email } = await submitted({}, clockNow());
    advanceClock(14 * 60_000);
    expect((await verifyByCode(requestId, email.code)).ok).toBe(true);
  });
});

describe("wrong codes across every code sent for a request", () => {
  const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");

  it("locks codes for the request after 10 wrong across two codes, even the right one and after a resend; the link still confirms", async () => {
    const start = new Date();
    const { requestId, email: a } = await submitted({}, start);
    for (const left of [4, 3, 2, 1]) {
      expect(await verifyByCode(requestId, wrongFor(a.code))).toEqual({ ok: false, code: "INVALID_CODE", attemptsLeft: left });
    }
    expect(await verifyByCode(requestId, wrongFor(a.code))).toEqual({ ok: false, code: "LOCKED" });

    // A resend used to hand out five fresh guesses; now the request's count goes on.
    expect(await resendVerification(requestId, plus(start, 61_000))).toEqual({ ok: true });
    const b = await latestVerifyEmail(requestId);
    for (const left of [4, 3, 2, 1]) {
      expect(await verifyByCode(requestId, wrongFor(b.code))).toEqual({ ok: false, code: "INVALID_CODE", attemptsLeft: left });
    }
    const tenth = await verifyByCode(requestId, wrongFor(b.code));
    expect(tenth).toEqual({ ok: false, code: "CODES_LOCKED" });
    expect(await verifyByCode(requestId, b.code)).toEqual({ ok: false, code: "CODES_LOCKED" });
    expect(verifyFailureMessage("CODES_LOCKED")).toMatch(/link in the most recent email.*still|still.*link in the most recent email/);
    expect(verifyFailureMessage("CODES_LOCKED")).toContain("submit a new request");

    // No fresh code either: resending says the same.
    const resend = await resendVerification(requestId, plus(start, 3 * 61_000));
    expect(resend).toEqual({ ok: false, code: "CODES_LOCKED" });
    expect(resendMessage(resend)).toBe(verifyFailureMessage("CODES_LOCKED"));
    expect(await db.verificationChallenge.count({ where: { requestId } })).toBe(2);

    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "PENDING_VERIFICATION", codeFailures: 10 });
    expect(request.codeLockedAt).not.toBeNull();
    const locked = await db.requestEvent.findMany({ where: { requestId, action: "verification.codes_locked" } });
    expect(locked.map((e) => [e.visibility, e.data])).toEqual([["INTERNAL", { wrongCodes: 10 }]]);

    // The link in the newest email is a 256-bit secret, not a guess: it still confirms.
    expect((await verifyByLink(linkToken(b))).ok).toBe(true);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });

  it("counts concurrent guesses on the request one by one, so ten is really ten", async () => {
    const start = new Date();
    const { requestId, email } = await submitted({}, start);
    const wrong = wrongFor(email.code);
    // Three wrong on each of two codes (no code locks at three), then a burst on the third code.
    for (let i = 0; i < 3; i++) await verifyByCode(requestId, wrong);
    expect(await resendVerification(requestId, plus(start, 61_000))).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) await verifyByCode(requestId, wrongFor((await latestVerifyEmail(requestId)).code));
    expect(await resendVerification(requestId, plus(start, 122_000))).toEqual({ ok: true });
    const third = await latestVerifyEmail(requestId);

    const results = await Promise.all(Array.from({ length: 12 }, () => verifyByCode(requestId, wrongFor(third.code))));
    expect(results.filter((r) => !r.ok && r.code === "INVALID_CODE")).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === "CODES_LOCKED")).toHaveLength(9);
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.codeFailures).toBe(10);
    const challenges = await db.verificationChallenge.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(challenges.map((c) => c.attempts)).toEqual([3, 3, 4]);
    expect(await db.requestEvent.count({ where: { requestId, action: "verification.codes_locked" } })).toBe(1);
  });

  it("limits wrong codes per client address across requests; right codes and other addresses don't count", async () => {
    const max = getEnv().RATE_LIMIT_WRONG_CODES_PER_IP_PER_HOUR;
    // Mid-hour, so the hourly window cannot turn over during the test.
    const at = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 30 * 60_000);
    const ip = "203.0.113.9";
    const requests = await Promise.all(Array.from({ length: Math.ceil(max / 4) + 2 }, () => submitted({}, at)));
    const [first, last, ...guessed] = requests;

    expect((await verifyByCode(first!.requestId, first!.email.code, { ip, now: at })).ok).toBe(true);
    let wrongSoFar = 0;
    for (const { requestId, email } of guessed) {
      for (let i = 0; i < 4 && wrongSoFar < max; i++, wrongSoFar++) {
        expect(await verifyByCode(requestId, wrongFor(email.code), { ip, now: at })).toMatchObject({ ok: false, code: "INVALID_CODE" });
      }
    }
    expect(wrongSoFar).toBe(max);

    // Address spent: not even a right code on another request is checked.
    const refused = await verifyByCode(last!.requestId, last!.email.code, { ip, now: at });
    expect(refused).toEqual({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: 30 * 60 });
    expect(verifyFailureMessage("RATE_LIMITED", refused.ok ? {} : refused)).toContain("try again in 30 minutes");
    expect((await db.request.findUniqueOrThrow({ where: { id: last!.requestId } })).status).toBe("PENDING_VERIFICATION");
    // Another address is not affected.
    expect((await verifyByCode(last!.requestId, last!.email.code, { ip: "198.51.100.4", now: at })).ok).toBe(true);
  });
});

describe("verification with nothing cached", () => {
  it("reads what it needs before its transaction, so it never waits on itself", async () => {
    const { requestId, email } = await submitted();
    // With the settings cache cold, a read on a second connection inside the transaction would
    // block on single-session PGlite until the transaction timed out.
    clearSubmissionContextCache();
    expect((await verifyByLink(linkToken(email))).ok).toBe(true);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });
});

describe("verification by link", () => {
  it("works once, and an unknown link finds nothing", async () => {
    const { requestId, email } = await submitted();
    const first = await verifyByLink(linkToken(email));
    expect(first.ok).toBe(true);
    expect(await verifyByLink(linkToken(email))).toEqual({ ok: false, code: "ALREADY_VERIFIED" });
    expect(await verifyByLink("x".repeat(43))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });
});

describe("confirmation addresses that open nothing", () => {
  it("are the unknown ones only: a used link still opens its page", async () => {
    const { requestId, email } = await submitted();
    const link = `/requests/verify/link/${linkToken(email)}`;
    expect(await verificationAddressOpensNothing(`/requests/verify/${requestId}`)).toBe(false);
    expect(await verificationAddressOpensNothing(link)).toBe(false);
    expect((await verifyByLink(linkToken(email))).ok).toBe(true);
    expect(await verificationAddressOpensNothing(link)).toBe(false);

    expect(await verificationAddressOpensNothing("/requests/verify/00000000-0000-4000-8000-000000000000")).toBe(true);
    expect(await verificationAddressOpensNothing("/requests/verify/not-a-request")).toBe(true);
    expect(await verificationAddressOpensNothing(`/requests/verify/link/${"x".repeat(43)}`)).toBe(true);
    expect(await verificationAddressOpensNothing("/requests/verify/link/%25zz")).toBe(true);
    expect(await verificationAddressOpensNothing("/requests/new")).toBe(false);
  });
});

describe("resending the code", () => {
  it("waits 60 seconds, retires the earlier code and link, and stops at 5 sends an hour", async () => {
    const start = new Date();
    const { requestId, email: first } = await submitted({}, start);
    expect(await resendVerification(requestId, plus(start, 30_000))).toMatchObject({ ok: false, code: "RESEND_TOO_SOON", retryAfterSeconds: 30 });

    expect(await resendVerification(requestId, plus(start, 61_000))).toEqual({ ok: true });
    const second = await latestVerifyEmail(requestId);
    expect(second.code === first.code && linkToken(second) === linkToken(first)).toBe(false);
    expect(await verifyByLink(linkToken(first), plus(start, 62_000))).toEqual({ ok: false, code: "SUPERSEDED" });

    for (let i = 2; i <= 4; i++) {
      expect(await resendVerification(requestId, plus(start, i * 61_000))).toEqual({ ok: true });
    }
    expect(await resendVerification(requestId, plus(start, 5 * 61_000))).toEqual({ ok: false, code: "RESEND_LIMIT" });
    expect(await db.verificationChallenge.count({ where: { requestId } })).toBe(5);
    expect((await verifyByCode(requestId, (await latestVerifyEmail(requestId)).code, { now: plus(start, 5 * 61_000) })).ok).toBe(true);
  });
});

describe("requests never verified", () => {
  it("are closed after 7 days with the personal fields erased, the audit kept", async () => {
    const now = new Date();
    const stale = await submitted({ name: "Stale Person", workspaceReference: "Acme", relationship: "CUSTOMER_END_USER", dataScope: "WORKSPACE" }, plus(now, -8 * 86_400_000));
    const fresh = await submitted({}, plus(now, -6 * 86_400_000));

    expect(await expireUnverifiedRequests(now)).toBeGreaterThanOrEqual(1);
    const closed = await db.request.findUniqueOrThrow({ where: { id: stale.requestId } });
    expect(closed).toMatchObject({
      status: "CLOSED_UNVERIFIED",
      requesterName: null,
      requesterEmail: null,
      workspaceReference: null,
      details: {},
    });
    expect(closed.erasedAt).not.toBeNull();
    expect((await db.request.findUniqueOrThrow({ where: { id: fresh.requestId } })).status).toBe("PENDING_VERIFICATION");

    const view = await getStatusView(stale.email.statusUrl.split("/").pop()!);
    expect(view?.events.map((e) => e.action)).toEqual(["request.submitted", "request.closed_unverified"]);
    expect(await verifyByCode(stale.requestId, stale.email.code)).toMatchObject({ ok: false });
  });
});

describe("the audit trail", () => {
  it("refuses updates and deletes in the database itself", async () => {
    const { requestId } = await submitted();
    await expect(db.requestEvent.updateMany({ where: { requestId }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.requestEvent.deleteMany({ where: { requestId } })).rejects.toThrow(/append-only/);
    expect(await db.requestEvent.count({ where: { requestId, action: "request.submitted" } })).toBe(1);
  });
});
