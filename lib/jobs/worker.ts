import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { handleTaskJob } from "@/lib/fulfillment/execute";
import { handleErasureJob, sweepErasures } from "@/lib/erasure/run";
import { handleAssembleJob } from "@/lib/fulfillment/package/assemble";
import { runOwnerFollowUps } from "@/lib/fulfillment/manual";
import { autoStartRuns, sweepRuns } from "@/lib/fulfillment/sweep";
import { queue, sendJob, stopQueue, workQueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue";
import { logError, logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { runNoticeFollowUps } from "@/lib/recipients/notices";
import { runReferralFollowUps } from "@/lib/referrals/follow-up";
import { cancelClosedReferralRuns } from "@/lib/referrals/workspace-erasure";
import { sendDailyDigests } from "@/lib/staff/digest";
import { checkStuckIdentityAnswers } from "@/lib/verification/identity/flow";
import { sendVerificationReminders } from "@/lib/verification/reminders";
import { announceNearDeadlines } from "@/lib/webhooks/deadlines";

// Background work on the pg-boss queue (lib/jobs/boss.ts), in every app instance: fulfillment
// tasks, package assembly, erasures, and the periodic due pass (referral follow-ups, manual-task
// and recipient-notice reminders, the sweeps that re-send lost task and erasure jobs, auto-started
// runs). A timer sends a `due-pass` job every JOBS_POLL_MS, throttled by pg-boss to one per
// interval across all instances; wakeJobWorker() sends one at once. State lives in the database, so a restart loses nothing.
// Time comes from lib/clock.ts, so tests move it instead of waiting.

export type DuePassResult = {
  reminded: number;
  escalated: number;
  ownerReminded: number;
  ownerEscalated: number;
  noticesReminded: number;
  noticesEscalated: number;
  tasksResent: number;
  erasuresResent: number;
  runsStarted: number;
  closedReferralRunsCancelled: number;
  digestsSent: number;
  verificationReminders: number;
  identityChecksSettled: number;
  deadlinesAnnounced: number;
};

/** One pass over every kind of due job. Returns what it did, for logs and tests. */
export async function runDueJobs(db: Db = appDb, now = clockNow()): Promise<DuePassResult> {
  const followUps = await runReferralFollowUps(db, now);
  const owners = await runOwnerFollowUps(db, now);
  const notices = await runNoticeFollowUps(db, now);
  const runsStarted = await autoStartRuns(db, now);
  const tasksResent = await sweepRuns(db, now);
  const erasuresResent = await sweepErasures(db, now);
  const closedReferralRunsCancelled = await cancelClosedReferralRuns(db, now);
  const digestsSent = await sendDailyDigests(db, now);
  const verificationReminders = await sendVerificationReminders(db, now);
  const identityChecksSettled = await checkStuckIdentityAnswers(db, now);
  const deadlinesAnnounced = await announceNearDeadlines(db, now);
  const result = {
    ...followUps,
    ...owners,
    ...notices,
    tasksResent,
    erasuresResent,
    runsStarted,
    closedReferralRunsCancelled,
    digestsSent,
    verificationReminders,
    identityChecksSettled,
    deadlinesAnnounced,
  };
  if (Object.values(result).some((n) => n > 0)) {
    logEvent("jobs.due_pass", result);
    wakeOutboxWorker();
  }
  return result;
}

type WorkerState = { timer: NodeJS.Timeout; db: Db };
const globalForWorker = globalThis as unknown as { dsarJobWorker?: WorkerState };

/** Sends a due pass now (instead of at the next interval). Does nothing when no worker runs here. */
export function wakeJobWorker(): void {
  if (!globalForWorker.dsarJobWorker) return;
  void sendJob(QUEUES.duePass.name, {}).catch((error) => logError("jobs.wake_failed", error));
}

/** Starts the queue's workers once per process; false when workers are disabled (WORKER_ENABLED=false). */
export function startJobWorker(options: { db?: Db; pollMs?: number; enabled?: boolean } = {}): boolean {
  const env = getEnv();
  if (!(options.enabled ?? env.WORKER_ENABLED)) return false;
  if (globalForWorker.dsarJobWorker) return true;
  const db = options.db ?? appDb;
  const pollMs = options.pollMs ?? env.JOBS_POLL_MS;
  const throttleSeconds = Math.max(1, Math.floor(pollMs / 1000));
  const tick = () => {
    // One pass per interval across every instance: pg-boss keeps a single job per time slot.
    void queue()
      .then((boss) => boss.sendThrottled(QUEUES.duePass.name, {}, {}, throttleSeconds, "due-pass"))
      .catch((error) => logError("jobs.tick_failed", error));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  globalForWorker.dsarJobWorker = { timer, db };
  void (async () => {
    try {
      await workQueue<{ taskId?: unknown }>(QUEUES.fulfillmentTask.name, (job) => handleTaskJob(db, job.data));
      await workQueue<{ runId: string; revision: number }>(QUEUES.fulfillmentAssemble.name, handleAssembleJob);
      await workQueue<{ runId?: unknown }>(QUEUES.erasureRun.name, (job) => handleErasureJob(db, job));
      await workQueue(QUEUES.duePass.name, async () => {
        await runDueJobs(db);
      });
      await sendJob(QUEUES.duePass.name, {});
    } catch (error) {
      logError("jobs.start_failed", error);
    }
  })();
  return true;
}

/** Stops the timer and the queue's workers (waiting for running handlers). */
export async function stopJobWorker(): Promise<void> {
  const state = globalForWorker.dsarJobWorker;
  if (!state) return;
  clearInterval(state.timer);
  globalForWorker.dsarJobWorker = undefined;
  await stopQueue();
}
