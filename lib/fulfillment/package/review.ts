import "server-only";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { now as clockNow } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockRun } from "@/lib/fulfillment/advance";
import { sendAssembleJob, wakeRunWorkers } from "@/lib/fulfillment/jobs";
import { purgeRunRecords } from "@/lib/fulfillment/package/assemble";
import { refuseReview } from "@/lib/fulfillment/package/errors";
import { ExclusionInputSchema, InclusionInputSchema } from "@/lib/fulfillment/package/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { completeInTransaction } from "@/lib/requests/handling/complete";
import { byStaff, isUuid, lockRequest } from "@/lib/requests/handling/load";
import { parseInput } from "@/lib/requests/handling/schema";
import { getSubmissionContext } from "@/lib/requests/submission-context";

// The officer's review of a run's package before the requester gets it: leaving out records that
// are other people's data (GDPR Art. 15(4)) with a reason kept in the exclusion row, taking them
// back, and releasing. Each exclusion makes the draft stale (the run's revision counts up, the
// package is rebuilt by the job worker); release needs the draft of the current revision. The
// timeline records what happened with ids, the collection and the reason's length, never the
// record or the reason itself (it may quote the other person).

const REVIEWABLE = ["READY", "ASSEMBLING"] as const;

function authorize(staff: StaffUser): void {
  if (!allows(staff, "requests.act")) throw new AuthorizationError("FORBIDDEN");
}

async function lockForReview(tx: Prisma.TransactionClient, runId: string) {
  if (!isUuid(runId)) throw refuseReview("REVIEW_NOT_FOUND");
  const found = await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { requestId: true } });
  if (!found) throw refuseReview("REVIEW_NOT_FOUND");
  await lockRequest(tx, found.requestId);
  await lockRun(tx, runId);
  return tx.fulfillmentRun.findUniqueOrThrow({
    where: { id: runId },
    select: { id: true, requestId: true, kind: true, status: true, revision: true, builtRevision: true, packageId: true, recordsPurgedAt: true },
  });
}

/** The draft is stale: counted up, detached, and a job sent to rebuild it. */
async function rebuild(tx: Prisma.TransactionClient, run: { id: string; revision: number }): Promise<void> {
  const revision = run.revision + 1;
  await tx.fulfillmentRun.update({ where: { id: run.id }, data: { revision, packageId: null, status: "ASSEMBLING" } });
  await sendAssembleJob(tx, run.id, revision);
}

async function collectionName(tx: Prisma.TransactionClient, collectionId: string): Promise<string> {
  const row = await tx.dataCollection.findUnique({ where: { id: collectionId }, select: { name: true } });
  return row?.name ?? "(removed from the map)";
}

/**
 * Leaves one found record out of the package. Throws INVALID_INPUT (no reason), REVIEW_NOT_FOUND, REVIEW_CLOSED (released,
 * cancelled or still running), RECORD_NOT_FOUND, RECORD_ALREADY_EXCLUDED.
 */
export async function excludeRecord(
  db: Db,
  runId: string,
  collectionId: string,
  recordKey: string,
  reason: string,
  staff: StaffUser,
  now = clockNow(),
): Promise<void> {
  authorize(staff);
  const input = parseInput(ExclusionInputSchema, { runId, collectionId, recordKey, reason });
  await db.$transaction(async (tx) => {
    const run = await lockForReview(tx, input.runId);
    if (!(REVIEWABLE as readonly string[]).includes(run.status) || run.recordsPurgedAt) throw refuseReview("REVIEW_CLOSED");
    const [seq, index] = input.recordKey.split(".").map(Number) as [number, number];
    const chunk = await tx.recordChunk.findFirst({ where: { runId: run.id, collectionId: input.collectionId, seq }, select: { rowCount: true } });
    if (!chunk || index >= chunk.rowCount) throw refuseReview("RECORD_NOT_FOUND");
    const existing = await tx.recordExclusion.findUnique({
      where: { runId_collectionId_recordKey: { runId: run.id, collectionId: input.collectionId, recordKey: input.recordKey } },
      select: { id: true },
    });
    if (existing) throw refuseReview("RECORD_ALREADY_EXCLUDED");
    await tx.recordExclusion.create({
      data: { runId: run.id, collectionId: input.collectionId, recordKey: input.recordKey, reason: input.reason, staffId: staff.id, createdAt: now },
    });
    await rebuild(tx, run);
    await recordEvent(tx, {
      requestId: run.requestId,
      ...byStaff(staff),
      action: "run.record_excluded",
      visibility: "INTERNAL",
      data: { runId: run.id, collectionId: input.collectionId, collection: await collectionName(tx, input.collectionId), reasonLength: input.reason.length },
      at: now,
    });
  });
  wakeRunWorkers();
}

/** Puts an excluded record back. Throws REVIEW_NOT_FOUND, REVIEW_CLOSED, RECORD_NOT_EXCLUDED. */
export async function includeRecord(db: Db, runId: string, collectionId: string, recordKey: string, staff: StaffUser, now = clockNow()): Promise<void> {
  authorize(staff);
  parseInput(InclusionInputSchema, { runId, collectionId, recordKey });
  await db.$transaction(async (tx) => {
    const run = await lockForReview(tx, runId);
    if (!(REVIEWABLE as readonly string[]).includes(run.status) || run.recordsPurgedAt) throw refuseReview("REVIEW_CLOSED");
    const { count } = await tx.recordExclusion.deleteMany({ where: { runId, collectionId, recordKey } });
    if (count === 0) throw refuseReview("RECORD_NOT_EXCLUDED");
    await rebuild(tx, run);
    await recordEvent(tx, {
      requestId: run.requestId,
      ...byStaff(staff),
      action: "run.record_included",
      visibility: "INTERNAL",
      data: { runId, collectionId, collection: await collectionName(tx, collectionId) },
      at: now,
    });
  });
  wakeRunWorkers();
}

/**
 * Hands the reviewed package to the requester: the package is released, the request completes
 * as with an uploaded package (COMPLETED, its download window from now, the completion email
 * with the status link), the run ends as RELEASED and its found records and uploaded files are
 * deleted, all in one transaction. Throws REVIEW_NOT_FOUND, REVIEW_CLOSED, PACKAGE_NOT_READY (a
 * rebuild after an exclusion is under way), and the completion's own refusals (INVALID_TRANSITION).
 */
export async function releaseRun(db: Db, runId: string, staff: StaffUser, now = clockNow()): Promise<{ downloadUntil: Date | null }> {
  authorize(staff);
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(
    async (tx) => {
      const run = await lockForReview(tx, runId);
      if (run.kind === "WORKSPACE_EXPORT" || !(REVIEWABLE as readonly string[]).includes(run.status)) throw refuseReview("REVIEW_CLOSED");
      if (run.status !== "READY" || run.builtRevision !== run.revision || !run.packageId) throw refuseReview("PACKAGE_NOT_READY");
      await tx.dataPackage.update({ where: { id: run.packageId }, data: { releasedAt: now } });
      const completed = await completeInTransaction(tx, run.requestId, null, org, staff, now);
      await tx.fulfillmentRun.update({ where: { id: run.id }, data: { status: "RELEASED", releasedAt: now, releasedById: staff.id } });
      const chunksDeleted = await purgeRunRecords(tx, run.id, now);
      await recordEvent(tx, {
        requestId: run.requestId,
        ...byStaff(staff),
        action: "run.released",
        visibility: "INTERNAL",
        data: { runId: run.id, packageId: run.packageId, revision: run.revision, chunksDeleted },
        at: now,
      });
      return completed;
    },
    { timeout: 30_000 },
  );
  wakeOutboxWorker();
  return result;
}
