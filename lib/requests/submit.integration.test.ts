import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { openOutboxPayload } from "@/lib/mail/payload";
import { insertSubmission } from "@/lib/requests/insert-submission";
import { newReference } from "@/lib/requests/reference";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { hashCode, hashToken } from "@/lib/security/tokens";
import { requestInput } from "@/lib/testing/fixtures";
import { seed } from "@/prisma/seed";

// The real draw, unless a test makes it collide.
vi.mock("@/lib/requests/reference", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/requests/reference")>();
  return { newReference: vi.fn(actual.newReference) };
});

beforeAll(async () => {
  await seed(db);
});

async function counts() {
  const [requests, events, outbox, challenges, tokens, representatives] = await Promise.all([
    db.request.count(),
    db.requestEvent.count(),
    db.emailOutbox.count(),
    db.verificationChallenge.count(),
    db.requestToken.count(),
    db.representative.count(),
  ]);
  return { requests, events, outbox, challenges, tokens, representatives };
}

/** Everything a submission stored, by table. */
async function storedRows(requestId: string) {
  const [request, events, tokens, challenges, emails] = await Promise.all([
    db.request.findUniqueOrThrow({ where: { id: requestId } }),
    db.requestEvent.findMany({ where: { requestId } }),
    db.requestToken.findMany({ where: { requestId } }),
    db.verificationChallenge.findMany({ where: { requestId } }),
    db.emailOutbox.findMany({ where: { requestId } }),
  ]);
  return { request, events, tokens, challenges, emails };
}

/** A Date within [from, to]: the columns Prisma stamps with the clock rather than the submission time. */
const clockBetween = (from: Date, to: Date) =>
  expect.toSatisfy((d: unknown) => d instanceof Date && d.getTime() >= from.getTime() && d.getTime() <= to.getTime());

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
      workspaceReference: "Tell us which company's chat, email or support service you used",
      dataScope: "Choose what your request is about",
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

describe("the rows a submission stores", () => {
  it("writes every column of the request, event, token, challenge and email as the models do", async () => {
    const now = new Date(Date.now() - 5 * 60_000);
    const before = new Date();
    const result = await submitRequest(
      requestInput({
        type: "ACCESS",
        name: "Grace Hopper",
        email: "grace@example.test",
        country: "FR",
        relationship: "CUSTOMER_END_USER",
        workspaceReference: "acme-support",
        companyEmail: "Help@Acme.example",
        dataScope: "WORKSPACE",
        details: { topics: "Chat transcripts" },
      }),
      { ip: "203.0.113.20", now },
    );
    const after = new Date();
    if (!result.ok || !result.data.verificationRequired) throw new Error(JSON.stringify(result));
    const { request, events, tokens, challenges, emails } = await storedRows(result.data.requestId);
    const policy = await db.policyVersion.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { effectiveAt: "desc" } });

    expect(request).toEqual({
      id: result.data.requestId,
      reference: expect.stringMatching(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      type: "ACCESS",
      status: "PENDING_VERIFICATION",
      requesterName: "Grace Hopper",
      requesterEmail: "grace@example.test",
      country: "FR",
      region: null,
      jurisdiction: "GDPR",
      language: "en",
      relationship: "CUSTOMER_END_USER",
      workspaceReference: "acme-support",
      companyEmail: "help@acme.example",
      dataScope: "WORKSPACE",
      denialBasis: null,
      route: null,
      details: { topics: "Chat transcripts" },
      policyVersionId: policy.id,
      receivedAt: now,
      verifiedAt: null,
      dueAt: null,
      extendedDueAt: null,
      closedAt: null,
      codeFailures: 0,
      codeLockedAt: null,
      verificationReminders: 0,
      receiptDueAt: null,
      receiptSentAt: null,
      erasedAt: null,
      gpcSignal: false,
      submittedBy: "SELF",
      identityCheck: "NOT_NEEDED",
      identityDeclaredAt: null,
      identitySignature: null,
      updatedAt: clockBetween(before, after),
      assigneeId: null,
      appealOfId: null,
      duplicateOfId: null,
    });
    expect(events).toEqual([
      {
        id: expect.any(BigInt),
        requestId: request.id,
        at: now,
        actorType: "REQUESTER",
        actorId: null,
        action: "request.submitted",
        fromStatus: null,
        toStatus: "PENDING_VERIFICATION",
        visibility: "PUBLIC",
        data: { type: "ACCESS", jurisdiction: "GDPR", relationship: "CUSTOMER_END_USER" },
      },
    ]);

    expect(emails).toEqual([
      {
        id: expect.any(String),
        requestId: request.id,
        template: "verify-email",
        payload: expect.any(Uint8Array),
        status: "PENDING",
        attempts: 0,
        nextAttemptAt: clockBetween(before, after),
        lockedUntil: null,
        lastError: null,
        sentAt: null,
        createdAt: clockBetween(before, after),
      },
    ]);
    const { to, props } = openOutboxPayload(emails[0]!.payload!) as {
      to: string;
      props: { code: string; verifyUrl: string; statusUrl: string };
    };
    expect(to).toBe("grace@example.test");
    expect(props).toEqual({
      org: expect.objectContaining({ productName: expect.any(String) }),
      reference: request.reference,
      requestTypeLabel: expect.any(String),
      code: expect.stringMatching(/^\d{6}$/),
      verifyUrl: expect.stringMatching(/\/requests\/verify\/link\/[\w-]{43}$/),
      statusUrl: expect.stringMatching(/\/requests\/status\/[\w-]{43}$/),
      expiresInMinutes: 15,
      // GDPR's clock waits for this confirmation, so the email cannot give an answer date yet.
      dueDate: null,
    });

    const statusToken = props.statusUrl.split("/").pop()!;
    expect(tokens).toEqual([
      {
        id: expect.any(String),
        requestId: request.id,
        purpose: "STATUS",
        holder: "REQUESTER",
        tokenHash: hashToken(statusToken),
        expiresAt: null,
        revokedAt: null,
        createdAt: clockBetween(before, after),
      },
    ]);
    const challengeId = challenges[0]?.id ?? "";
    expect(challenges).toEqual([
      {
        id: expect.any(String),
        requestId: request.id,
        // Keyed with the secret and salted with the challenge's own id.
        codeHash: hashCode(getEnv().APP_SECRET, challengeId, props.code),
        linkTokenHash: hashToken(props.verifyUrl.split("/").pop()!),
        expiresAt: new Date(now.getTime() + 15 * 60_000),
        attempts: 0,
        lockedAt: null,
        consumedAt: null,
        supersededAt: null,
        createdAt: now,
      },
    ]);
  });

  it("writes an accepted opt-out with its due date, a token and an acknowledgement, and no challenge", async () => {
    const now = new Date("2026-11-20T10:00:00.123Z");
    const result = await submitRequest(requestInput({ type: "OPT_OUT_SALE", country: "US", region: "CA", email: "optout@example.test" }), {
      ip: "203.0.113.21",
      now,
    });
    if (!result.ok || result.data.verificationRequired) throw new Error(JSON.stringify(result));
    const { request, events, tokens, challenges, emails } = await storedRows(result.data.requestId);
    expect(request).toMatchObject({ status: "RECEIVED", jurisdiction: "CCPA", region: "CA", workspaceReference: null, receivedAt: now });
    expect(request.dueAt).toEqual(new Date("2026-12-11T00:00:00Z"));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.at])).toEqual([["request.submitted", null, "RECEIVED", now]]);
    expect(challenges).toEqual([]);
    expect(tokens.map((t) => t.tokenHash)).toEqual([hashToken(result.data.statusPath.split("/").pop()!)]);
    expect(emails.map((e) => [e.template, e.status])).toEqual([["request-acknowledged", "PENDING"]]);
    const { to, props } = openOutboxPayload(emails[0]!.payload!);
    expect(to).toBe("optout@example.test");
    expect(props).toEqual({
      org: expect.objectContaining({ productName: expect.any(String) }),
      reference: request.reference,
      requestTypeLabel: expect.any(String),
      receivedAt: "2026-11-20T10:00:00.123Z",
      dueDate: "2026-12-11",
      regimeLabel: expect.any(String),
      statusUrl: expect.stringMatching(new RegExp(`${result.data.statusPath}$`)),
      verificationRequired: false,
    });
  });
});

describe("all or nothing", () => {
  it("draws another reference when the first one is taken", async () => {
    const taken = (await db.request.findFirstOrThrow({ select: { reference: true } })).reference;
    vi.mocked(newReference).mockReturnValueOnce(taken);
    const before = await counts();
    const result = await submitRequest(requestInput(), { ip: "203.0.113.30" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { request } = await storedRows(result.data.requestId);
    expect(request.reference).not.toBe(taken);
    expect(await counts()).toEqual({
      requests: before.requests + 1,
      events: before.events + 1,
      outbox: before.outbox + 1,
      challenges: before.challenges + 1,
      tokens: before.tokens + 1,
      representatives: before.representatives,
    });
  });

  it("gives up after three collisions and stores nothing", async () => {
    const taken = (await db.request.findFirstOrThrow({ select: { reference: true } })).reference;
    vi.mocked(newReference).mockReturnValueOnce(taken).mockReturnValueOnce(taken).mockReturnValueOnce(taken);
    const before = await counts();
    await expect(submitRequest(requestInput(), { ip: "203.0.113.31" })).rejects.toThrow(/unique|23505/i);
    expect(vi.mocked(newReference).mock.results.slice(-3).map((r) => r.value)).toEqual([taken, taken, taken]);
    expect(await counts()).toEqual(before);
  });

  it("stores none of the rows when the last one (the email) is refused", async () => {
    const first = await submitRequest(requestInput(), { ip: "203.0.113.32" });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const existing = (await storedRows(first.data.requestId)).emails[0]!;
    const before = await counts();
    const now = new Date();
    await expect(
      insertSubmission(db, {
        request: {
          id: randomUUID(),
          reference: newReference(),
          type: "ACCESS",
          status: "PENDING_VERIFICATION",
          requesterName: "Ada Lovelace",
          requesterEmail: "ada@example.test",
          country: "DE",
          region: null,
          jurisdiction: "GDPR",
          relationship: "ACCOUNT_HOLDER",
          workspaceReference: null,
          companyEmail: null,
          dataScope: null,
          route: null,
          details: {},
          policyVersionId: null,
          receivedAt: now,
          dueAt: null,
          receiptDueAt: null,
          gpcSignal: false,
          submittedBy: "AGENT",
          language: "en",
        },
        representative: { name: "Priya Agent", email: "priya@agents.test", organisation: null, guardianRelationship: null, childBirthDate: null },
        event: { actorType: "REQUESTER", action: "request.submitted", toStatus: "PENDING_VERIFICATION", visibility: "PUBLIC", data: {}, at: now },
        statusToken: { id: randomUUID(), tokenHash: hashToken(randomUUID()) },
        challenge: { id: randomUUID(), codeHash: "0".repeat(64), linkTokenHash: hashToken(randomUUID()), expiresAt: now, createdAt: now },
        // The primary key of an email already queued: the statement's last insert fails.
        email: { id: existing.id, template: "verify-email", payload: new Uint8Array([1]) },
        writtenAt: now,
      }),
    ).rejects.toThrow(/email_outbox_pkey/);
    expect(await counts()).toEqual(before);
  });
});
