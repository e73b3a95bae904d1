import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { now as clockNow } from "@/lib/clock";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type ErasureSession } from "@/lib/connectors/types";
import type { Db } from "@/lib/db";
import { loadDataMap, loadSealedSecret } from "@/lib/datamap/load";
import { askOwnersToCorrect } from "@/lib/corrections/by-hand";
import { correctableFields } from "@/lib/corrections/proposal";
import { openProposal, plannedErasures } from "@/lib/corrections/erasures";
import { erasesSomething, referencedFieldIds } from "@/lib/erasure/collection";
import { type ProofLine, proveChunk } from "@/lib/erasure/proof";
import { pseudonym } from "@/lib/erasure/pseudonym";
import { getEnv } from "@/lib/env";
import { lockRun } from "@/lib/fulfillment/advance";
import { askOwnersToErase } from "@/lib/erasure/by-hand";
import { assertNotHeld } from "@/lib/erasure/holds";
import { refuseRun } from "@/lib/fulfillment/errors";
import { queueConnection, queueReady } from "@/lib/fulfillment/jobs";
import { changesData, type RunPlan } from "@/lib/fulfillment/plan";
import { readRecordChunks } from "@/lib/fulfillment/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendJob, wakeWorker } from "@/lib/jobs/boss";
import { QUEUE_SCHEMA, QUEUES } from "@/lib/jobs/queue";
import { logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { tellCustomerWorkspaceErased } from "@/lib/referrals/workspace-erasure-outcome";
import { recordEvent } from "@/lib/requests/events";
import { isUuid, lockRequest } from "@/lib/requests/handling/load";

// An erasure run after its search: the officer approves the dry run (lib/erasure/dry-run.ts), then
// the job worker erases what was found, system by system in the plan's order reversed and, inside
// a system, collection by collection reversed (the rows pointing at others go first), one stored
// chunk of found rows per committed batch (lib/connectors/erase-sql.ts). After each batch the task
// records the chunk as done, so a worker killed mid-run resumes after it; a batch applied twice
// (killed between the product database's commit and ours) changes nothing the second time.
// Once every system is erased the found records are deleted and the run is ERASED. The worker holds
// the run with a lease renewed after each batch: a second delivery of the job waits its turn, and
// when a worker dies the due pass (sweepErasures) sends the run to another once the lease ran out.

export async function approveErasure(db: Db, runId: string, staffId: string): Promise<void> {
  if (!isUuid(runId)) throw refuseRun("RUN_NOT_FOUND");
  const now = clockNow();
  await queueReady();
  await db.$transaction(async (tx) => {
    const found = await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { requestId: true, referralId: true } });
    // A workspace erasure is the referred customer's to approve (lib/referrals/workspace-erasure.ts).
    if (!found || found.referralId) throw refuseRun("RUN_NOT_FOUND");
    await lockRequest(tx, found.requestId);
    await lockRun(tx, runId);
    await beginErasing(tx, { runId, requestId: found.requestId, approver: { staffId } }, now);
  });
  wakeOutboxWorker();
  wakeWorker(QUEUES.erasureRun.name);
}

/** Who approved a run's dry run: a staff member, or the referred customer (a workspace erasure). */
export type Approver = { staffId: string } | { customerId: string };

/**
 * The approval, in the caller's transaction with the request and the run locked: the run must
 * await approval (or have failed after one: it then resumes where it stopped, without a second
 * approval), no legal hold may stand, and with the admin's second-approver setting the staff
 * member who started the run may not approve it. The run becomes ERASING, the event is written,
 * owners of the systems it cannot change are asked to do it by hand, and the job is queued.
 * Callers wake the outbox and the erasure worker after the commit.
 */
export async function beginErasing(tx: Prisma.TransactionClient, input: { runId: string; requestId: string; approver: Approver }, now: Date): Promise<{ resumed: boolean }> {
  const { runId, requestId, approver } = input;
  const run = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, kind: true, startedById: true, approvedAt: true, plan: true, corrections: true } });
  if (!changesData(run.kind)) throw refuseRun("ERASURE_NOT_AWAITING");
  const resume = run.status === "FAILED" && run.approvedAt !== null;
  if (!resume && run.status !== "AWAITING_APPROVAL") throw refuseRun("ERASURE_NOT_AWAITING");
  // A legal hold keeps the data from erasure; a correction of it is not refused.
  if (run.kind !== "CORRECTION") await assertNotHeld(tx, requestId);
  const staffId = "staffId" in approver ? approver.staffId : null;
  // A correction writes the officer's proposal: there must be one, and its author is not a second person.
  const proposal = run.kind === "CORRECTION" ? openProposal(run.corrections) : null;
  // Without correctable fields there is nothing to propose: the approval only asks the owners.
  if (run.kind === "CORRECTION" && !proposal?.changes.length && (await correctableFields(tx as unknown as Db, runId)).length) {
    throw refuseRun("CORRECTION_NOTHING_PROPOSED");
  }
  if (!resume && staffId) {
    const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { erasureSecondApprover: true } });
    if (settings?.erasureSecondApprover && run.startedById === staffId) {
      throw refuseRun(run.kind === "CORRECTION" ? "CORRECTION_NEEDS_SECOND_APPROVER" : "ERASURE_NEEDS_SECOND_APPROVER");
    }
    if (settings?.erasureSecondApprover && proposal?.proposedById === staffId) throw refuseRun("CORRECTION_NEEDS_SECOND_APPROVER");
  }
  const approval = staffId ? { approvedById: staffId } : { approvedByCustomerId: (approver as { customerId: string }).customerId };
  // Reserved for the job queued below until a worker holds it: the due pass's sweep does not take
  // a run whose job is being fetched (lease not taken yet) for a lost one and send it twice.
  const reserved = { erasureLockedBy: null, erasureLockedUntil: new Date(now.getTime() + leaseMs()) };
  await tx.fulfillmentRun.update({ where: { id: runId }, data: resume ? { status: "ERASING", ...reserved } : { status: "ERASING", approvedAt: now, ...approval, ...reserved } });
  await recordEvent(tx, {
    requestId,
    ...(staffId ? { actorType: "STAFF" as const, actorId: staffId } : { actorType: "CUSTOMER" as const, actorId: null }),
    action: resume ? "run.erasure_resumed" : "run.erasure_approved",
    visibility: "INTERNAL",
    data: { runId, kind: run.kind },
    at: now,
  });
  // The systems the run cannot change: their owners do it by hand.
  if (!resume && run.kind === "ERASURE" && staffId) await askOwnersToErase(tx, { requestId, plan: run.plan as unknown as RunPlan, staffId }, now);
  if (!resume && run.kind === "CORRECTION" && staffId) {
    await askOwnersToCorrect(tx, { requestId, runId, plan: run.plan as unknown as RunPlan, changes: proposal?.changes ?? [], staffId }, now);
  }
  await sendJob(QUEUES.erasureRun.name, { runId }, { db: queueConnection(tx) });
  return { resumed: resume };
}

/** Per collection id: the last chunk erased (where to resume) and the rows the database counted. */
export type ErasureProgress = Record<string, { seq: number; rows: number }>;

const leaseMs = () => getEnv().FULFILLMENT_TASK_LEASE_SECONDS * 1000;

/**
 * Takes (or renews) the run's lease for `workerId`: false when the run is not ERASING, or another
 * worker holds a lease that has not run out. One worker erases a run at a time, whatever pg-boss
 * hands out twice.
 */
async function holdErasure(db: Db, runId: string, workerId: string): Promise<boolean> {
  const now = clockNow();
  const until = new Date(now.getTime() + leaseMs());
  const count = await db.$executeRaw`
    UPDATE fulfillment_runs SET erasure_locked_by = ${workerId}, erasure_locked_until = ${until}::timestamp
     WHERE id = ${runId}::uuid AND status = 'ERASING'
       AND (erasure_locked_by = ${workerId} OR erasure_locked_by IS NULL OR erasure_locked_until IS NULL OR erasure_locked_until < ${now}::timestamp)`;
  return count === 1;
}

/** Gives the lease back (after a failure, so pg-boss's retry need not wait for it to run out). */
async function releaseErasure(db: Db, runId: string, workerId: string): Promise<void> {
  await db.fulfillmentRun.updateMany({ where: { id: runId, erasureLockedBy: workerId }, data: { erasureLockedBy: null, erasureLockedUntil: null } });
}

/**
 * Erases what the run found, resuming where an earlier attempt stopped. "erased" when the run is
 * ERASED, "skipped" when it is not ERASING (cancelled, or done already) or another worker holds it.
 */
export async function executeErasure(db: Db, runId: string, workerId: string = randomUUID()): Promise<"erased" | "skipped"> {
  const run = await db.fulfillmentRun.findUnique({ where: { id: runId }, select: { status: true, requestId: true, plan: true, kind: true, corrections: true } });
  if (!run || run.status !== "ERASING") return "skipped";
  if (!(await holdErasure(db, runId, workerId))) return "skipped";
  // A hold placed after the approval stops the erasure before its next system.
  if (run.kind !== "CORRECTION" && (await assertNotHeld(db, run.requestId).then(() => false, () => true))) {
    await stopErasure(db, runId, "The request or the person was placed under legal hold after the approval.");
    return "skipped";
  }
  const plan = run.plan as unknown as RunPlan;
  const map = await loadDataMap(db);
  const erasuresOf = plannedErasures(run, referencedFieldIds(map));
  const secret = getEnv().APP_SECRET;
  const pseudonymOf = (value: string, email: boolean) => pseudonym(secret, value, email);
  const tasks = await db.fulfillmentTask.findMany({
    where: { runId, status: "DONE" },
    orderBy: { position: "desc" },
    select: { id: true, systemId: true, erasedAt: true, erasedChunks: true },
  });

  for (const task of tasks) {
    if (task.erasedAt) continue;
    const planned = plan.systems.find((s) => s.systemId === task.systemId);
    const system = map.find((s) => s.id === task.systemId);
    const connector = system ? connectorFor(system.kind) : null;
    if (!planned || !system || !connector?.openErasure) continue;
    const progress: ErasureProgress = { ...((task.erasedChunks as ErasureProgress | null) ?? {}) };
    // Only the collections the erasure changes; the rows pointing at others (planned later) first.
    const erasures = erasuresOf(planned, system).filter((e) => erasesSomething(e.erasure));
    let session: ErasureSession | null = null;
    try {
      for (const { collection, erasure } of [...erasures].reverse()) {
        for await (const chunk of readRecordChunks(db, runId, collection.id)) {
          if (chunk.seq <= (progress[collection.id]?.seq ?? -1)) continue;
          // Cancelled meanwhile, or the lease lost to another worker: stop before the next batch.
          if (!(await holdErasure(db, runId, workerId))) return "skipped";
          session ??= await connector.openErasure(system, openSecret(await loadSealedSecret(db, system.id)));
          const affected = await session.erase(collection, erasure, chunk.rows, pseudonymOf);
          progress[collection.id] = { seq: chunk.seq, rows: (progress[collection.id]?.rows ?? 0) + affected };
          // Where to resume, with the database's count; a batch repeated after a crash here changes nothing.
          await db.fulfillmentTask.update({
            where: { id: task.id },
            data: { erasedChunks: progress as Prisma.InputJsonValue, rowsErased: { increment: affected } },
          });
        }
      }
    } finally {
      await session?.close();
    }
    // The proof: every erased row looked up again in a fresh read-only session.
    const proof: ProofLine[] = [];
    const reader = await connector.open(system, openSecret(await loadSealedSecret(db, system.id)));
    try {
      for (const { collection, erasure } of erasures) {
        const line: ProofLine = { collection: collection.name, checked: 0, left: 0 };
        for await (const chunk of readRecordChunks(db, runId, collection.id)) {
          if (!(await holdErasure(db, runId, workerId))) return "skipped";
          const result = await proveChunk(reader, collection, erasure, chunk.rows);
          line.checked += result.checked;
          line.left += result.left;
        }
        proof.push(line);
      }
    } finally {
      await reader.close();
    }
    await db.fulfillmentTask.update({ where: { id: task.id }, data: { erasedAt: clockNow(), erasureProof: proof as Prisma.InputJsonValue } });
  }

  const now = clockNow();
  const done = await db.$transaction(async (tx) => {
    await lockRun(tx, runId);
    const current = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    if (current.status !== "ERASING") return false;
    const erased = await tx.fulfillmentTask.findMany({ where: { runId, status: "DONE" }, select: { rowsErased: true, erasureProof: true, system: { select: { name: true } } } });
    const proof = erased.flatMap((t) => ((t.erasureProof as ProofLine[] | null) ?? []).map((p) => ({ system: t.system.name, ...p })));
    const { count: chunksDeleted } = await tx.recordChunk.deleteMany({ where: { runId } });
    await tx.fulfillmentRun.update({
      where: { id: runId },
      data: { status: "ERASED", erasedAt: now, recordsPurgedAt: now, erasureLockedBy: null, erasureLockedUntil: null },
    });
    await recordEvent(tx, {
      requestId: run.requestId,
      actorType: "SYSTEM",
      action: "run.erased",
      visibility: "INTERNAL",
      data: {
        runId,
        kind: run.kind,
        rows: erased.reduce((n, t) => n + t.rowsErased, 0),
        systems: erased.map((t) => ({ system: t.system.name, rows: t.rowsErased })),
        chunksDeleted,
        // Looked up again afterwards: rows checked, and those still holding what was erased.
        proof,
        left: proof.reduce((n, p) => n + p.left, 0),
      },
      at: now,
    });
    // A customer's workspace erasure: its privacy contacts are told the outcome with the proof.
    if (run.kind === "WORKSPACE_ERASURE") await tellCustomerWorkspaceErased(tx, runId, now);
    return true;
  });
  if (done) logEvent("run.erased", { runId });
  return done ? "erased" : "skipped";
}

/**
 * The pg-boss handler of `erasure-run`. A connector error keeps the run ERASING for pg-boss's next
 * attempt; after the last one the run fails in words (the error names the system, never a value).
 */
export async function handleErasureJob(db: Db, job: Pick<PgBoss.JobWithMetadata<{ runId?: unknown }>, "data"> & { retryCount?: number; retryLimit?: number }): Promise<void> {
  if (typeof job.data.runId !== "string") return;
  const runId = job.data.runId;
  const workerId = randomUUID();
  try {
    await executeErasure(db, runId, workerId);
  } catch (error) {
    await releaseErasure(db, runId, workerId);
    if (job.retryLimit !== undefined && (job.retryCount ?? 0) >= job.retryLimit) {
      await stopErasure(db, runId, error instanceof ConnectorError ? error.message : "Something went wrong on our side.");
    }
    throw error;
  }
}

/** The erasure ends FAILED with the reason in words (no value of the person's in it); the officer resumes it later. */
async function stopErasure(db: Db, runId: string, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockRun(tx, runId);
    const current = await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { status: true, requestId: true } });
    if (current?.status !== "ERASING") return;
    await tx.fulfillmentRun.update({ where: { id: runId }, data: { status: "FAILED", erasureLockedBy: null, erasureLockedUntil: null } });
    await recordEvent(tx, { requestId: current.requestId, actorType: "SYSTEM", action: "run.erasure_failed", visibility: "INTERNAL", data: { runId, reason } });
  });
}

/**
 * The due pass's safety net for erasures: a run still ERASING whose worker died (its lease ran out)
 * or whose job got lost gets a job again, unless one waits to be fetched. Returns how many.
 */
export async function sweepErasures(db: Db, now: Date): Promise<number> {
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM fulfillment_runs
     WHERE status = 'ERASING' AND (erasure_locked_until IS NULL OR erasure_locked_until < ${now}::timestamp)
     ORDER BY approved_at LIMIT 50`;
  if (stale.length === 0) return 0;
  const waiting = await db.$queryRawUnsafe<{ run_id: string }[]>(
    `SELECT data->>'runId' AS run_id FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'runId' = ANY($2::text[])`,
    QUEUES.erasureRun.name,
    stale.map((r) => r.id),
  );
  const hasJob = new Set(waiting.map((w) => w.run_id));
  let sent = 0;
  for (const { id } of stale) {
    if (hasJob.has(id)) continue;
    await sendJob(QUEUES.erasureRun.name, { runId: id });
    sent++;
  }
  if (sent) wakeWorker(QUEUES.erasureRun.name);
  return sent;
}
