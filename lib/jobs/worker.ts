import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { wakeSignal } from "@/lib/jobs/wake-signal";
import { logError, logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { runReferralFollowUps } from "@/lib/referrals/follow-up";

// Scheduled work whose state lives in the database (so it survives restarts): today the
// follow-up of silent referrals. One pass every JOBS_POLL_MS, or at once after wakeJobWorker().
// Time comes from lib/clock.ts, so tests move it instead of waiting.

const signal = wakeSignal("jobs");

export function wakeJobWorker(): void {
  signal.wake();
}

/** One pass over every kind of due job. Returns what it did, for logs and tests. */
export async function runDueJobs(db: Db = appDb, now = clockNow()): Promise<{ reminded: number; escalated: number }> {
  const followUps = await runReferralFollowUps(db, now);
  if (followUps.reminded || followUps.escalated) {
    logEvent("jobs.referral_follow_ups", followUps);
    wakeOutboxWorker();
  }
  return followUps;
}

type WorkerState = { stop: AbortController; done: Promise<void> };
const globalForWorker = globalThis as unknown as { dsarJobWorker?: WorkerState };

/** Starts the loop once per process; false when workers are disabled (WORKER_ENABLED=false). */
export function startJobWorker(options: { db?: Db; pollMs?: number; enabled?: boolean } = {}): boolean {
  const env = getEnv();
  if (!(options.enabled ?? env.WORKER_ENABLED)) return false;
  if (globalForWorker.dsarJobWorker) return true;
  const db = options.db ?? appDb;
  const pollMs = options.pollMs ?? env.JOBS_POLL_MS;
  const stop = new AbortController();
  const loop = async () => {
    while (!stop.signal.aborted) {
      try {
        await runDueJobs(db);
      } catch (error) {
        logError("jobs.pass_failed", error);
      }
      await signal.wait(pollMs, stop.signal);
    }
  };
  globalForWorker.dsarJobWorker = { stop, done: loop() };
  return true;
}

export async function stopJobWorker(): Promise<void> {
  const state = globalForWorker.dsarJobWorker;
  if (!state) return;
  state.stop.abort();
  await state.done;
  if (globalForWorker.dsarJobWorker === state) globalForWorker.dsarJobWorker = undefined;
}
