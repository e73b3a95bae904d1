import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import { isReady } from "@/lib/fulfillment/advance";
import { wakeRunWorkers } from "@/lib/fulfillment/jobs";
import { planRun, runKindFor, startRun } from "@/lib/fulfillment/runs";
import { sendJob } from "@/lib/jobs/boss";
import { QUEUE_SCHEMA, QUEUES } from "@/lib/jobs/queue";
import { logError } from "@/lib/log";

// The due pass's safety net for runs, independent of pg-boss's own expiry: a task whose worker
// died (lease ran out) or whose job got lost (a crash between commit and send, a queue purge) gets
// a job again. A task is never run twice at once whatever the sweep sends: the task row's lease
// decides (lib/fulfillment/execute.ts).

const SWEEP_BATCH = 200;
const AUTO_START_WINDOW_MS = 86_400_000;

/** Re-sends jobs for tasks that should be running and have no job waiting. Returns how many. */
export async function sweepRuns(db: Db, now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ id: string; run_id: string; status: string }[]>`
    SELECT t.id::text, t.run_id::text, t.status::text FROM fulfillment_tasks t
      JOIN fulfillment_runs r ON r.id = t.run_id
     WHERE r.status = 'RUNNING'
       AND (t.status = 'QUEUED' OR (t.status = 'RUNNING' AND t.locked_until < ${now}::timestamp))
     ORDER BY t.updated_at LIMIT ${SWEEP_BATCH}::int`;
  if (rows.length === 0) return 0;
  const runIds = [...new Set(rows.map((r) => r.run_id))];
  const siblings = await db.fulfillmentTask.findMany({ where: { runId: { in: runIds } }, select: { id: true, status: true, dependsOn: true } });
  const statusOf = (id: string) => siblings.find((t) => t.id === id)?.status;
  const candidates = rows.filter((r) => r.status === "RUNNING" || isReady({ status: "QUEUED", dependsOn: siblings.find((s) => s.id === r.id)?.dependsOn ?? [] }, statusOf));
  if (candidates.length === 0) return 0;
  // A job still waiting to be fetched (new, or waiting for its retry) will claim the task itself.
  const waiting = await db.$queryRawUnsafe<{ task_id: string }[]>(
    `SELECT data->>'taskId' AS task_id FROM ${QUEUE_SCHEMA}.job
      WHERE name = $1 AND state IN ('created', 'retry') AND data->>'taskId' = ANY($2::text[])`,
    QUEUES.fulfillmentTask.name,
    candidates.map((c) => c.id),
  );
  const hasJob = new Set(waiting.map((w) => w.task_id));
  let sent = 0;
  for (const task of candidates) {
    if (hasJob.has(task.id)) continue;
    await sendJob(QUEUES.fulfillmentTask.name, { taskId: task.id });
    sent++;
  }
  if (sent) wakeRunWorkers();
  return sent;
}

/**
 * Starts a run for every request verified in the last day whose type the admin set to start by
 * itself (OrganizationSettings.autoRunTypes) and that has no run yet. The verification pages wake
 * the due pass right after a confirmation, so this runs within moments; it is also the backstop
 * when the app stopped in between.
 */
export async function autoStartRuns(db: Db, now: Date): Promise<number> {
  const settings = await db.organizationSettings.findUnique({ where: { id: 1 }, select: { autoRunTypes: true } });
  const types = settings?.autoRunTypes.filter((t) => runKindFor(t)) ?? [];
  if (types.length === 0) return 0;
  const requests = await db.request.findMany({
    where: {
      type: { in: types },
      status: { in: ["RECEIVED", "IN_PROGRESS"] },
      verifiedAt: { gte: new Date(now.getTime() - AUTO_START_WINDOW_MS), lte: now },
      runs: { none: {} },
      // A possible duplicate waits for the officer: merged, it needs no run of its own.
      duplicateOfId: null,
      // Answers the officer must judge, or that did not match, wait for the officer too.
      identityCheck: { in: ["NOT_NEEDED", "PASSED"] },
    },
    select: { id: true },
    orderBy: { verifiedAt: "asc" },
    take: 20,
  });
  let started = 0;
  for (const { id } of requests) {
    try {
      const run = await planRun(db, { requestId: id, staffId: null });
      await startRun(db, run.id, null);
      started++;
    } catch (error) {
      // An empty data map or a run started meanwhile: nothing to do, and nothing to log.
      if (!(error instanceof DomainError)) logError("fulfillment.auto_start_failed", error, { requestId: id });
    }
  }
  return started;
}
