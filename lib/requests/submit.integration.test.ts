import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

async function counts() {
  const [requests, events, outbox, challenges] = await Promise.all([
    db.request.count(),
    db.requestEvent.count(),
    db.emailOutbox.count(),
    db.verificationChallenge.count(),
  ]);
  return { requests, events, outbox, challenges };
}

describe("submitting a request", () => {
  it("stores the request, its audit event, a hashed challenge and an encrypted email together", async () => {
    const input = requestInput({ email: "Grace.Hopper@Example.TEST", country: "DE" });
    const result = await submitRequest(input, { ip: "203.0.113.1" });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data.verificationRequired) throw new Error("expected a request awaiting verification");

    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
    expect(request).toMatchObject({
      status: "PENDING_VERIFICATION",
      requesterEmail: "grace.hopper@example.test",
      jurisdiction: "GDPR",
      verifiedAt: null,
      // GDPR counts from verification, so there is no due date yet.
      dueAt: null,
    });
    expect(request.reference).toMatch(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(request.policyVersionId).not.toBeNull();

    const events = await db.requestEvent.findMany({ where: { requestId: request.id } });
    expect(events.map((e) => [e.action, e.toStatus, e.visibility])).toEqual([["request.submitted", "PENDING_VERIFICATION", "PUBLIC"]]);

    const [email] = await db.emailOutbox.findMany({ where: { requestId: request.id } });
    expect(email?.template).toBe("verify-email");
    const payloadBytes = Buffer.from(email!.payload!);
    expect(payloadBytes.includes(Buffer.from("grace.hopper"))).toBe(false);
    const { to, props } = openOutboxPayload(email!.payload!) as { to: string; props: { code: string; statusUrl: string } };
    expect(to).toBe("grace.hopper@example.test");

    // The code and the status token exist only in that sealed email, never in clear in the tables.
    const challenge = await db.verificationChallenge.findFirstOrThrow({ where: { requestId: request.id } });
    expect(challenge.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.codeHash).not.toContain(props.code);
    const statusToken = props.statusUrl.split("/").pop()!;
    const tokens = await db.requestToken.findMany({ where: { requestId: request.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).not.toBe(statusToken);
    expect((await getStatusView(statusToken))?.reference).toBe(request.reference);
  });

  it("starts the CCPA clock at receipt, whatever verification takes", async () => {
    const now = new Date("2026-11-20T15:00:00Z");
    const result = await submitRequest(requestInput({ country: "US", region: "CA" }), { ip: "203.0.113.2", now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
    expect(request.jurisdiction).toBe("CCPA");
    expect(request.dueAt?.toISOString().slice(0, 10)).toBe("2027-01-04");
  });

  it("accepts an opt-out of sale at once, without verification, and acknowledges it", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const result = await submitRequest(requestInput({ type: "OPT_OUT_SALE", country: "US", region: "CA" }), { ip: "203.0.113.3", now });
    if (!result.ok || result.data.verificationRequired) throw new Error("expected an accepted opt-out");
    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
    expect(request.status).toBe("RECEIVED");
    // 15 business days from Friday 20 November 2026.
    expect(request.dueAt?.toISOString().slice(0, 10)).toBe("2026-12-11");
    expect(await db.verificationChallenge.count({ where: { requestId: request.id } })).toBe(0);
    const emails = await db.emailOutbox.findMany({ where: { requestId: request.id }, select: { template: true } });
    expect(emails).toEqual([{ template: "request-acknowledged" }]);
    const view = await getStatusView(result.data.statusPath.split("/").pop()!);
    expect(view?.status).toBe("RECEIVED");
  });

  it("keeps the details each type asks for and drops fields of other types", async () => {
    const result = await submitRequest(
      requestInput({ type: "CORRECTION", details: { whatIsWrong: "Surname", correctValue: "Hopper", format: "CSV" } }),
      { ip: "203.0.113.4" },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
    expect(request.details).toEqual({ whatIsWrong: "Surname", correctValue: "Hopper" });
  });

  it("refuses bad input with a message per field and stores nothing", async () => {
    const before = await counts();
    const result = await submitRequest(
      { type: "CORRECTION", details: {}, name: " ", email: "not-an-email", country: "US", relationship: "CUSTOMER_END_USER" },
      { ip: "203.0.113.5" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      name: "Enter your full name",
      email: "Enter an email address in the format name@example.com",
      "details.whatIsWrong": "Tell us which information is wrong",
      "details.correctValue": "Tell us what it should say",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a filled honeypot and stores nothing", async () => {
    const before = await counts();
    const result = await submitRequest(requestInput({ website: "http://spam.example" }), { ip: "203.0.113.6" });
    expect(result).toMatchObject({ ok: false, code: "SPAM_SUSPECTED" });
    expect(await counts()).toEqual(before);
  });
});

describe("rate limits", () => {
  it("limits submissions per email address per day, whatever the network", async () => {
    const email = "limited@example.test";
    for (let i = 0; i < 5; i++) {
      const ok = await submitRequest(requestInput({ email }), { ip: `198.51.100.${i}` });
      expect(ok.ok).toBe(true);
    }
    const before = await counts();
    const refused = await submitRequest(requestInput({ email }), { ip: "198.51.100.99" });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (!refused.ok) expect(refused.formError).toMatch(/this email address/);
    expect(await counts()).toEqual(before);
    expect((await submitRequest(requestInput(), { ip: "198.51.100.99" })).ok).toBe(true);
  });

  it("limits submissions per network per hour, and stores neither address in clear", async () => {
    const ip = "192.0.2.77";
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await submitRequest(requestInput(), { ip }));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    // An hour later the window has moved on.
    const later = await submitRequest(requestInput(), { ip, now: new Date(Date.now() + 3_600_000) });
    expect(later.ok).toBe(true);

    const keys = await db.rateLimitBucket.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes(ip) || k.key.includes("@"))).toBe(false);
  });
});
