import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queue, sendJob, wakeWorker, type QueueConnection } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue";

// Jobs of a run are sent inside the transaction that makes them due (pg-boss writes its job row
// through our transaction), so a job exists exactly when its task's state committed. The due
// pass's sweep (lib/fulfillment/sweep.ts) still re-sends anything a crash could have lost.

/**
 * Starts this process's queue before a transaction that will send a job: starting it queries on
 * pg-boss's own connections, which on the single-session embedded database would wait for the
 * open transaction forever.
 */
export async function queueReady(): Promise<void> {
  await queue();
}

/** pg-boss's `db` option over a Prisma transaction. */
export function queueConnection(tx: Prisma.TransactionClient): QueueConnection {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(param));
      return { rows };
    },
  };
}

/** As node-postgres would send it: JSON for plain objects (pg-boss's job data), null for undefined. */
function param(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !ArrayBuffer.isView(value)) return JSON.stringify(value);
  return value;
}

export async function sendTaskJob(tx: Prisma.TransactionClient, taskId: string): Promise<void> {
  await sendJob(QUEUES.fulfillmentTask.name, { taskId }, { db: queueConnection(tx) });
}

export async function sendAssembleJob(tx: Prisma.TransactionClient, runId: string, revision: number): Promise<void> {
  await sendJob(QUEUES.fulfillmentAssemble.name, { runId, revision }, { db: queueConnection(tx) });
}

/** After commit: this process's workers fetch at once instead of at their next poll. */
export function wakeRunWorkers(): void {
  wakeWorker(QUEUES.fulfillmentTask.name);
  wakeWorker(QUEUES.fulfillmentAssemble.name);
}
