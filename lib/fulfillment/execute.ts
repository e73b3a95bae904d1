import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { now as clockNow } from "@/lib/clock";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type ConnectorSession, type FoundRow } from "@/lib/connectors/types";
import type { Db } from "@/lib/db";
import { loadSealedSecret, loadSystem } from "@/lib/datamap/load";
import type { Identity, MapCollection, MapSystem } from "@/lib/datamap/types";
import { getEnv } from "@/lib/env";
import { advanceRun, lockRun } from "@/lib/fulfillment/advance";
import { queueReady, wakeRunWorkers } from "@/lib/fulfillment/jobs";
import { openOwnerTask } from "@/lib/fulfillment/manual";
import type { PlanCollection, RunPlan } from "@/lib/fulfillment/plan";
import { ChunkWriter, deleteTaskRecords, openIdentities, readRecordChunks } from "@/lib/fulfillment/records";
import { QUEUES } from "@/lib/jobs/queue";
import { logError, logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/requests/events";

// The `fulfillment-task` job: one system's part of a run. pg-boss may hand the same job out twice
// (an expired job is retried while a slow first attempt still runs, several app instances poll
// one queue), so the task's row is the real lock: a worker claims it with a lease it renews every
// batch, and a task whose lease ran out (its worker died) can be claimed again. Every claim first
// deletes what an earlier attempt wrote, so records are never doubled.

/** This process, in the lease: host and pid are enough to tell instances apart in the table. */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Thrown when another worker holds the task's lease: pg-boss retries the job later. */
export class TaskBusyError extends Error {
  constructor() {
    super("The task is being run by another worker.");
    this.name = "TaskBusyError";
  }
}

/** The worker lost the task (the run was cancelled, or its lease was taken over). */
class LostTaskError extends Error {}

const VALUES_PER_LOOKUP = 1000;

export type TaskOutcome = "done" | "failed" | "retry" | "waiting" | "skipped";

type Claimed = { runId: string; systemId: string; attempts: number };

function leaseUntil(now: Date): Date {
  return new Date(now.getTime() + getEnv().FULFILLMENT_TASK_LEASE_SECONDS * 1000);
}

async function claim(db: Db, taskId: string, workerId: string, now: Date): Promise<Claimed | "ended" | "busy"> {
  const rows = await db.$queryRaw<{ run_id: string; system_id: string; attempts: number }[]>`
    UPDATE fulfillment_tasks t
       SET status = 'RUNNING', locked_until = ${leaseUntil(now)}::timestamp, locked_by = ${workerId},
           attempts = t.attempts + 1, started_at = COALESCE(t.started_at, ${now}::timestamp), updated_at = ${now}::timestamp
     WHERE t.id = ${taskId}::uuid
       AND (t.status = 'QUEUED' OR (t.status = 'RUNNING' AND t.locked_until < ${now}::timestamp))
       AND EXISTS (SELECT 1 FROM fulfillment_runs r WHERE r.id = t.run_id AND r.status = 'RUNNING')
    RETURNING t.run_id::text, t.system_id::text, t.attempts`;
  const row = rows[0];
  if (row) return { runId: row.run_id, systemId: row.system_id, attempts: row.attempts };
  const task = await db.fulfillmentTask.findUnique({ where: { id: taskId }, select: { status: true, lockedUntil: true } });
  if (task?.status === "RUNNING" && task.lockedUntil && task.lockedUntil >= now) return "busy";
  return "ended";
}

/** Runs one task; safe to call any number of times for the same task, from any process. */
export async function executeTask(db: Db, taskId: string, options: { workerId?: string } = {}): Promise<TaskOutcome | "noop"> {
  const workerId = options.workerId ?? WORKER_ID;
  const claimed = await claim(db, taskId, workerId, clockNow());
  if (claimed === "ended") return "noop";
  if (claimed === "busy") throw new TaskBusyError();

  const run = await db.fulfillmentRun.findUniqueOrThrow({
    where: { id: claimed.runId },
    select: { id: true, requestId: true, plan: true, identities: true, workspaces: true },
  });
  const plan = run.plan as unknown as RunPlan;
  const planned = plan.systems.find((s) => s.systemId === claimed.systemId);
  const system = await loadSystem(db, claimed.systemId);
  if (!planned || !system) {
    return fail(db, taskId, workerId, run, system?.name ?? "A system", "It was removed from the data map after the run was planned. Cancel this run and start a new one.");
  }
  if (system.kind === "MANUAL") {
    await openOwnerTask(db, { taskId, workerId, run, system, planned });
    return "waiting";
  }

  await deleteTaskRecords(db, taskId);
  const task = new TaskRun(db, taskId, workerId, run.id, planned.collections);
  let session: ConnectorSession | null = null;
  try {
    const connector = connectorFor(system.kind);
    if (!connector) throw new ConnectorError("protocol", "This kind of system has no connector.");
    session = await connector.open(system, openSecret(await loadSealedSecret(db, system.id)));
    await task.collect(session, system, openIdentities(run.identities), run.workspaces);
  } catch (error) {
    if (error instanceof LostTaskError) return lost(db, taskId);
    const retryLimit = QUEUES.fulfillmentTask.retryLimit;
    if (error instanceof ConnectorError && !error.retryable) return fail(db, taskId, workerId, run, system.name, explain(error));
    if (claimed.attempts > retryLimit) {
      const message =
        error instanceof ConnectorError
          ? `${explain(error)} Tried ${claimed.attempts} times.`
          : `Something went wrong on our side while searching it (tried ${claimed.attempts} times). Retry it; if it fails again, tell your administrator.`;
      if (!(error instanceof ConnectorError)) logError("fulfillment.task_error", error, { taskId });
      return fail(db, taskId, workerId, run, system.name, message);
    }
    if (!(error instanceof ConnectorError)) logError("fulfillment.task_error", error, { taskId });
    await release(db, taskId, workerId, error instanceof ConnectorError ? explain(error) : "Something went wrong on our side; trying again.");
    throw error;
  } finally {
    await session?.close().catch(() => {});
  }
  return succeed(db, taskId, workerId, run, system.name, task);
}

/** Words for the officer: what went wrong and what to do about it. */
function explain(error: ConnectorError): string {
  const next = {
    schema: "Fix the data map or the system, then retry.",
    auth: "Check the connection's credentials on the Data map page, then retry.",
    protocol: "Check the system's settings on the Data map page, then retry.",
    unreachable: "Check that it is up and reachable, then retry.",
  }[error.kind];
  const text = error.message.trim().replace(/\.?$/, ".");
  return `${text} ${next}`;
}

/** One task's search: collection after collection, in the plan's order, streamed into chunks. */
class TaskRun {
  found = 0;
  progress: { collectionId: string; name: string; found: number; done: boolean }[];
  private lastBeat = 0;

  constructor(
    private readonly db: Db,
    private readonly taskId: string,
    private readonly workerId: string,
    private readonly runId: string,
    private readonly collections: PlanCollection[],
  ) {
    this.progress = collections.map((c) => ({ collectionId: c.collectionId, name: c.name, found: 0, done: false }));
  }

  async collect(session: ConnectorSession, system: MapSystem, identities: Identity[], workspaces: string[]): Promise<void> {
    await this.beat(true);
    for (const [i, planned] of this.collections.entries()) {
      const collection = system.collections.find((c) => c.id === planned.collectionId);
      if (!collection) throw new ConnectorError("schema", `${system.name}: collection ${planned.name} was removed from the data map after the run was planned`);
      const writer = new ChunkWriter(this.db, { runId: this.runId, taskId: this.taskId, collectionId: collection.id });
      const dedupe = new RowKeys(collection, new Set(planned.lookups.map((l) => l.fieldId)).size > 1);
      for (const [fieldId, lookups] of groupBy(planned.lookups, (l) => l.fieldId)) {
        const field = collection.fields.find((f) => f.id === fieldId);
        if (!field) throw new ConnectorError("schema", `${system.name}: field ${collection.name}.${lookups[0]!.field} was removed from the data map after the run was planned`);
        const values = await this.valuesFor(lookups, identities);
        for (let from = 0; from < values.length; from += VALUES_PER_LOOKUP) {
          const lookup = { collection, field, values: values.slice(from, from + VALUES_PER_LOOKUP), ...(planned.workspaceScoped ? { workspaces } : {}) };
          for await (const batch of session.lookup(lookup)) {
            const fresh = dedupe.filter(batch);
            await writer.add(fresh);
            this.found += fresh.length;
            this.progress[i]!.found += fresh.length;
            await this.beat();
          }
        }
      }
      await writer.flush();
      this.progress[i]!.done = true;
      await this.beat(true);
    }
  }

  /** The distinct values to look up: identities of the field's type, or a field of records found earlier. */
  private async valuesFor(lookups: PlanCollection["lookups"], identities: Identity[]): Promise<string[]> {
    const values = new Set<string>();
    for (const lookup of lookups) {
      const from = lookup.from;
      if (from.type === "identity") {
        for (const identity of identities) if (identity.type === from.identity) values.add(identity.value);
        continue;
      }
      for await (const { rows } of readRecordChunks(this.db, this.runId, from.collectionId)) {
        for (const record of rows) {
          const value = record[from.field];
          if (value === null || value === undefined || typeof value === "object") continue;
          values.add(String(value));
        }
      }
    }
    return [...values];
  }

  /** Renews the lease and saves progress; a lost lease or a cancelled run stops the task here. */
  private async beat(force = false): Promise<void> {
    const now = clockNow();
    if (!force && now.getTime() - this.lastBeat < 1000) return;
    this.lastBeat = now.getTime();
    const progress = JSON.stringify({ collections: this.progress });
    const held = await this.db.$executeRaw`
      UPDATE fulfillment_tasks SET locked_until = ${leaseUntil(now)}::timestamp, records_found = ${this.found}::int,
             progress = ${progress}::jsonb, updated_at = ${now}::timestamp
       WHERE id = ${this.taskId}::uuid AND locked_by = ${this.workerId} AND status = 'RUNNING'`;
    if (held === 0) throw new LostTaskError();
  }
}

/** Drops rows already written for this collection when it is looked up by more than one field. */
class RowKeys {
  private readonly seen = new Set<string>();
  private readonly keyFields: string[];
  constructor(
    collection: MapCollection,
    private readonly active: boolean,
  ) {
    this.keyFields = collection.fields.filter((f) => f.primaryKey).map((f) => f.name);
  }
  filter(rows: FoundRow[]): FoundRow[] {
    if (!this.active) return rows;
    return rows.filter((row) => {
      const key = JSON.stringify(this.keyFields.length ? this.keyFields.map((f) => row[f]) : row);
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

type RunRef = { id: string; requestId: string };

/**
 * Ends a task this worker holds (DONE or FAILED) with its event, and moves the run on, in one
 * transaction. False when the worker no longer holds it (cancelled, or taken over).
 */
async function endTask(
  db: Db,
  ending: { taskId: string; workerId: string; run: RunRef; action: "run.task_done" | "run.task_failed"; data: Prisma.FulfillmentTaskUpdateManyMutationInput; event: Record<string, string | number> },
): Promise<boolean> {
  const now = clockNow();
  const { taskId, run } = ending;
  await queueReady();
  return db.$transaction(async (tx) => {
    await lockRun(tx, run.id);
    const { count } = await tx.fulfillmentTask.updateMany({
      where: { id: taskId, lockedBy: ending.workerId, status: "RUNNING" },
      data: { ...ending.data, finishedAt: now, lockedUntil: null, lockedBy: null },
    });
    if (count === 0) return false;
    await recordEvent(tx, {
      requestId: run.requestId,
      actorType: "SYSTEM",
      action: ending.action,
      visibility: "INTERNAL",
      data: { runId: run.id, taskId, ...ending.event },
      at: now,
    });
    await advanceRun(tx, run, now, taskId);
    return true;
  });
}

async function succeed(db: Db, taskId: string, workerId: string, run: RunRef, systemName: string, task: TaskRun): Promise<TaskOutcome | "noop"> {
  const done = await endTask(db, {
    taskId,
    workerId,
    run,
    action: "run.task_done",
    data: { status: "DONE", recordsFound: task.found, progress: { collections: task.progress }, lastError: null },
    event: { system: systemName, recordsFound: task.found },
  });
  if (!done) return lost(db, taskId);
  logEvent("fulfillment.task_done", { taskId, recordsFound: task.found });
  return "done";
}

async function fail(db: Db, taskId: string, workerId: string, run: RunRef, systemName: string, reason: string): Promise<TaskOutcome | "noop"> {
  const lastError = reason.startsWith(systemName) ? reason : `${systemName}: ${reason}`;
  const failed = await endTask(db, { taskId, workerId, run, action: "run.task_failed", data: { status: "FAILED", lastError }, event: { system: systemName } });
  if (!failed) return lost(db, taskId);
  // Nothing of a failed task is kept: the run cannot assemble until it is retried anyway.
  await deleteTaskRecords(db, taskId);
  logEvent("fulfillment.task_failed", { taskId });
  return "failed";
}

/** A retryable failure: back to QUEUED so the queue's next attempt (or the sweep) can claim it. */
async function release(db: Db, taskId: string, workerId: string, reason: string): Promise<void> {
  await db.fulfillmentTask.updateMany({
    where: { id: taskId, lockedBy: workerId, status: "RUNNING" },
    data: { status: "QUEUED", lockedUntil: null, lockedBy: null, lastError: reason },
  });
}

/** The task was cancelled (or taken over) under us; a cancelled task's late rows are removed. */
async function lost(db: Db, taskId: string): Promise<"noop"> {
  const task = await db.fulfillmentTask.findUnique({ where: { id: taskId }, select: { status: true } });
  if (task?.status === "CANCELLED") await deleteTaskRecords(db, taskId);
  return "noop";
}

/** The pg-boss handler of `fulfillment-task`. */
export async function handleTaskJob(db: Db, data: { taskId?: unknown }): Promise<void> {
  if (typeof data.taskId !== "string") return;
  const outcome = await executeTask(db, data.taskId);
  if (outcome === "waiting") wakeOutboxWorker();
  // The jobs its end made due (the tasks that waited for it, or the package's assembly) were sent
  // in the transaction that ended it: fetch them now rather than at the next poll.
  if (outcome === "done" || outcome === "failed") wakeRunWorkers();
}
