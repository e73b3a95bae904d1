import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { wakeSignal } from "@/lib/jobs/wake-signal";
import { isPrivateAddress } from "@/lib/webhooks/ssrf";
import { signatureHeaders, signingSecrets } from "@/lib/webhooks/sign";

/*
 * Delivery is at-least-once, like the email outbox (lib/mail/worker.ts). A due row is claimed with
 * a lease (attempts + 1, next_attempt_at moved LEASE_MS ahead), posted, and its outcome recorded
 * guarded by its attempts (the claim's identity). A process that dies between the commit that
 * queued a delivery and its answer leaves the row to be claimed again when the lease ends: it is
 * late, never lost. Receivers dedupe by webhook-id, which stays the same across attempts.
 */

export const LEASE_MS = 60_000;
/** The waits after each failed attempt; after the last, the delivery is FAILED (about 45 hours in all). */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** An endpoint must answer within this; the answer's body is read up to RESPONSE_CAP and dropped. */
const TIMEOUT_MS = 10_000;
const RESPONSE_CAP = 64 * 1024;
const BATCH = 10;

const signal = wakeSignal("webhooks");

/** Asks the webhook worker to deliver now (called after commits, with the outbox's wake-up). */
export function wakeWebhookWorker(): void {
  signal.wake();
}

type Claimed = { id: string; endpoint_id: string; request_id: string | null; payload: Record<string, unknown>; attempts: number };
export type Outcome = { statusCode: number | null; durationMs: number; error: string | null };

/** One pass: claims due deliveries until none are left, posts each, records the outcome. Safe in several processes at once. */
export async function deliverDueWebhooks(options: { db?: Db; now?: Date; signal?: AbortSignal } = {}): Promise<{ delivered: number; failed: number }> {
  const db = options.db ?? appDb;
  let delivered = 0;
  let failed = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const now = options.now ?? clockNow();
    const claimed = await db.$queryRaw<Claimed[]>`
      UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}::timestamp
       WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ${now}::timestamp
                     ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id::text, endpoint_id::text, request_id::text, payload, attempts`;
    if (claimed.length === 0) break;
    const [settings, endpoints] = await Promise.all([
      db.organizationSettings.findFirst({ select: { webhooksAllowPrivate: true } }),
      db.webhookEndpoint.findMany({
        where: { id: { in: [...new Set(claimed.map((row) => row.endpoint_id))] } },
        select: { id: true, url: true, secretSealed: true, previousSecretSealed: true, previousSecretUntil: true, includePersonal: true, disabledAt: true },
      }),
    ]);
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const results = await Promise.all(claimed.map((row) => deliverOne(db, row, byId.get(row.endpoint_id), settings?.webhooksAllowPrivate ?? false, now)));
    delivered += results.filter(Boolean).length;
    failed += results.filter((r) => !r).length;
  }
  return { delivered, failed };
}

type EndpointRow = { url: string; secretSealed: Uint8Array; previousSecretSealed: Uint8Array | null; previousSecretUntil: Date | null; includePersonal: boolean; disabledAt: Date | null };

async function deliverOne(db: Db, row: Claimed, endpoint: EndpointRow | undefined, allowPrivate: boolean, now: Date): Promise<boolean> {
  let outcome: Outcome;
  if (!endpoint || endpoint.disabledAt) {
    outcome = { statusCode: null, durationMs: 0, error: "ENDPOINT_DISABLED" };
  } else {
    const payload = { ...row.payload };
    if (endpoint.includePersonal && row.request_id) {
      // Read as it is now: an erased request sends nulls, and nothing personal is ever stored in the delivery.
      const person = await db.request.findUnique({ where: { id: row.request_id }, select: { requesterName: true, requesterEmail: true } });
      payload.data = { ...(payload.data as object), requester: { name: person?.requesterName ?? null, email: person?.requesterEmail ?? null } };
    }
    const body = JSON.stringify(payload);
    const headers = signatureHeaders(signingSecrets(endpoint, now), `msg_${row.id}`, Math.floor(Date.now() / 1000), body);
    outcome = await postSigned(endpoint.url, headers, body, allowPrivate);
  }
  const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const final = ok || row.attempts >= MAX_ATTEMPTS || outcome.error === "ENDPOINT_DISABLED";
  const next = new Date(now.getTime() + (RETRY_DELAYS_MS[row.attempts - 1] ?? 0));
  try {
    await db.$transaction([
      db.webhookAttempt.create({ data: { deliveryId: row.id, at: now, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error } }),
      db.webhookDelivery.updateMany({
        where: { id: row.id, attempts: row.attempts },
        data: {
          status: ok ? "DELIVERED" : final ? "FAILED" : "PENDING",
          deliveredAt: ok ? now : undefined,
          nextAttemptAt: final ? now : next,
          lastStatusCode: outcome.statusCode,
          lastDurationMs: outcome.durationMs,
          lastError: outcome.error,
        },
      }),
    ]);
  } catch (error) {
    // The lease brings it back: posted again, with the same webhook-id.
    logError("webhook.record_failed", error, { deliveryId: row.id });
  }
  return ok;
}

/** Resolves the host as the connection does, refusing private addresses unless allowed: no DNS rebinding between check and connect. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = !allowPrivate && addresses.some((a) => isPrivateAddress(a.address));
      if (refused || addresses.length === 0) return callback(Object.assign(new Error("private target"), { code: "WEBHOOK_TARGET_PRIVATE" }), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** POSTs the body; never follows a redirect. The error is a code, never the response's words. */
export function postSigned(url: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ statusCode: null, durationMs: 0, error: "URL_INVALID" });
    }
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) && !allowPrivate && isPrivateAddress(host)) return resolve({ statusCode: null, durationMs: 0, error: "WEBHOOK_TARGET_PRIVATE" });
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": `privacy-portal-webhooks (+${getEnv().APP_URL})` },
        lookup: guardedLookup(allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (response) => {
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > RESPONSE_CAP) response.destroy();
        });
        const done = () => resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: response.statusCode && response.statusCode < 300 && response.statusCode >= 200 ? null : `HTTP_${response.statusCode}` });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })), TIMEOUT_MS);
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ statusCode: null, durationMs: elapsed(), error: error.code ?? "NETWORK_ERROR" }));
    request.on("close", () => clearTimeout(timer));
    request.end(body);
  });
}

type WorkerState = { stop: AbortController; done: Promise<void> };
const globalForWorker = globalThis as unknown as { dsarWebhookWorker?: WorkerState };

/** Delivery passes in this process until stopWebhookWorker(): every WORKER_POLL_MS, or at once when woken. */
export function startWebhookWorker(options: { db?: Db; pollMs?: number; enabled?: boolean } = {}): boolean {
  const env = getEnv();
  if (!(options.enabled ?? env.WORKER_ENABLED)) return false;
  if (globalForWorker.dsarWebhookWorker) return true;
  const stop = new AbortController();
  const pollMs = options.pollMs ?? env.WORKER_POLL_MS;
  const loop = async () => {
    while (!stop.signal.aborted) {
      try {
        await deliverDueWebhooks({ db: options.db, signal: stop.signal });
      } catch (error) {
        logError("webhook.pass_failed", error);
      }
      await signal.wait(pollMs, stop.signal);
    }
  };
  globalForWorker.dsarWebhookWorker = { stop, done: loop() };
  return true;
}

export async function stopWebhookWorker(): Promise<void> {
  const state = globalForWorker.dsarWebhookWorker;
  if (!state) return;
  state.stop.abort();
  await state.done;
  if (globalForWorker.dsarWebhookWorker === state) globalForWorker.dsarWebhookWorker = undefined;
}
