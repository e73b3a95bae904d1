import "server-only";
import { createHash } from "node:crypto";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isUuid, lockRequest, requestIdForStatusToken } from "@/lib/requests/handling/load";
import { emailRequester } from "@/lib/requests/handling/notify";
import { CompleteInputSchema, parseInput, type CompleteInput } from "@/lib/requests/handling/schema";
import { canTransition, completionRefusal, deliversPackage, packageRefusal, refuse } from "@/lib/requests/lifecycle";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { decryptBytes, encryptBytes } from "@/lib/security/encryption";

// Packages are sealed with their own key purpose; DATA_PACKAGE_KEY defaults to one derived from
// APP_SECRET (lib/env.ts), so rotating the app secret without setting it loses stored packages.
const PURPOSE = "data-package";
const DAY_MS = 86_400_000;

export type DataPackageInput = { filename: string; contentType: string; bytes: Uint8Array };

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
  const env = getEnv();
  const size = input.bytes.byteLength;
  const filename = safeFilename(input.filename);
  const contentType = safeContentType(input.contentType);
  const result = await db.$transaction(
    async (tx) => {
      await lockRequest(tx, requestId);
      const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, type: true } });
      const refused = packageRefusal({ ...request, size });
      if (refused) throw refuse(refused);
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      const created = await tx.dataPackage.create({
        data: {
          requestId,
          filename,
          contentType,
          size,
          sha256,
          ciphertext: encryptBytes(env.DATA_PACKAGE_KEY, PURPOSE, input.bytes),
          uploadedById: staff.id,
          // Provisional: completing the request starts the download window from that moment.
          expiresAt: new Date(now.getTime() + env.DATA_PACKAGE_LINK_DAYS * DAY_MS),
          createdAt: now,
        },
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
        data: { packageId: created.id, size, sha256, contentType },
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
 * Open -> COMPLETED. Access and export requests need a package (PACKAGE_REQUIRED), whose download
 * window of DATA_PACKAGE_LINK_DAYS starts now; every other type needs the outcome, what was done
 * (OUTCOME_REQUIRED). Emails the requester either way.
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
  const linkDays = getEnv().DATA_PACKAGE_LINK_DAYS;
  const result = await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, reference: true, type: true, status: true, requesterEmail: true, _count: { select: { packages: true } } },
    });
    const packages = request._count.packages;
    const refused = completionRefusal({ status: request.status, type: request.type, packages, outcome });
    if (refused) throw refuse(refused);

    const downloadUntil = deliversPackage(request.type) ? new Date(now.getTime() + linkDays * DAY_MS) : null;
    if (downloadUntil) await tx.dataPackage.updateMany({ where: { requestId }, data: { expiresAt: downloadUntil } });
    await tx.request.update({ where: { id: requestId }, data: { status: "COMPLETED", closedAt: now } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.completed",
      fromStatus: request.status,
      toStatus: "COMPLETED",
      visibility: "PUBLIC",
      // The nature of the response, for the §7101 record: staff-written, like a denial's basis.
      data: { outcome: outcome ?? null, packages, downloadUntil: downloadUntil?.toISOString() ?? null },
      at: now,
    });
    await emailRequester(tx, request, org, "request-completed", {
      outcome: outcome ?? null,
      downloadUntil: downloadUntil?.toISOString() ?? null,
    });
    return { downloadUntil };
  });
  wakeOutboxWorker();
  return result;
}

export type RequesterPackage = { id: string; filename: string; contentType: string; size: number; expiresAt: Date; expired: boolean };

/**
 * The files the status page offers for download: none until the request is completed, then each
 * with its expiry. Takes the request id the status page already resolved from its token.
 */
export async function listRequesterPackages(requestId: string, now = new Date()): Promise<RequesterPackage[]> {
  if (!isUuid(requestId)) return [];
  const packages = await db.dataPackage.findMany({
    where: { requestId, request: { status: "COMPLETED" } },
    select: { id: true, filename: true, contentType: true, size: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return packages.map((p) => ({ ...p, expired: p.expiresAt.getTime() <= now.getTime() }));
}

export type OpenedPackage = { filename: string; contentType: string; bytes: Uint8Array };

/**
 * The requester's download, from the status page of a completed request (closed requests keep
 * their status links). Every download is recorded on the public timeline.
 * Throws NOT_FOUND (unknown link, or a package of another request), PACKAGE_NOT_READY (the request
 * is not completed), PACKAGE_EXPIRED.
 */
export async function openDataPackage(statusToken: string, packageId: string, now = new Date()): Promise<OpenedPackage> {
  const requestId = await requestIdForStatusToken(db, statusToken, now);
  if (!isUuid(packageId)) throw refuse("NOT_FOUND");
  const found = await db.dataPackage.findFirst({
    where: { id: packageId, requestId },
    select: { filename: true, contentType: true, ciphertext: true, sha256: true, expiresAt: true, request: { select: { status: true } } },
  });
  if (!found) throw refuse("NOT_FOUND");
  if (!canTransition("downloadPackage", found.request.status)) throw refuse("PACKAGE_NOT_READY");
  if (found.expiresAt.getTime() <= now.getTime()) throw refuse("PACKAGE_EXPIRED");
  const bytes = decryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, found.ciphertext);
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
  return { filename: found.filename, contentType: found.contentType, bytes };
}

/** A name safe to offer as a download: no path, no control characters or quotes, at most 200 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "_").trim().slice(0, 200);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "data-package";
}

export function safeContentType(value: string): string {
  const type = value.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) && type.length <= 100 ? type : "application/octet-stream";
}
