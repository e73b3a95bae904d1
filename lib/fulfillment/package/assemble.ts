import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db } from "@/lib/db";
import { lockRun } from "@/lib/fulfillment/advance";
import { loadPackageContents, type PackageContents } from "@/lib/fulfillment/package/contents";
import { collectionCsv, dataJson } from "@/lib/fulfillment/package/files";
import { reportHtml } from "@/lib/fulfillment/package/report";
import { openFile } from "@/lib/fulfillment/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { PackagePartSink } from "@/lib/packages/parts";
import { packageLinkExpiry } from "@/lib/packages/seal";
import { isOpenReferral } from "@/lib/referrals/customer";
import { announceWorkspaceExport } from "@/lib/referrals/export";
import { lockReferral } from "@/lib/referrals/officer";
import { recordEvent } from "@/lib/requests/events";

// Assembling a run's package, in the job worker once every task ended (queue fulfillment-assemble,
// job data { runId, revision }). The zip (index.html, data.json, one CSV per collection, the
// manual owners' files) is written entry after entry, each entry a fresh pass over the stored
// record chunks, straight into the package's sealed parts: memory holds a chunk of records and a
// part of the zip, whatever the person's data amounts to.
//
// Idempotent: a job for a revision that is no longer the run's (an exclusion changed it since) or
// for a run no longer ASSEMBLING (built already, released, cancelled) does nothing; a build that
// loses the race with another delivery of the same job throws its own draft away. Each build
// replaces the run's previous draft. A workspace export is delivered to the customer at once.

export type AssembleJob = { data: { runId: string; revision: number }; retryCount?: number; retryLimit?: number };

export async function handleAssembleJob(job: AssembleJob): Promise<void> {
  try {
    await assemblePackage(appDb, job.data.runId, job.data.revision);
  } catch (error) {
    // pg-boss retries with backoff; after its last attempt the run must not wait for ever.
    if (job.retryLimit !== undefined && (job.retryCount ?? 0) >= job.retryLimit) await assemblyFailed(appDb, job.data.runId, job.data.revision);
    throw error;
  }
}

/**
 * The package could not be built after every retry: the run ends FAILED (its draft, if any, is
 * deleted; the records found stay until it is cancelled), and the timeline says so. The officer
 * cancels it and attaches a file by hand, or plans a new run once the cause is fixed.
 */
export async function assemblyFailed(db: Db, runId: string, revision: number, now = clockNow()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockRun(tx, runId);
    const run = await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { status: true, revision: true, requestId: true } });
    if (!run || run.status !== "ASSEMBLING" || run.revision !== revision) return false;
    await tx.dataPackage.deleteMany({ where: { runId, releasedAt: null } });
    await tx.fulfillmentRun.update({ where: { id: runId }, data: { status: "FAILED", packageId: null } });
    await recordEvent(tx, { requestId: run.requestId, actorType: "SYSTEM", action: "run.assembly_failed", visibility: "INTERNAL", data: { runId, revision }, at: now });
    return true;
  });
}

/** Builds the run's draft for `revision`; "built", or "skipped" when there is nothing to do. */
export async function assemblePackage(db: Db, runId: string, revision: number, now = clockNow()): Promise<"built" | "skipped"> {
  const run = await db.fulfillmentRun.findUnique({
    where: { id: runId },
    select: { status: true, revision: true, kind: true, requestId: true, referralId: true, startedById: true, workspaces: true, request: { select: { reference: true } } },
  });
  if (!run || run.status !== "ASSEMBLING" || run.revision !== revision) return "skipped";

  const contents = await loadPackageContents(db, runId, now);
  const filename =
    run.kind === "WORKSPACE_EXPORT"
      ? `${run.request.reference}-${run.workspaces.join("-") || "workspace"}-export.zip`
      : `${run.request.reference}-your-data.zip`;
  const draft = await db.dataPackage.create({
    data: {
      requestId: run.requestId,
      referralId: run.referralId,
      runId,
      filename,
      contentType: "application/zip",
      size: 0,
      sha256: "",
      uploadedById: run.startedById,
      releasedAt: null,
      // Set for real when it is released.
      expiresAt: packageLinkExpiry(now, (await readHandling(db)).packageLinkDays),
      createdAt: now,
    },
    select: { id: true },
  });

  let sink: PackagePartSink;
  try {
    sink = await writeZip(db, contents, draft.id, now);
  } catch (error) {
    await db.dataPackage.delete({ where: { id: draft.id } }).catch(() => undefined);
    throw error;
  }

  const delivered = await db.$transaction(
    async (tx) => {
      await lockRun(tx, runId);
      const current = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, revision: true } });
      if (current.status !== "ASSEMBLING" || current.revision !== revision) {
        await tx.dataPackage.delete({ where: { id: draft.id } });
        return null;
      }
      await tx.dataPackage.update({ where: { id: draft.id }, data: { size: sink.size, sha256: sink.sha256 } });
      await tx.fulfillmentRun.update({ where: { id: runId }, data: { packageId: draft.id, builtRevision: revision, status: "READY" } });
      // Earlier drafts of this run (before an exclusion), and any a failed attempt left behind.
      await tx.dataPackage.deleteMany({ where: { runId, releasedAt: null, id: { not: draft.id } } });
      const records = contents.systems.reduce((n, s) => n + s.collections.reduce((m, c) => m + c.count, 0), 0);
      await recordEvent(tx, {
        requestId: run.requestId,
        actorType: "SYSTEM",
        action: "run.package_ready",
        visibility: "INTERNAL",
        data: { runId, packageId: draft.id, revision, size: sink.size, parts: sink.parts, records, systems: contents.systems.length },
        at: now,
      });
      if (run.kind === "WORKSPACE_EXPORT" && run.referralId) {
        return deliverToCustomer(tx, { id: runId, requestId: run.requestId, referralId: run.referralId }, { id: draft.id, filename, size: sink.size }, now);
      }
      return false;
    },
    { timeout: 30_000 },
  );
  if (delivered === null) return "skipped";
  logEvent("run.package_ready", { runId, packageId: draft.id, size: sink.size });
  if (delivered) wakeOutboxWorker();
  return "built";
}

/**
 * The processor case: the package goes to the referral's customer as the officer's upload would
 * (released, the customer emailed its link), and the run ends as RELEASED with its records
 * deleted. A referral closed meanwhile keeps the package as a draft for the officer (false).
 */
async function deliverToCustomer(
  tx: Prisma.TransactionClient,
  run: { id: string; requestId: string; referralId: string },
  pkg: { id: string; filename: string; size: number },
  now: Date,
): Promise<boolean> {
  const referral = await lockReferral(tx, run.referralId);
  if (!isOpenReferral(referral.status)) return false;
  const expiresAt = packageLinkExpiry(now, (await readHandling(tx)).packageLinkDays);
  await tx.dataPackage.update({ where: { id: pkg.id }, data: { releasedAt: now, expiresAt } });
  await announceWorkspaceExport(tx, referral, { ...pkg, expiresAt }, { actorType: "SYSTEM", actorId: null }, now, { runId: run.id });
  await tx.fulfillmentRun.update({ where: { id: run.id }, data: { status: "RELEASED", releasedAt: now } });
  await purgeRunRecords(tx, run.id, now);
  return true;
}

/** After release the package holds the data: the run's found records and uploaded files are deleted. */
export async function purgeRunRecords(tx: Prisma.TransactionClient, runId: string, now: Date): Promise<number> {
  const { count } = await tx.recordChunk.deleteMany({ where: { runId } });
  await tx.taskFile.updateMany({ where: { task: { runId } }, data: { ciphertext: null } });
  await tx.fulfillmentRun.update({ where: { id: runId }, data: { recordsPurgedAt: now } });
  return count;
}

/** Pieces of text gathered into blocks of about 64 KB, so the zip streams move few, larger chunks. */
async function* blocks(pieces: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let pending: string[] = [];
  let length = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= 65_536) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      length = 0;
    }
  }
  if (pending.length) yield Buffer.from(pending.join(""), "utf8");
}

async function* uploadedFile(db: Db, fileId: string): AsyncGenerator<Buffer> {
  const row = await db.taskFile.findUniqueOrThrow({ where: { id: fileId }, select: { ciphertext: true } });
  if (!row.ciphertext) throw new Error("Uploaded file already deleted");
  yield Buffer.from(openFile(row.ciphertext));
}

async function writeZip(db: Db, contents: PackageContents, packageId: string, now: Date): Promise<PackagePartSink> {
  const zip = new ZipFile();
  const sink = new PackagePartSink(db, packageId);
  const output = zip.outputStream as Readable;
  // yazl does not listen for errors of an entry's stream: one failing read fails the whole zip.
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on("error", fail);
  const add = (path: string, source: () => AsyncIterable<Buffer>) =>
    zip.addReadStreamLazy(path, { mtime: now }, (callback) => {
      const stream = Readable.from(source(), { objectMode: false });
      stream.on("error", fail);
      callback(null, stream);
    });

  add("index.html", () => blocks(reportHtml(db, contents)));
  add("data.json", () => blocks(dataJson(db, contents)));
  for (const s of contents.systems) {
    for (const c of s.collections) add(c.csvPath, () => blocks(collectionCsv(db, contents, c)));
    for (const f of s.files) add(f.path, () => uploadedFile(db, f.id));
  }
  zip.end();
  await pipeline(output, sink);
  return sink;
}
