import "server-only";
import { db as appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/backoff";
import { errorCode, PermanentFailure } from "@/lib/mail/error-code";
import { markSent } from "@/lib/mail/mark-sent";
import { openOutboxPayload } from "@/lib/mail/payload";
import { renderEmail, type RenderOptions } from "@/lib/mail/render";
import { outboxMessageId, senderAddress } from "@/lib/mail/sender";
import { EMAIL_AUDIENCES, isEmailTemplateName, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";
import { getMailTransport, type MailTransport } from "@/lib/mail/transport";
import { waitForWake } from "@/lib/mail/worker-signal";

export { wakeOutboxWorker } from "@/lib/mail/worker-signal";

/*
 * Delivery is at-least-once. A row is claimed (SENDING, attempts + 1, a lease of LEASE_MS), sent,
 * then marked SENT. While rows are in flight a heartbeat extends their lease every
 * LEASE_MS / 5, guarded by id, status and attempts (the claim's identity: every claim increments
 * attempts), so a live worker keeps its rows however slow the SMTP server is, and a row whose
 * worker died is due again within one lease (30 s), not minutes.
 *
 * A duplicate (same Message-ID, <outbox-id@app-host>, so it reads as one) can still happen when:
 * 1. the process dies after the SMTP server accepted the message and before the SENT update
 *    commits: one database round trip, or longer if the database is unreachable just then (the
 *    update is retried every second for up to SENT_RETRY_MS while the process lives);
 * 2. the database is unreachable from just after the SMTP server accepted the message for longer
 *    than LEASE_MS, and when it is back another worker reclaims the row before this worker's
 *    retried SENT update gets through;
 * 3. the worker lives but cannot renew its lease for longer than LEASE_MS (the database
 *    unreachable from it alone, or its event loop blocked that long) while another worker can:
 *    that one reclaims the row and sends it again. The first worker logs "lease lost".
 * A server that stops answering fails the send within the transport's timeouts
 * (lib/mail/transport.ts), so the heartbeat never holds a row for a dead server.
 */

// Emails in flight per process. Rendering is the worker's main cost, so more than enough to keep
// the transport's pool busy while the next ones render buys nothing (bench/outbox.ts).
const DEFAULT_BATCH_SIZE = 16;
/** How long a claim holds a row without a heartbeat. */
export const LEASE_MS = 30_000;
const HEARTBEATS_PER_LEASE = 5;
// After the message is out, how long a failing SENT update is retried (a database restart)
// before the row is left to its lease, to be sent again.
const SENT_RETRY_MS = 2 * 60_000;

export type DeliverOptions = {
  db: Db;
  transport: MailTransport;
  /** Emails in flight at most; more are claimed whenever half of them are done. */
  batchSize?: number;
  /** From header; default MAIL_FROM, else built from the operator's settings. */
  from?: string;
  maxAttempts?: number;
  leaseMs?: number;
  /** Checked before each claim, so stopping the worker does not wait for a long queue to drain. */
  signal?: AbortSignal;
};

type ClaimedRow = { id: string; template: string; payload: Uint8Array | null; attempts: number; requestId: string | null };
/** A row the claim gave up on instead: its attempts were used up by workers that died mid-send. */
type Claimed = ClaimedRow & { abandoned: boolean };

/**
 * One delivery pass: claims due emails until none are left, sends each, and records the outcome.
 * Up to `batchSize` are in flight, and more are claimed as soon as half of them are done, so
 * the transport never waits for the slowest email of a batch. Safe to run in several processes
 * at once; each row goes to one of them.
 */
export async function deliverDueEmails(options: DeliverOptions): Promise<{ sent: number; failed: number }> {
  const { db, transport } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  let from = options.from;
  // The accent the buttons wear: read once a pass, as it stands when the emails go out.
  let accent: Promise<string | null> | undefined;
  let sent = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const leases = keepLeases(db, leaseMs);

  try {
    while (!options.signal?.aborted) {
      const room = batchSize - inFlight.size;
      const claimed = await claimDueEmails(db, room, leaseMs, maxAttempts);
      const languages = await requestLanguages(db, claimed);
      for (const row of claimed) {
        if (row.abandoned) {
          failed++;
          console.warn(`[mail] outbox ${row.id} (${row.template}) gave up after attempt ${row.attempts}: LEASE_EXPIRED (its workers died mid-send)`);
          continue;
        }
        leases.hold(row);
        const context = { db, transport, from: (from ??= await defaultSender(db)), accent: await (accent ??= readAccent(db)), maxAttempts, signal: options.signal };
        const requestLanguage = row.requestId ? languages.get(row.requestId) : undefined;
        const delivery: Promise<void> = deliverOne(row, { ...context, requestLanguage })
          .then((ok) => void (ok ? sent++ : failed++))
          .finally(() => {
            leases.release(row.id);
            inFlight.delete(delivery);
          });
        inFlight.add(delivery);
      }
      // Fewer than asked for means the queue is drained; failed rows are due later, not now.
      if (claimed.length < room) break;
      while (inFlight.size > batchSize / 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    leases.stop();
  }
  return { sent, failed };
}

// SKIP LOCKED lets concurrent workers each take different rows without waiting on each other.
// A SENDING row whose lease ran out belongs to a worker that died mid-send, so it is due again,
// unless its attempts are used up: every claim counts one, so a row that kills its worker each
// time ends DEAD after maxAttempts claims instead of being claimed forever.
// The columns are `timestamp without time zone` holding UTC (as Prisma writes them), hence the
// comparison with now() in UTC whatever the session's time zone is.
async function claimDueEmails(db: Db, limit: number, leaseMs: number, maxAttempts: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id, attempts FROM email_outbox
       WHERE (status = 'PENDING' AND next_attempt_at <= (now() AT TIME ZONE 'UTC'))
          OR (status = 'SENDING' AND locked_until < (now() AT TIME ZONE 'UTC'))
       ORDER BY next_attempt_at
       LIMIT ${limit}::int
       FOR UPDATE SKIP LOCKED
    ),
    abandoned AS (
      UPDATE email_outbox o
         SET status = 'DEAD', payload = NULL, locked_until = NULL,
             last_error = CASE WHEN o.status = 'SENDING' THEN 'LEASE_EXPIRED' ELSE 'MAX_ATTEMPTS' END
        FROM due
       WHERE o.id = due.id AND due.attempts >= ${maxAttempts}::int
      RETURNING o.id, o.template, o.attempts
    ),
    claimed AS (
      UPDATE email_outbox o
         SET status = 'SENDING',
             locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::double precision),
             attempts = o.attempts + 1
        FROM due
       WHERE o.id = due.id AND due.attempts < ${maxAttempts}::int
      RETURNING o.id, o.template, o.payload, o.attempts, o.request_id
    )
    SELECT id::text AS id, template, payload, attempts, request_id::text AS "requestId", false AS abandoned FROM claimed
    UNION ALL
    SELECT id::text, template, NULL::bytea, attempts, NULL::text, true FROM abandoned`;
}

/**
 * The language of each claimed requester email's request (requests.language, stored from the
 * form's language), in one query for the batch: the email goes out in it, whenever it was queued.
 */
async function requestLanguages(db: Db, rows: Claimed[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.filter((r) => !r.abandoned && r.requestId && isEmailTemplateName(r.template) && EMAIL_AUDIENCES[r.template] === "requester").map((r) => r.requestId as string)),
  ];
  if (ids.length === 0) return new Map();
  const found = await db.request.findMany({ where: { id: { in: ids } }, select: { id: true, language: true } });
  return new Map(found.map((r) => [r.id, r.language]));
}

/**
 * Extends the lease of the rows in flight every leaseMs / HEARTBEATS_PER_LEASE, in one statement
 * for all of them, until each is released. Only a row still held by our claim (SENDING with the
 * attempts we claimed it at) is extended; one that is not is logged as lost.
 */
function keepLeases(db: Db, leaseMs: number) {
  const held = new Map<string, number>();
  let beating = false;
  const beat = async () => {
    if (beating || held.size === 0) return;
    beating = true;
    const ids = [...held.keys()];
    try {
      const renewed = await db.$queryRaw<{ id: string }[]>`
        UPDATE email_outbox o
           SET locked_until = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::double precision)
          FROM unnest(${ids}::uuid[], ${[...held.values()]}::int[]) AS mine(id, attempts)
         WHERE o.id = mine.id AND o.attempts = mine.attempts AND o.status = 'SENDING'
        RETURNING o.id::text AS id`;
      const kept = new Set(renewed.map((r) => r.id));
      for (const id of ids) {
        // Released meanwhile (marked SENT or failed) is not lost.
        if (!kept.has(id) && held.has(id)) console.error(`[mail] outbox ${id} lease lost mid-send: another worker may send it again`);
      }
    } catch (error) {
      console.error(`[mail] outbox lease not renewed: ${errorCode(error)}`);
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void beat(), leaseMs / HEARTBEATS_PER_LEASE);
  // A heartbeat must never keep a process alive that has nothing else to do.
  timer.unref();
  return {
    hold: (row: ClaimedRow) => void held.set(row.id, row.attempts),
    release: (id: string) => void held.delete(id),
    stop: () => clearInterval(timer),
  };
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
  context: { db: Db; transport: MailTransport; from: string; accent: string | null; requestLanguage?: string; maxAttempts: number; signal?: AbortSignal },
): Promise<boolean> {
  const { db } = context;
  try {
    const message = await buildMessage(row, context.from, { accent: context.accent, requestLanguage: context.requestLanguage });
    await context.transport.send(message);
  } catch (error) {
    await recordFailure(db, row, error, context.maxAttempts);
    return false;
  }
  await recordSent(db, row, context.signal);
  return true;
}

/**
 * The one place a delivered row becomes SENT. The message is out: a failed update (a database
 * restart) is retried while the row is still ours, since a row left SENDING is sent again once
 * its lease runs out.
 */
async function recordSent(db: Db, row: ClaimedRow, signal?: AbortSignal): Promise<void> {
  const giveUpAt = Date.now() + SENT_RETRY_MS;
  // At most a second between tries: once the database is back, the update should win the race
  // against another worker reclaiming the row when its lease has run out meanwhile.
  for (let wait = 250; ; wait = Math.min(wait * 2, 1_000)) {
    try {
      // Guarded by status and attempts: if our lease ran out and another worker reclaimed the row,
      // its outcome is the one to keep. A confirmation of receipt also settles that duty (CCPA).
      await markSent(db, row, new Date());
      return;
    } catch (error) {
      if (Date.now() + wait > giveUpAt || signal?.aborted) {
        // The crash window: the row will be sent again when its lease expires.
        console.error(`[mail] outbox ${row.id} (${row.template}) sent but not recorded: ${errorCode(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function readAccent(db: Db): Promise<string | null> {
  return (await db.organizationSettings.findUnique({ where: { id: 1 }, select: { accentColor: true } }))?.accentColor ?? null;
}

async function buildMessage(row: ClaimedRow, from: string, options: RenderOptions) {
  if (!row.payload) throw new PermanentFailure("NO_PAYLOAD");
  if (!isEmailTemplateName(row.template)) throw new PermanentFailure("UNKNOWN_TEMPLATE");
  let payload;
  try {
    payload = openOutboxPayload(row.payload);
  } catch {
    throw new PermanentFailure("PAYLOAD_UNREADABLE");
  }
  // The props were type-checked against this template when the row was enqueued.
  const rendered = await renderEmail(row.template, payload.props as EmailProps<EmailTemplateName>, options);
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
