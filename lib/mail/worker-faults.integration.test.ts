import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/mail/backoff";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createSmtpTransport, type MailMessage, type MailTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { freePort } from "@/lib/testing/test-database";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";

// The outbox when workers die or the mail server is slow: a row is never claimed forever, never
// sent twice while its worker lives, and comes back soon after its worker is killed.

const FROM = '"Jexi Privacy" <hello@jexi.com>';
// How soon a killed worker's email must be sent by another one: about the lease, not minutes.
const PICKUP_BOUND_MS = 30_000;

let catcher: MailCatcher;

async function enqueueVerify(to: string, reference: string) {
  return enqueueEmail(db, {
    template: "verify-email",
    to,
    props: {
      org: PREVIEW_ORGANIZATION,
      reference,
      requestTypeLabel: "Access my data",
      code: "271828",
      verifyUrl: `http://localhost:3000/verify/link-${reference}`,
      statusUrl: `http://localhost:3000/status/status-${reference}`,
      expiresInMinutes: 15,
    },
  });
}

async function received(to: string) {
  const res = await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as { messageId: string }[];
}

/** Polls with real timers (vi.waitFor would advance faked ones, waking workers meant to be dead). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const statusOf = async (id: string) => (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
});

afterAll(async () => {
  await catcher?.stop();
});

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a row that kills its worker", () => {
  it("is claimed at most MAX_ATTEMPTS times, then ends DEAD instead of being claimed again", async () => {
    const { id } = await enqueueVerify("poison@example.com", "DSR-POISON");
    // Each worker below dies mid-send: its send never returns and, like a killed process, it
    // renews no lease (its timers are frozen).
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const hung: { reject: (error: Error) => void }[] = [];
    const dying: MailTransport = { send: () => new Promise((_resolve, reject) => void hung.push({ reject })) };
    const passes: Promise<unknown>[] = [];
    const leaseMs = 300;

    for (let claim = 1; claim <= MAX_ATTEMPTS; claim++) {
      passes.push(deliverDueEmails({ db, transport: dying, from: FROM, leaseMs }));
      await until(() => hung.length === claim);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING", attempts: claim });
      // The lease lapses.
      await new Promise((resolve) => setTimeout(resolve, leaseMs + 50));
    }

    // The next worker finds the row due, with every attempt used: it gives up instead of sending.
    const next = deliverDueEmails({ db, transport: dying, from: FROM, leaseMs });
    passes.push(next);
    await until(async () => (await statusOf(id)) !== "SENDING" || hung.length > MAX_ATTEMPTS);
    expect(hung).toHaveLength(MAX_ATTEMPTS);
    expect(await next).toEqual({ sent: 0, failed: 1 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DEAD",
      attempts: MAX_ATTEMPTS,
      payload: null,
      lockedUntil: null,
      lastError: "LEASE_EXPIRED",
    });
    expect(await deliverDueEmails({ db, transport: dying, from: FROM, leaseMs })).toEqual({ sent: 0, failed: 0 });

    // The dead workers' sends fail at last; their stale claims change nothing.
    for (const send of hung) send.reject(new Error("worker gone"));
    await Promise.all(passes);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DEAD", attempts: MAX_ATTEMPTS });
  });
});

describe("the lease", () => {
  it("is kept alive while a slow SMTP server answers: a second worker does not send the email again", async () => {
    const leaseMs = 1_000;
    const slow = await startSmtpSink({ delayMs: 3 * leaseMs });
    try {
      const { id } = await enqueueVerify("patient@example.com", "DSR-SLOW");
      const first = deliverDueEmails({ db, transport: createSmtpTransport(slow.url), from: FROM, leaseMs });
      await until(() => slow.arrived.length === 1);

      // A second worker polls throughout the slow answer, well past the first worker's lease.
      const second = createSmtpTransport(slow.url);
      const pollEnd = Date.now() + 2.5 * leaseMs;
      while (Date.now() < pollEnd) {
        expect(await deliverDueEmails({ db, transport: second, from: FROM, leaseMs })).toEqual({ sent: 0, failed: 0 });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      expect(await first).toEqual({ sent: 1, failed: 0 });
      expect(slow.arrived).toEqual([`<${id}@localhost>`]);
      expect(slow.accepted).toEqual([`<${id}@localhost>`]);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1, payload: null });
    } finally {
      await slow.close();
    }
  });

  it(
    "of a killed worker runs out within about 30 s, and another worker sends the email then",
    async () => {
      // The first worker's server never answers in time: the send is in flight when it is killed.
      const slow = await startSmtpSink({ delayMs: 10 * 60_000 });
      const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../testing/outbox-worker-process.ts")], {
        env: { ...process.env, SMTP_URL: slow.url, MAIL_FROM: FROM, WORKER_POLL_MS: "100" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        const { id } = await enqueueVerify("orphan@example.com", "DSR-KILLED");
        // The child compiles and starts first, slowly on a busy machine.
        await until(() => slow.arrived.length === 1, 120_000);
        child.kill("SIGKILL");
        await exited;
        const killedAt = Date.now();
        expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING", attempts: 1 });

        const transport = createSmtpTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
        let pickedUpAfterMs = 0;
        while (!pickedUpAfterMs) {
          const { sent } = await deliverDueEmails({ db, transport, from: FROM });
          if (sent) pickedUpAfterMs = Date.now() - killedAt;
          else if (Date.now() - killedAt > PICKUP_BOUND_MS + 10_000) break;
          else await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(pickedUpAfterMs).toBeGreaterThan(0);
        expect(pickedUpAfterMs).toBeLessThanOrEqual(PICKUP_BOUND_MS + 2_000);
        expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
        const messages = await received("orphan@example.com");
        expect(messages.map((m) => m.messageId)).toEqual([`<${id}@localhost>`]);
        expect(slow.accepted).toEqual([]);
      } finally {
        child.kill("SIGKILL");
        await slow.close();
      }
    },
    PICKUP_BOUND_MS + 180_000,
  );
});
