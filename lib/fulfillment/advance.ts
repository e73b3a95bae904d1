import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { sendAssembleJob, sendTaskJob } from "@/lib/fulfillment/jobs";
import { changesData } from "@/lib/fulfillment/plan";
import { recordEvent } from "@/lib/requests/events";

// How a run moves on when one of its tasks ends: the tasks that waited for it get their job, and
// once nothing can move any more the run either goes to assembly (every task done or skipped) or
// fails (nothing half-delivered: a run with a failed task never assembles). Runs inside the
// transaction that ended the task, with the run's row locked so two tasks ending at once decide once.

export const ENDED: readonly TaskStatus[] = ["DONE", "FAILED", "SKIPPED", "CANCELLED"];
const SUCCEEDED: readonly TaskStatus[] = ["DONE", "SKIPPED"];

type TaskState = { id: string; status: TaskStatus; dependsOn: string[]; systemName: string };

/** Locks the run's row; every path that changes a run's status takes this lock first. */
export async function lockRun(tx: Prisma.TransactionClient, runId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM fulfillment_runs WHERE id = ${runId}::uuid FOR UPDATE`;
}

async function taskStates(tx: Prisma.TransactionClient, runId: string): Promise<TaskState[]> {
  const tasks = await tx.fulfillmentTask.findMany({
    where: { runId },
    select: { id: true, status: true, dependsOn: true, system: { select: { name: true } } },
    orderBy: { position: "asc" },
  });
  return tasks.map((t) => ({ id: t.id, status: t.status, dependsOn: t.dependsOn, systemName: t.system.name }));
}

/** Queued tasks that wait, directly or not, for a failed one: they cannot run until it is retried. */
export function blockedTasks(tasks: readonly Pick<TaskState, "id" | "status" | "dependsOn">[]): Set<string> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const blocked = new Set<string>();
  const isBlocked = (id: string, seen: Set<string>): boolean => {
    const t = byId.get(id);
    if (!t || seen.has(id)) return false;
    if (t.status === "FAILED" || t.status === "CANCELLED") return true;
    if (t.status !== "QUEUED") return false;
    seen.add(id);
    return t.dependsOn.some((d) => isBlocked(d, seen));
  };
  for (const t of tasks) if (t.status === "QUEUED" && t.dependsOn.some((d) => isBlocked(d, new Set([t.id])))) blocked.add(t.id);
  return blocked;
}

/** Whether a queued task may start: every task it takes values from is done or skipped. */
export function isReady(task: Pick<TaskState, "status" | "dependsOn">, statusOf: (id: string) => TaskStatus | undefined): boolean {
  return task.status === "QUEUED" && task.dependsOn.every((d) => SUCCEEDED.includes(statusOf(d) ?? "QUEUED"));
}

/**
 * Sends a job for every queued task that became ready when `endedTaskId` ended (or, without it,
 * every ready task: the start of a run), then ends the run if nothing is left to do.
 */
export async function advanceRun(
  tx: Prisma.TransactionClient,
  run: { id: string; requestId: string },
  now: Date,
  endedTaskId?: string,
): Promise<void> {
  const tasks = await taskStates(tx, run.id);
  const statusOf = (id: string) => tasks.find((t) => t.id === id)?.status;
  for (const task of tasks) {
    if (endedTaskId && !task.dependsOn.includes(endedTaskId)) continue;
    if (isReady(task, statusOf)) await sendTaskJob(tx, task.id);
  }
  const blocked = blockedTasks(tasks);
  if (!tasks.every((t) => ENDED.includes(t.status) || blocked.has(t.id))) return;

  const current = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, revision: true, kind: true } });
  if (current.status !== "RUNNING") return;
  const failed = tasks.filter((t) => t.status === "FAILED");
  const counts = { tasks: tasks.length, done: tasks.filter((t) => t.status === "DONE").length, skipped: tasks.filter((t) => t.status === "SKIPPED").length };
  // The run's status once its tasks ended, and its event saying how (counts and system names only).
  const finish = async (status: "FAILED" | "AWAITING_APPROVAL" | "ASSEMBLING", extra: Record<string, unknown> = {}, revision?: number) => {
    await tx.fulfillmentRun.update({ where: { id: run.id }, data: { status, finishedAt: now, ...(revision === undefined ? {} : { revision }) } });
    await recordEvent(tx, { requestId: run.requestId, actorType: "SYSTEM", action: "run.finished", visibility: "INTERNAL", data: { runId: run.id, outcome: status, ...counts, ...extra }, at: now });
  };
  if (failed.length || blocked.size) return finish("FAILED", { failed: failed.map((t) => t.systemName), waiting: blocked.size });
  // An erasure or a correction changes nothing yet: the dry run is read and approved first (lib/erasure/run.ts).
  if (changesData(current.kind)) return finish("AWAITING_APPROVAL");
  const revision = current.revision + 1;
  await finish("ASSEMBLING", {}, revision);
  await sendAssembleJob(tx, run.id, revision);
}
