import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/mail/backoff";
import { enqueueEmail } from "@/lib/mail/outbox";
import { EMAIL_TEMPLATES, type EmailProps } from "@/lib/mail/templates";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { deliverDueEmails, startOutboxWorker, stopOutboxWorker, wakeOutboxWorker } from "@/lib/mail/worker";
import { requestRow } from "@/lib/testing/requests";
import { freePort } from "@/lib/testing/test-database";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";

const FROM = '"Jexi Privacy" <hello@jexi.com>';

let catcher: MailCatcher;
let transport: MailTransport;

function verifyProps(reference: string) {
  return {
    org: PREVIEW_ORGANIZATION,
    reference,
    requestTypeLabel: "Access my data",
    code: "314159",
    verifyUrl: `http://localhost:3000/verify/link-${reference}`,
    statusUrl: `http://localhost:3000/status/status-${reference}`,
    expiresInMinutes: 30,
  };
}

async function enqueueVerify(to: string, reference: string) {
  return enqueueEmail(db, { template: "verify-email", to, props: verifyProps(reference) });
}

async function received(to?: string) {
  const res = await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; to: string[]; from: string; subject: string; text: string; messageId: string }[];
}

/** Moves the clock: the row becomes due now. */
async function makeDue(id: string) {
  await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

async function downTransport(): Promise<MailTransport> {
  return createSmtpTransport(`smtp://127.0.0.1:${await freePort()}`);
}

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
  transport = createSmtpTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
});

afterAll(async () => {
  await stopOutboxWorker();
  await catcher?.stop();
});

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
  await db.request.deleteMany({ where: { reference: "DSR-LANG-0001" } });
  await db.organizationSettings.deleteMany();
  await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages`, { method: "DELETE" });
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("enqueueEmail", () => {
  it("queues nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { template: "verify-email", to: "rollback@example.com", props: verifyProps("DSR-RB") });
        throw new Error("the request could not be saved");
      }),
    ).rejects.toThrow("the request could not be saved");
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("queues inside a committed transaction and stores the payload sealed", async () => {
    const { id } = await db.$transaction((tx) =>
      enqueueEmail(tx, { template: "verify-email", to: "sealed.person@example.com", props: verifyProps("DSR-SEAL") }),
    );
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, template: "verify-email" });
    const bytes = Buffer.from(row.payload!);
    expect(bytes.length).toBeGreaterThan(29);
    for (const secret of ["sealed.person@example.com", "sealed.person", "314159", "link-DSR-SEAL", "DSR-SEAL"]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });
});

describe("deliverDueEmails", () => {
  it("dresses the button in the operator's accent as it stands when the email goes out", async () => {
    await enqueueVerify("accent@example.com", "DSR-ACCENT");
    // Set after the email was queued: the colour of the day it is sent.
    await db.organizationSettings.create({ data: { id: 1, ...PREVIEW_ORGANIZATION, accentColor: "#0f766e" } });
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
    const res = await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages?to=accent%40example.com`);
    const [message] = (await res.json()) as { html: string }[];
    expect(message!.html).toContain("background-color:#0f766e");
  });

  it("writes a requester's email in the request's language, links included, and a customer's in the customer's", async () => {
    const requestId = "7d8e9f00-0000-4000-8000-00000000de01";
    await requestRow("PENDING_VERIFICATION", { id: requestId, reference: "DSR-LANG-0001", language: "de" });
    // Queued as submit.ts queues it: English labels, plain links, no language of its own.
    await enqueueEmail(db, { requestId, template: "verify-email", to: "lena@example.de", props: verifyProps("DSR-LANG-0001") });
    // A customer's setting wins over the request's language; one not offered is English throughout.
    const referral = (EMAIL_TEMPLATES["referral-to-customer"].component as unknown as { PreviewProps: EmailProps<"referral-to-customer"> }).PreviewProps;
    await enqueueEmail(db, { requestId, template: "referral-to-customer", to: "dpo@acme.com.br", props: { ...referral, language: "pt-BR" } });
    await enqueueEmail(db, { requestId, template: "referral-to-customer", to: "dpo@acme.it", props: { ...referral, language: "it" } });

    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 3, failed: 0 });

    const [german] = await received("lena@example.de");
    expect(german!.subject).toBe("Bestätigen Sie Ihren Datenschutzantrag DSR-LANG-0001");
    expect(german!.text).toContain("Geben Sie diesen Code auf der Bestätigungsseite ein:");
    // The request type as the shared catalogue writes it, though the row carries the English label.
    expect(german!.text).toContain("einen Datenschutzantrag (Auskunft über meine Daten) für Jexi erhalten, Referenz DSR-LANG-0001");
    expect(german!.text).toContain("http://localhost:3000/de/status/status-DSR-LANG-0001");
    expect(german!.text).toContain("Datenschutzteam: hello@jexi.com");
    expect(german!.text).not.toContain("Enter this code");
    expect(german!.text).not.toContain("You received this because");

    const [portuguese] = await received("dpo@acme.com.br");
    expect(portuguese!.subject).toBe(`Solicitação de privacidade ${referral.reference} para seu espaço de trabalho ${referral.workspaceName}`);
    expect(portuguese!.text).toContain("http://localhost:3000/pt-BR/referrals/preview-referral-token");
    expect(portuguese!.text).toContain("(Excluir meus dados)");
    expect(portuguese!.text).not.toContain("Bestätigen");

    const [italian] = await received("dpo@acme.it");
    expect(italian!.subject).toBe(`Privacy request ${referral.reference} for your workspace ${referral.workspaceName}`);
    expect(italian!.text).toContain("http://localhost:3000/en/referrals/preview-referral-token");
    expect(italian!.text).toContain("You received this because you are a privacy contact of");
  });

  it("writes a requester's email in English when its request has none to give", async () => {
    await enqueueVerify("no.request@example.com", "DSR-NOREQ");
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
    const [message] = await received("no.request@example.com");
    expect(message!.subject).toBe("Confirm your privacy request DSR-NOREQ");
    expect(message!.text).toContain("http://localhost:3000/en/status/status-DSR-NOREQ");
  });

  it("delivers a queued email once and wipes its payload", async () => {
    const { id } = await enqueueVerify("Ada.Lovelace@Example.com", "DSR-ONE");

    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });

    const messages = await received("ada.lovelace@example.com");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      subject: "Confirm your privacy request DSR-ONE",
      from: "Jexi Privacy <hello@jexi.com>",
      messageId: `<${id}@localhost>`,
    });
    expect(messages[0]!.to.map((a) => a.toLowerCase())).toEqual(["ada.lovelace@example.com"]);
    expect(messages[0]!.text).toContain("314159");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", payload: null, attempts: 1, lockedUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends from the operator's settings when MAIL_FROM is not set", async () => {
    await db.organizationSettings.create({
      data: {
        id: 1,
        legalName: "Jexi, Inc.",
        productName: "Jexi",
        websiteUrl: "https://jexi.com",
        privacyEmail: "privacy@jexi.test",
        supportEmail: "support@jexi.test",
        registeredAddress: "1 Example Street",
      },
    });
    await enqueueVerify("grace@example.com", "DSR-FROM");
    await deliverDueEmails({ db, transport });
    const [message] = await received("grace@example.com");
    expect(message?.from).toBe("Jexi Privacy <privacy@jexi.test>");
  });

  it("retries after the SMTP server was down, then delivers exactly once, also across a restart", async () => {
    const { id } = await enqueueVerify("retry.me@example.com", "DSR-RETRY");

    const before = Date.now();
    expect(await deliverDueEmails({ db, transport: await downTransport(), from: FROM })).toEqual({ sent: 0, failed: 1 });
    let row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("PENDING");
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(before + 10_000);
    expect(row.payload).not.toBeNull();
    expect(row.lastError).toMatch(/^ESOCKET/);
    expect(row.lastError).not.toMatch(/@|retry\.me/);

    // Not due yet: the server is back, but nothing is sent before the backoff ends.
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 0, failed: 0 });
    expect(await received()).toHaveLength(0);

    await makeDue(id);
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
    row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2, payload: null });

    // A restarted process with a new transport finds nothing left to send.
    const restarted = createSmtpTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    expect(await deliverDueEmails({ db, transport: restarted, from: FROM })).toEqual({ sent: 0, failed: 0 });
    expect(await received("retry.me@example.com")).toHaveLength(1);
  });

  it("keeps the recipient out of lastError when the server rejects it by address", async () => {
    const rejecting = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 500,
      onRcptTo(address, _session, callback) {
        callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => rejecting.listen(0, "127.0.0.1", () => resolve()));
    const port = (rejecting.server.address() as AddressInfo).port;
    try {
      const { id } = await enqueueVerify("rejected.person@example.com", "DSR-REJ");
      const result = await deliverDueEmails({ db, transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), from: FROM });
      expect(result).toEqual({ sent: 0, failed: 1 });
      const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
      expect(row.lastError).toBe("EENVELOPE 550 at RCPT TO");
      const logged = vi.mocked(console.warn).mock.calls.flat().join("\n");
      expect(logged).toContain(id);
      expect(logged).not.toMatch(/rejected\.person|@example\.com|DSR-REJ/);
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });

  it("gives up after the last attempt: DEAD, payload wiped", async () => {
    const { id } = await enqueueVerify("never@example.com", "DSR-DEAD");
    await db.emailOutbox.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });

    expect(await deliverDueEmails({ db, transport: await downTransport(), from: FROM })).toEqual({ sent: 0, failed: 1 });

    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DEAD", attempts: MAX_ATTEMPTS, payload: null, lockedUntil: null });
    await makeDue(id);
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 0, failed: 0 });
    expect(await received()).toHaveLength(0);
  });

  it("sends a row abandoned mid-send once its lease has run out, with the same Message-ID", async () => {
    const { id } = await enqueueVerify("crash@example.com", "DSR-CRASH");
    // A worker claimed it and died before recording the outcome.
    await db.emailOutbox.update({
      where: { id },
      data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 0, failed: 0 });

    await db.emailOutbox.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
    const [message] = await received("crash@example.com");
    expect(message?.messageId).toBe(`<${id}@localhost>`);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("kills a row it cannot read at once instead of retrying it", async () => {
    const { id } = await enqueueVerify("unknown@example.com", "DSR-UNK");
    await db.emailOutbox.update({ where: { id }, data: { template: "no-such-template" } });
    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 0, failed: 1 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DEAD",
      lastError: "UNKNOWN_TEMPLATE",
      payload: null,
    });
  });

  it("two workers running at once deliver each of 20 emails exactly once", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await enqueueVerify(`person${i}@example.com`, `DSR-C${i}`)).id);

    const second = createSmtpTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    const results = await Promise.all([
      deliverDueEmails({ db, transport, from: FROM, batchSize: 1 }),
      deliverDueEmails({ db, transport: second, from: FROM, batchSize: 1 }),
    ]);

    expect(results[0]!.sent + results[1]!.sent).toBe(20);
    expect(results[0]!.failed + results[1]!.failed).toBe(0);
    const messages = await received();
    expect(messages).toHaveLength(20);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(20);
    expect(new Set(messages.map((m) => m.messageId.slice(1, 37)))).toEqual(ids);
    expect(await db.emailOutbox.count({ where: { status: "SENT", attempts: 1 } })).toBe(20);
  });
});

// Embedded PGlite runs one statement at a time, so row locks between connections only exist on
// a real server (TEST_DATABASE_URL).
describe.skipIf(!process.env.TEST_DATABASE_URL)("row locks", () => {
  it("a worker skips a row another worker holds instead of waiting for it", async () => {
    const held = await enqueueVerify("held@example.com", "DSR-HELD");
    await enqueueVerify("free@example.com", "DSR-FREE");

    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM email_outbox WHERE id = ${held.id}::uuid FOR UPDATE`;
        // Runs on another connection while this transaction holds the lock; waiting for it
        // instead of skipping would never return.
        expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
      },
      { timeout: 10_000 },
    );
    expect((await received()).map((m) => m.to[0])).toEqual(["free@example.com"]);

    expect(await deliverDueEmails({ db, transport, from: FROM })).toEqual({ sent: 1, failed: 0 });
    expect(await received("held@example.com")).toHaveLength(1);
  });
});

describe("startOutboxWorker", () => {
  it("sends at once when woken, without waiting for the next poll", async () => {
    expect(startOutboxWorker({ transport, enabled: true, pollMs: 60_000 })).toBe(true);
    // A second start in the same process does not start a second loop.
    expect(startOutboxWorker({ transport, enabled: true, pollMs: 60_000 })).toBe(true);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { id } = await enqueueVerify("woken@example.com", "DSR-WAKE");
      wakeOutboxWorker();
      await vi.waitFor(
        async () => expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" }),
        { timeout: 5_000, interval: 50 },
      );
      expect(await received("woken@example.com")).toHaveLength(1);
    } finally {
      await stopOutboxWorker();
    }
  });

  it("does not start when disabled", () => {
    expect(startOutboxWorker({ transport, enabled: false })).toBe(false);
  });
});
