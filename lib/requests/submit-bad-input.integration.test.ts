import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createSmtpTransport } from "@/lib/mail/transport";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/mail/worker";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { seed } from "@/prisma/seed";

// Input tried from outside the form: each gets a specific message, stores nothing and logs nothing.

// A real SMTP server that keeps each message as it arrived: the mail catcher shows an envelope
// address with its domain turned back into Unicode (smtp-server does that), and we want to see
// the bytes on the wire.
type Received = { rcptTo: string[]; raw: string };
const inbox: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  closeTimeout: 1_000,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      inbox.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
      callback();
    });
  },
});

beforeAll(async () => {
  await seed(db);
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await stopOutboxWorker();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(() => {
  vi.spyOn(console, "error");
  vi.spyOn(console, "warn");
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function storedCounts() {
  const [requests, events, outbox] = await Promise.all([db.request.count(), db.requestEvent.count(), db.emailOutbox.count()]);
  return { requests, events, outbox };
}

/** Submits and expects a refusal with exactly these field messages, nothing stored and nothing logged. */
async function expectRefused(input: Record<string, unknown>, fieldErrors: Record<string, string>) {
  const before = await storedCounts();
  const result = await submitRequest(requestInput(input), { ip: "203.0.113.20" });
  expect(result).toEqual({ ok: false, fieldErrors });
  expect(await storedCounts()).toEqual(before);
  expect(console.error).not.toHaveBeenCalled();
  expect(console.warn).not.toHaveBeenCalled();
}

async function firstMessage(): Promise<Received> {
  for (let i = 0; i < 100 && inbox.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!inbox[0]) throw new Error("no email arrived within 10 s");
  return inbox[0];
}

describe("submitting bad input from outside the form", () => {
  const control = "Remove the invisible control character from this field.";

  it("refuses a null byte in the name or the details before the database sees it", async () => {
    await expectRefused({ name: "Ada\u0000Lovelace" }, { name: control });
    await expectRefused({ details: { topics: `${"x".repeat(30)}\u0000${"y".repeat(30)}` } }, { "details.topics": control });
    await expectRefused({ type: "CORRECTION", details: { whatIsWrong: "My name\u001b[31m", correctValue: "Ada" } }, { "details.whatIsWrong": control });
  });

  it("refuses a state that does not belong to the country", async () => {
    await expectRefused(
      { country: "DE", region: "CA" },
      { region: "Leave the state or province empty: we ask for one only in the United States and Canada" },
    );
    await expectRefused({ country: "CA", region: "TX" }, { region: "Choose your province or territory" });
  });

  it("refuses a local part over 64 characters", async () => {
    await expectRefused({ email: `${"a".repeat(65)}@example.test` }, { email: "The part before the @ can be at most 64 characters." });
  });

  it("accepts an internationalised address, stores its ASCII form, and the outbox worker delivers to it", async () => {
    const port = (smtp.server.address() as AddressInfo).port;
    expect(startOutboxWorker({ transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), enabled: true, pollMs: 200 })).toBe(true);
    const result = await submitRequest(requestInput({ email: "User@Bücher.de" }), { ip: "203.0.113.21" });
    expect(result).toMatchObject({ ok: true, data: { verificationRequired: true } });
    if (!result.ok) throw new Error("expected the request to be accepted");

    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
    expect(request.requesterEmail).toBe("user@xn--bcher-kva.de");

    const message = await firstMessage();
    // smtp-server reads the ASCII domain of RCPT TO back as Unicode: the same address.
    expect(message.rcptTo).toEqual(["user@bücher.de"]);
    expect(message.raw).toMatch(/^To: user@xn--bcher-kva\.de\r?$/m);
    expect(message.raw).toContain(request.reference);
    // The worker records the delivery just after the server accepted it.
    await expect.poll(() => db.emailOutbox.findFirst({ where: { requestId: request.id }, select: { status: true, payload: true } })).toEqual({
      status: "SENT",
      payload: null,
    });
  });
});
