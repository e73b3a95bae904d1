import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import type { Identity } from "@/lib/datamap/types";
import { advanceRun, ENDED, lockRun } from "@/lib/fulfillment/advance";
import { assertNotHeld } from "@/lib/erasure/holds";
import { refuseRun } from "@/lib/fulfillment/errors";
import { queueReady, sendTaskJob, wakeRunWorkers } from "@/lib/fulfillment/jobs";
import { buildPlan, changesData, type RunKind, type RunPlan } from "@/lib/fulfillment/plan";
import { sealIdentities } from "@/lib/fulfillment/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType, RunStatus } from "@/lib/generated/prisma/enums";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { isUuid, lockRequest } from "@/lib/requests/handling/load";

// A run's life as the officer (or the auto-start) drives it: planned from the data map and shown,
// started (one task per system, jobs for those that need nothing from another), a failed task
// retried, or the whole run cancelled. Every change writes an INTERNAL event on the request in the
// same transaction, with ids, counts and system names only. Tasks themselves run in the job
// worker (lib/fulfillment/execute.ts), never in a page request.

/** A run that is still working or waits for its package's review: a request has one at a time. */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ["RUNNING", "ASSEMBLING", "READY", "AWAITING_APPROVAL", "ERASING"];
const OPEN_REQUEST_STATUSES = ["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER", "REFERRED"] as const;

const KIND_BY_TYPE: Partial<Record<RequestType, RunKind>> = { ACCESS: "ACCESS", PORTABILITY: "EXPORT", DELETION: "ERASURE", CORRECTION: "CORRECTION" };

export function runKindFor(type: RequestType): RunKind | null {
  return KIND_BY_TYPE[type] ?? null;
}

/** Trimmed, emails lower-cased, duplicates dropped; the verified email always first. */
export function normaliseIdentities(verifiedEmail: string, extra: readonly Identity[]): Identity[] {
  const out: Identity[] = [];
  const seen = new Set<string>();
  for (const identity of [{ type: "email" as const, value: verifiedEmail }, ...extra]) {
    const trimmed = identity.value.trim();
    const value = identity.type === "email" ? trimmed.toLowerCase() : trimmed;
    const key = `${identity.type}:${value}`;
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push({ type: identity.type, value });
  }
  return out;
}

function actor(staffId: string | null) {
  return staffId ? { actorType: "STAFF" as const, actorId: staffId } : { actorType: "SYSTEM" as const, actorId: null };
}

export type PlanRunInput = {
  requestId: string;
  /** Derived from the request (ACCESS, PORTABILITY -> EXPORT) when omitted; with a referral, WORKSPACE_EXPORT unless WORKSPACE_ERASURE. */
  kind?: RunKind;
  identities?: readonly Identity[];
  staffId: string | null;
  referralId?: string;
  workspaces?: readonly string[];
};

/** Plans a run (status PLANNED) for the officer to look at; a plan not started yet is replaced. */
export async function planRun(db: Db, input: PlanRunInput): Promise<{ id: string; runId: string; plan: RunPlan }> {
  if (!isUuid(input.requestId)) throw refuseRun("RUN_NOT_FOUND");
  const map = await loadDataMap(db);
  const now = clockNow();
  const result = await db.$transaction(async (tx) => {
    await lockRequest(tx, input.requestId).catch(() => {
      throw refuseRun("RUN_NOT_FOUND");
    });
    const request = await tx.request.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { type: true, status: true, verifiedAt: true, requesterEmail: true, identityCheck: true },
    });
    const kind = input.referralId ? (input.kind === "WORKSPACE_ERASURE" ? "WORKSPACE_ERASURE" : "WORKSPACE_EXPORT") : runKindFor(request.type);
    const open = (OPEN_REQUEST_STATUSES as readonly string[]).includes(request.status);
    if (!kind || (input.kind && input.kind !== kind) || !open || !request.verifiedAt || !request.requesterEmail) {
      throw refuseRun("RUN_NOT_ALLOWED");
    }
    // The higher standard of verification: nobody's data is searched for until it passed (a
    // customer's workspace run serves the customer, who verified their end user themselves).
    if (!input.referralId && request.identityCheck !== "NOT_NEEDED" && request.identityCheck !== "PASSED") throw refuseRun("IDENTITY_NOT_CONFIRMED");
    if (map.length === 0) throw refuseRun("RUN_NOTHING_TO_SEARCH");
    if (changesData(kind) && kind !== "CORRECTION") await assertNotHeld(tx, input.requestId);
    const scope = { requestId: input.requestId, referralId: input.referralId ?? null };
    await refuseIfActive(tx, scope);
    await replacePlanned(tx, scope, input.staffId, now);

    const identities = normaliseIdentities(request.requesterEmail, input.identities ?? []);
    const identityTypes = [...new Set(identities.map((i) => i.type))];
    const plan = buildPlan({ systems: map, identityTypes, kind });
    const run = await tx.fulfillmentRun.create({
      data: {
        requestId: input.requestId,
        referralId: input.referralId ?? null,
        kind,
        identities: sealIdentities(identities),
        workspaces: [...(input.workspaces ?? [])],
        plan: plan as unknown as Prisma.InputJsonValue,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      requestId: input.requestId,
      ...actor(input.staffId),
      action: "run.planned",
      visibility: "INTERNAL",
      data: {
        runId: run.id,
        kind,
        identityTypes,
        systems: plan.systems.map((s) => s.name),
        skipped: plan.skipped.map((s) => s.name),
      },
      at: now,
    });
    return { id: run.id, runId: run.id, plan };
  });
  return result;
}

/** Whose runs a run competes with: the officer's own runs of the request, or one referral's workspace runs. */
type RunScope = { requestId: string; referralId: string | null };

async function refuseIfActive(tx: Prisma.TransactionClient, scope: RunScope, except?: string): Promise<void> {
  const active = await tx.fulfillmentRun.findFirst({
    where: { ...scope, status: { in: [...ACTIVE_RUN_STATUSES] }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (active) throw refuseRun("RUN_ACTIVE");
}

async function replacePlanned(tx: Prisma.TransactionClient, scope: RunScope, staffId: string | null, now: Date): Promise<void> {
  const { requestId } = scope;
  const planned = await tx.fulfillmentRun.findMany({ where: { ...scope, status: "PLANNED" }, select: { id: true }, take: 10 });
  for (const { id } of planned) {
    await tx.fulfillmentRun.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: now } });
    await recordEvent(tx, {
      requestId,
      ...actor(staffId),
      action: "run.cancelled",
      visibility: "INTERNAL",
      data: { runId: id, replaced: true },
      at: now,
    });
  }
}

/** Locks the run's request, then the run: the order every run action takes, so none deadlock. */
async function lockRunWithRequest(tx: Prisma.TransactionClient, runId: string): Promise<{ requestId: string }> {
  const found = await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { requestId: true } });
  if (!found) throw refuseRun("RUN_NOT_FOUND");
  await lockRequest(tx, found.requestId);
  await lockRun(tx, runId);
  return found;
}

/** Starts a planned run: a task per system (skipped ones recorded as such), jobs for the ready ones. */
export async function startRun(db: Db, runId: string, staffId: string | null): Promise<void> {
  if (!isUuid(runId)) throw refuseRun("RUN_NOT_FOUND");
  const now = clockNow();
  await queueReady();
  await db.$transaction(async (tx) => {
    await lockRunWithRequest(tx, runId);
    const run = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { id: true, requestId: true, referralId: true, status: true, plan: true } });
    if (run.status !== "PLANNED") throw refuseRun("RUN_NOT_PLANNED");
    await refuseIfActive(tx, { requestId: run.requestId, referralId: run.referralId }, runId);
    const plan = run.plan as unknown as RunPlan;

    const taskIds = new Map<string, string>();
    for (const system of plan.systems) {
      const task = await tx.fulfillmentTask.create({
        data: { runId, systemId: system.systemId, position: system.position, status: "QUEUED", createdAt: now },
        select: { id: true },
      });
      taskIds.set(system.systemId, task.id);
    }
    for (const system of plan.systems) {
      if (system.dependsOn.length) {
        await tx.fulfillmentTask.update({
          where: { id: taskIds.get(system.systemId)! },
          data: { dependsOn: system.dependsOn.map((d) => taskIds.get(d)!) },
        });
      }
    }
    // Skipped systems still get a row: the run's page lists them with the plan's reason.
    const existing = await tx.dataSystem.findMany({ where: { id: { in: plan.skipped.map((s) => s.systemId) } }, select: { id: true } });
    const present = new Set(existing.map((s) => s.id));
    let position = plan.systems.length;
    for (const skipped of plan.skipped) {
      if (!present.has(skipped.systemId)) continue;
      await tx.fulfillmentTask.create({
        data: { runId, systemId: skipped.systemId, position: position++, status: "SKIPPED", finishedAt: now, createdAt: now },
      });
    }
    await tx.fulfillmentRun.update({ where: { id: runId }, data: { status: "RUNNING", startedAt: now, startedById: staffId } });
    await recordEvent(tx, {
      requestId: run.requestId,
      ...actor(staffId),
      action: "run.started",
      visibility: "INTERNAL",
      data: { runId, tasks: plan.systems.length, skipped: plan.skipped.length },
      at: now,
    });
    await advanceRun(tx, run, now);
  });
  wakeRunWorkers();
}

/** Puts a failed task back in the queue; its run works again until every task has ended. */
export async function retryTask(db: Db, taskId: string, staffId: string): Promise<void> {
  if (!isUuid(taskId)) throw refuseRun("TASK_NOT_FOUND");
  const now = clockNow();
  await queueReady();
  await db.$transaction(async (tx) => {
    const found = await tx.fulfillmentTask.findUnique({ where: { id: taskId }, select: { runId: true, run: { select: { requestId: true } } } });
    if (!found) throw refuseRun("TASK_NOT_FOUND");
    await lockRequest(tx, found.run.requestId);
    await lockRun(tx, found.runId);
    const task = await tx.fulfillmentTask.findUniqueOrThrow({
      where: { id: taskId },
      select: { status: true, system: { select: { name: true } }, run: { select: { status: true, requestId: true, referralId: true } } },
    });
    if (task.status !== "FAILED") throw refuseRun("TASK_NOT_FAILED");
    if (task.run.status !== "RUNNING" && task.run.status !== "FAILED") throw refuseRun("RUN_ENDED");
    if (task.run.status === "FAILED") await refuseIfActive(tx, { requestId: task.run.requestId, referralId: task.run.referralId }, found.runId);
    await tx.fulfillmentTask.update({
      where: { id: taskId },
      data: { status: "QUEUED", attempts: 0, lockedUntil: null, lockedBy: null, finishedAt: null },
    });
    await tx.fulfillmentRun.update({ where: { id: found.runId }, data: { status: "RUNNING", finishedAt: null } });
    await recordEvent(tx, {
      requestId: task.run.requestId,
      actorType: "STAFF",
      actorId: staffId,
      action: "run.task_retried",
      visibility: "INTERNAL",
      data: { runId: found.runId, taskId, system: task.system.name },
      at: now,
    });
    await sendTaskJob(tx, taskId);
  });
  wakeRunWorkers();
}

/**
 * Cancels a run: unfinished tasks stop (a running one at its next batch), what was found is
 * deleted, and the owners' links of manual tasks stop working.
 */
export async function cancelRun(db: Db, runId: string, staffId: string | null): Promise<void> {
  if (!isUuid(runId)) throw refuseRun("RUN_NOT_FOUND");
  const now = clockNow();
  await db.$transaction(async (tx) => {
    const found = await lockRunWithRequest(tx, runId);
    const run = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    if (run.status === "CANCELLED" || run.status === "RELEASED" || run.status === "ERASED") throw refuseRun("RUN_ENDED");
    const { count: tasksCancelled } = await tx.fulfillmentTask.updateMany({
      where: { runId, status: { notIn: [...ENDED] } },
      data: { status: "CANCELLED", finishedAt: now, lockedUntil: null, lockedBy: null, ownerNextFollowUpAt: null },
    });
    const { count: chunksDeleted } = await tx.recordChunk.deleteMany({ where: { runId } });
    await tx.taskFile.updateMany({ where: { task: { runId } }, data: { ciphertext: null } });
    const { count: linksRevoked } = await tx.taskToken.updateMany({ where: { task: { runId }, revokedAt: null }, data: { revokedAt: now } });
    // A draft package holds the found records too: it goes with them. A released one is the requester's.
    const { count: draftsDeleted } = await tx.dataPackage.deleteMany({ where: { runId, releasedAt: null } });
    await tx.fulfillmentRun.update({ where: { id: runId }, data: { status: "CANCELLED", cancelledAt: now, recordsPurgedAt: now, packageId: null } });
    await recordEvent(tx, {
      requestId: found.requestId,
      ...actor(staffId),
      action: "run.cancelled",
      visibility: "INTERNAL",
      data: { runId, fromStatus: run.status, tasksCancelled, chunksDeleted, linksRevoked, draftsDeleted },
      at: now,
    });
  });
  wakeOutboxWorker();
}
