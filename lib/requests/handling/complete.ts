import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationDetails } from "@/lib/organization/types";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import type { DownloadFile } from "@/lib/http/file-download";
import { openStoredPackage } from "@/lib/packages/parts";
import { packageLinkExpiry, sealPackage, type DataPackageInput } from "@/lib/packages/seal";
import { correctionSummary } from "@/lib/corrections/summary";
import { erasureSummary } from "@/lib/erasure/summary";
import { tellRecipients } from "@/lib/recipients/notices";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isUuid, lockRequest, requestIdForStatusToken } from "@/lib/requests/handling/load";
import { emailRequester } from "@/lib/requests/handling/notify";
import { CompleteInputSchema, parseInput, type CompleteInput } from "@/lib/requests/handling/schema";
import { canTransition, completionRefusal, deliversPackage, packageRefusal, refuse } from "@/lib/requests/lifecycle";
import { getSubmissionContext } from "@/lib/requests/submission-context";

// The requester's packages are those without a referral: a package with one is a workspace export
// for that referral's customer (lib/referrals/export.ts), never listed, counted or served here.
// A package a run assembled is a draft under the officer's review until released (releasedAt).
const FOR_REQUESTER = { referralId: null, releasedAt: { not: null } };

/**
 * Stores the file that answers an access or export request, encrypted at rest. The requester can
 * only download it once the request is completed. Throws NOT_FOUND, PACKAGE_NOT_APPLICABLE (other
 * request types), INVALID_TRANSITION (closed or unverified), PACKAGE_EMPTY, PACKAGE_TOO_LARGE (10 MB).
 */
export async function attachDataPackage(
  requestId: string,
  input: DataPackageInput,
  staff: StaffUser,
  now = new Date(),
): Promise<{ packageId: string }> {
  const size = input.bytes.byteLength;
  const result = await db.$transaction(
    async (tx) => {
      await lockRequest(tx, requestId);
      const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, type: true } });
      const refused = packageRefusal({ ...request, size });
      if (refused) throw refuse(refused);
      // The expiry is provisional: completing the request starts the download window from that moment.
      const sealed = sealPackage(input, now, (await readHandling(tx)).packageLinkDays);
      const created = await tx.dataPackage.create({
        // An upload is the officer's own answer: released as it is stored.
        data: { requestId, ...sealed, uploadedById: staff.id, createdAt: now, releasedAt: now },
        select: { id: true },
      });
      await recordEvent(tx, {
        requestId,
        ...byStaff(staff),
        action: "package.attached",
        fromStatus: request.status,
        toStatus: request.status,
        visibility: "INTERNAL",
        // No filename: staff may name the file after the person.
        data: { packageId: created.id, size, sha256: sealed.sha256, contentType: sealed.contentType },
        at: now,
      });
      return { packageId: created.id };
    },
    // Up to 10 MB goes over the wire inside this transaction.
    { timeout: 30_000 },
  );
  return result;
}

/**
 * Open -> COMPLETED. Access and export requests need a package, whose download window of
 * DATA_PACKAGE_LINK_DAYS starts now, or a written answer, or both (PACKAGE_REQUIRED); every other
 * type needs the outcome, what was done (OUTCOME_REQUIRED). Emails the requester either way.
 * Throws NOT_FOUND, INVALID_INPUT, INVALID_TRANSITION (already denied, completed or unverified),
 * PACKAGE_REQUIRED, OUTCOME_REQUIRED.
 */
export async function completeRequest(
  requestId: string,
  input: CompleteInput,
  staff: StaffUser,
  now = new Date(),
): Promise<{ downloadUntil: Date | null }> {
  const { outcome } = parseInput(CompleteInputSchema, input);
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction((tx) => completeInTransaction(tx, requestId, outcome ?? null, org, staff, now));
  wakeOutboxWorker();
  return result;
}

/**
 * The completion itself, in a transaction of the caller's: the request locked, checked, closed as
 * COMPLETED with the requester's packages' download window starting now, on the public timeline,
 * and the requester emailed. Shared by the manual completion and a run's release
 * (lib/fulfillment/package/review.ts), which releases its package in the same transaction first.
 */
export async function completeInTransaction(
  tx: Prisma.TransactionClient,
  requestId: string,
  outcome: string | null,
  org: OrganizationDetails,
  staff: StaffUser,
  now: Date,
): Promise<{ downloadUntil: Date | null }> {
  await lockRequest(tx, requestId);
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, reference: true, type: true, status: true, requesterEmail: true, _count: { select: { packages: { where: FOR_REQUESTER } } } },
  });
  const packages = request._count.packages;
  const refused = completionRefusal({ status: request.status, type: request.type, packages, outcome: outcome ?? undefined });
  if (refused) throw refuse(refused);

  // A download window only for a package actually attached: an answer in words has nothing to download.
  const downloadUntil = deliversPackage(request.type) && packages > 0 ? packageLinkExpiry(now, (await readHandling(tx)).packageLinkDays) : null;
  // A deletion carried out by an erasure run: what was erased and kept, in words, for the requester.
  const erasure = request.type === "DELETION" ? await erasureSummary(tx, requestId) : null;
  // A correction: what the portal corrected itself, and whose owners were asked to correct by hand.
  const correction = request.type === "CORRECTION" ? await correctionSummary(tx, requestId) : null;
  if (downloadUntil) await tx.dataPackage.updateMany({ where: { requestId, ...FOR_REQUESTER }, data: { expiresAt: downloadUntil } });
  await tx.request.update({ where: { id: requestId }, data: { status: "COMPLETED", closedAt: now } });
  await recordEvent(tx, {
    requestId,
    ...byStaff(staff),
    action: "request.completed",
    fromStatus: request.status,
    toStatus: "COMPLETED",
    visibility: "PUBLIC",
    // The nature of the response, for the §7101 record: staff-written, like a denial's basis.
    data: { outcome, packages, downloadUntil: downloadUntil?.toISOString() ?? null, ...(erasure ? { erasure } : {}), ...(correction ? { correction } : {}) },
    at: now,
  });
  // A deletion, correction or restriction is passed on to everyone who received the data (GDPR Art. 19).
  const recipientsTold = await tellRecipients(tx, requestId, request.type, now);
  await emailRequester(tx, request, org, "request-completed", {
    outcome,
    downloadUntil: downloadUntil?.toISOString() ?? null,
    erasure,
    correction,
    recipientsTold,
  });
  return { downloadUntil };
}

export type RequesterPackage = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  expiresAt: Date;
  expired: boolean;
  /** When housekeeping deleted the file, a grace period after its link expired (lib/packages/purge.ts). */
  purgedAt: Date | null;
};

/**
 * The files the status page offers for download: none until the request is completed, then each
 * with its expiry, and when the file was deleted. Takes the request id the status page already resolved from its token.
 */
export async function listRequesterPackages(requestId: string, now = new Date()): Promise<RequesterPackage[]> {
  if (!isUuid(requestId)) return [];
  const packages = await db.dataPackage.findMany({
    where: { requestId, ...FOR_REQUESTER, request: { status: "COMPLETED" } },
    select: { id: true, filename: true, contentType: true, size: true, expiresAt: true, purgedAt: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return packages.map((p) => ({ ...p, expired: p.expiresAt.getTime() <= now.getTime() }));
}

/**
 * The requester's download, from the status page of a completed request (closed requests keep
 * their status links). Every download is recorded on the public timeline.
 * Throws NOT_FOUND (unknown link, or a package of another request), PACKAGE_NOT_READY (the request
 * is not completed), PACKAGE_EXPIRED.
 */
export async function openDataPackage(statusToken: string, packageId: string, now = new Date()): Promise<DownloadFile> {
  const requestId = await requestIdForStatusToken(db, statusToken, now);
  if (!isUuid(packageId)) throw refuse("NOT_FOUND");
  const found = await db.dataPackage.findFirst({
    where: { id: packageId, requestId, ...FOR_REQUESTER },
    select: { id: true, filename: true, contentType: true, size: true, ciphertext: true, expiresAt: true, purgedAt: true, request: { select: { status: true } } },
  });
  if (!found) throw refuse("NOT_FOUND");
  if (!canTransition("downloadPackage", found.request.status)) throw refuse("PACKAGE_NOT_READY");
  // A purged package (housekeeping removes the bytes after the link expired) is expired too.
  const file = found.expiresAt.getTime() <= now.getTime() || found.purgedAt ? null : await openStoredPackage(db, found);
  if (!file) throw refuse("PACKAGE_EXPIRED");
  await recordEvent(db, {
    requestId,
    actorType: "REQUESTER",
    action: "package.downloaded",
    fromStatus: found.request.status,
    toStatus: found.request.status,
    visibility: "PUBLIC",
    data: { packageId },
    at: now,
  });
  return file;
}
