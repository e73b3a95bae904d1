import "server-only";
import { db as appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/backoff";
import { errorCode, PermanentFailure } from "@/lib/mail/error-code";
import { markSent } from "@/lib/mail/mark-sent";
import { openOutboxPayload } from "@/lib/mail/payload";
import { renderEmail } from "@/lib/mail/render";
import { outboxMessageId, senderAddress } from "@/lib/mail/sender";
import { isEmailTemplateName, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";
import { getMailTransport, type MailTransport } from "@/lib/mail/transport";
import { waitForWake } from "@/lib/mail/worker-signal";

export { wakeOutboxWorker } from "@/lib/mail/worker-signal";

/*
 * Delivery is at-least-once. A row is claimed (SENDING, with a lease), sent, then marked SENT.
 * If the process dies after the SMTP server accepted the message but before the SENT update
 * commits, the row stays SENDING until its lease runs out and is then sent again. The window is
 * one database round trip; the duplicate carries the same Message-ID (<outbox-id@app-host>), so
 * mail clients and anyone reading the logs can recognise it.
 */

const DEFAULT_BATCH_SIZE = 10;
// Longer than a batch can take: sends run in parallel and each fails within the transport's
// timeouts (about 30 s), so a live worker never loses a row to another one mid-send.
const LEASE_MS = 5 * 60_000;

export type DeliverOptions = {
  db: Db;
  transport: MailTransport;
  batchSize?: number;
  /** From header; default MAIL_FROM, else built from the operator's settings. */
  from?: string;
  maxAttempts?: number;
  leaseMs?: number;
  /** Checked between batches, so stopping the worker does not wait for a long queue to drain. */
  signal?: AbortSignal;
};

type ClaimedRow = { id: string; template: string; payload: Uint8Array | null; attempts: number };

/**
 * One delivery pass: claims due emails batch by batch until none are left, sends each, and
 * records the outcome. Safe to run in several processes at once; each row goes to one of them.
 */
export async function deliverDueEmails(options: DeliverOptions): Promise<{ sent: number; failed: number }> {
  const { db, transport } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  let from = options.from;
  let sent = 0;
  let failed = 0;

  while (!options.signal?.aborted) {
    const batch = await claimDueEmails(db, batchSize, leaseMs);
    if (batch.length === 0) break;
    const sender = (from ??= await defaultSender(db));
    const outcomes = await Promise.all(batch.map((row) => deliverOne(row, { db, transport, from: sender, maxAttempts })));
    sent += outcomes.filter((ok) => ok).length;
    failed += outcomes.filter((ok) => !ok).length;
    // A short batch means the queue is drained; failed rows are due later, not now.
    if (batch.length < batchSize) break;
  }
  return { sent, failed };
}

// SKIP LOCKED lets concurrent workers each take different rows without waiting on each other.
// A SENDING row whose lease ran out belongs to a worker that died mid-send, so it is due again.
// The columns are `timestamp without time zone` holding UTC (as Prisma writes them), hence the
// comparison with now() in UTC whatever the session's time zone is.
async function claimDueEmails(db: Db, batchSize: number, leaseMs: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE email_outbox
       SET status = 'SENDING',
           locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::double precision),
           attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM email_outbox
        WHERE (status = 'PENDING' AND next_attempt_at <= (now() AT TIME ZONE 'UTC'))
           OR (status = 'SENDING' AND locked_until < (now() AT TIME ZONE 'UTC'))
        ORDER BY next_attempt_at
        LIMIT ${batchSize}::int
        FOR UPDATE SKIP LOCKED
     )
    RETURNING id::text AS id, template, payload, attempts`;
}

async function defaultSender(db: Db): Promise<string> {
  const env = getEnv();
  if (env.MAIL_FROM?.trim()) return env.MAIL_FROM.trim();
  const org = await db.organizationSettings.findUnique({
    where: { id: 1 },
    select: { productName: true, privacyEmail: true },
  });
  // Only before the seed has run: still send, from an address on the app's own host.
  return org ? senderAddress(undefined, org) : `privacy@${new URL(env.APP_URL).hostname}`;
}

async function deliverOne(
  row: ClaimedRow,
  context: { db: Db; transport: MailTransport; from: string; maxAttempts: number },
): Promise<boolean> {
  const { db } = context;
  try {
    const message = await buildMessage(row, context.from);
    await context.transport.send(message);
  } catch (error) {
    await recordFailure(db, row, error, context.maxAttempts);
    return false;
  }
  try {
    // Guarded by status and attempts: if our lease ran out and another worker reclaimed the row,
    // its outcome is the one to keep. A confirmation of receipt also settles that duty (CCPA).
    await markSent(db, row, new Date());
  } catch (error) {
    // The message is out; the row will be sent again when its lease expires (the crash window).
    console.error(`[mail] outbox ${row.id} (${row.template}) sent but not recorded: ${errorCode(error)}`);
  }
  return true;
}

async function buildMessage(row: ClaimedRow, from: string) {
  if (!row.payload) throw new PermanentFailure("NO_PAYLOAD");
  if (!isEmailTemplateName(row.template)) throw new PermanentFailure("UNKNOWN_TEMPLATE");
  let payload;
  try {
    payload = openOutboxPayload(row.payload);
  } catch {
    throw new PermanentFailure("PAYLOAD_UNREADABLE");
  }
  // The props were type-checked against this template when the row was enqueued.
  const rendered = await renderEmail(row.template, payload.props as EmailProps<EmailTemplateName>);
  return {
    from,
    to: payload.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: outboxMessageId(row.id, getEnv().APP_URL),
    // Tells auto-responders (out-of-office replies) not to answer a machine-sent message.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

async function recordFailure(db: Db, row: ClaimedRow, error: unknown, maxAttempts: number): Promise<void> {
  const code = errorCode(error);
  const dead = error instanceof PermanentFailure || row.attempts >= maxAttempts;
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(row.attempts));
  try {
    await db.emailOutbox.updateMany({
      where: { id: row.id, status: "SENDING", attempts: row.attempts },
      data: dead
        ? { status: "DEAD", payload: null, lockedUntil: null, lastError: code }
        : { status: "PENDING", nextAttemptAt, lockedUntil: null, lastError: code },
    });
  } catch (updateError) {
    // The lease expires and the row is retried; nothing else to do from here.
    console.error(`[mail] outbox ${row.id} (${row.template}) failure not recorded: ${errorCode(updateError)}`);
  }
  console.warn(
    dead
      ? `[mail] outbox ${row.id} (${row.template}) gave up after attempt ${row.attempts}: ${code}`
      : `[mail] outbox ${row.id} (${row.template}) attempt ${row.attempts} failed: ${code}; retry at ${nextAttemptAt.toISOString()}`,
  );
}

type WorkerState = { stop: AbortController; done: Promise<void> };
const globalForWorker = globalThis as unknown as { dsarOutboxWorker?: WorkerState };

export type StartOutboxWorkerOptions = {
  transport?: MailTransport;
  db?: Db;
  pollMs?: number;
  /** Defaults to WORKER_ENABLED; tests pass true. */
  enabled?: boolean;
};

/**
 * Runs delivery passes in this process until stopOutboxWorker(): one every WORKER_POLL_MS, or at
 * once after wakeOutboxWorker(). Returns false when the worker is disabled. A second call while
 * one runs does nothing, so a process never has two loops racing on its own rows.
 */
export function startOutboxWorker(options: StartOutboxWorkerOptions = {}): boolean {
  const env = getEnv();
  if (!(options.enabled ?? env.WORKER_ENABLED)) return false;
  if (globalForWorker.dsarOutboxWorker) return true;
  const db = options.db ?? appDb;
  const transport = options.transport ?? getMailTransport();
  const pollMs = options.pollMs ?? env.WORKER_POLL_MS;
  const stop = new AbortController();
  const loop = async () => {
    while (!stop.signal.aborted) {
      try {
        await deliverDueEmails({ db, transport, signal: stop.signal });
      } catch (error) {
        // Usually the database is unreachable; keep polling, it may come back.
        const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } })?.meta?.driverAdapterError?.cause;
        console.error(`[mail] outbox worker pass failed: ${errorCode(error)}${cause ? ` (${cause.kind ?? ""} ${cause.code ?? ""})` : ""}`);
      }
      await waitForWake(pollMs, stop.signal);
    }
  };
  globalForWorker.dsarOutboxWorker = { stop, done: loop() };
  return true;
}

/** Stops the loop and waits for the pass in progress to finish. */
export async function stopOutboxWorker(): Promise<void> {
  const state = globalForWorker.dsarOutboxWorker;
  if (!state) return;
  state.stop.abort();
  await state.done;
  if (globalForWorker.dsarOutboxWorker === state) globalForWorker.dsarOutboxWorker = undefined;
}
