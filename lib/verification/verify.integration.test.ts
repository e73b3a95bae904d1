import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { clearSubmissionContextCache } from "@/lib/requests/submission-context";
import { requestInput } from "@/lib/testing/fixtures";
import { resendVerification } from "@/lib/verification/resend";
import { verifyByCode, verifyByLink } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

type VerifyProps = { code: string; verifyUrl: string; statusUrl: string };

beforeAll(async () => {
  await seed(db);
});

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

    const result = await verifyByCode(requestId, email.code, verifiedAt);
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
    expect(await verifyByCode(requestId, email.code, verifiedAt)).toMatchObject({ ok: false, code: "ALREADY_VERIFIED" });
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

  it("refuses a code after 15 minutes", async () => {
    const sent = new Date();
    const { requestId, email } = await submitted({}, sent);
    expect(await verifyByCode(requestId, email.code, plus(sent, 15 * 60_000 + 1000))).toEqual({ ok: false, code: "EXPIRED" });
    expect((await verifyByCode(requestId, email.code, plus(sent, 14 * 60_000))).ok).toBe(true);
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
    expect((await verifyByCode(requestId, (await latestVerifyEmail(requestId)).code, plus(start, 5 * 61_000))).ok).toBe(true);
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
