import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { StaffUser } from "@/lib/auth/staff";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { readOrganizationDetails } from "@/lib/organization/settings";
import type { DownloadFile } from "@/lib/http/file-download";
import { openStoredPackage } from "@/lib/packages/parts";
import { sealPackage, type DataPackageInput } from "@/lib/packages/seal";
import { isOpenReferral, referralIdForToken } from "@/lib/referrals/customer";
import { lockReferral } from "@/lib/referrals/officer";
import { mintReferralToken, referralPath } from "@/lib/referrals/refer";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isUuid } from "@/lib/requests/handling/load";
import { packageSizeRefusal, refuse } from "@/lib/requests/lifecycle";
import { absoluteUrl } from "@/lib/requests/status-token";

// The workspace export a customer needs to answer a referred request (it asks for one on its
// referral page): the officer uploads it, it is stored encrypted like a requester's data package
// but tied to the referral, and the customer downloads it from the referral page while the
// referral is open and the download has not expired. The requester never sees it.

/**
 * Stores the export for the referral's customer and emails its privacy contacts a fresh link to
 * the referral page, where it downloads for DATA_PACKAGE_LINK_DAYS. The customer need not have
 * asked for it. Throws NOT_FOUND, REFERRAL_CLOSED, PACKAGE_EMPTY, PACKAGE_TOO_LARGE (10 MB).
 */
export async function deliverWorkspaceExport(
  referralId: string,
  input: DataPackageInput,
  staff: StaffUser,
  now = clockNow(),
): Promise<{ packageId: string; downloadUntil: Date }> {
  const result = await db.$transaction(
    async (tx) => {
      const referral = await lockReferral(tx, referralId);
      if (!isOpenReferral(referral.status)) throw refuse("REFERRAL_CLOSED");
      const refused = packageSizeRefusal(input.bytes.byteLength);
      if (refused) throw refuse(refused);
      const sealed = sealPackage(input, now, (await readHandling(tx)).packageLinkDays);
      const { id: packageId } = await tx.dataPackage.create({
        data: { requestId: referral.requestId, referralId, ...sealed, uploadedById: staff.id, createdAt: now, releasedAt: now },
        select: { id: true },
      });
      await announceWorkspaceExport(tx, referral, { id: packageId, ...sealed }, byStaff(staff), now);
      return { packageId, downloadUntil: sealed.expiresAt };
    },
    // Up to 10 MB goes over the wire inside this transaction.
    { timeout: 30_000 },
  );
  wakeOutboxWorker();
  return result;
}

type Actor = { actorType: "STAFF" | "SYSTEM"; actorId?: string | null };

/**
 * The delivery of a stored export, in the transaction that stored or released it: the referral
 * records it, the request's audit trail too, and the customer's privacy contacts are emailed a
 * fresh link to the referral page. The referral must be locked and open.
 */
export async function announceWorkspaceExport(
  tx: Prisma.TransactionClient,
  referral: { id: string; requestId: string },
  pkg: { id: string; filename: string; size: number; expiresAt: Date },
  actor: Actor,
  now: Date,
  extra: Record<string, string> = {},
): Promise<void> {
  const referralId = referral.id;
  const { customer, workspace, request } = await tx.referral.update({
    where: { id: referralId },
    data: { exportDeliveredAt: now },
    select: {
      customer: { select: { legalName: true, privacyEmails: true, language: true } },
      workspace: { select: { name: true } },
      request: { select: { reference: true } },
    },
  });
  await recordEvent(tx, {
    requestId: referral.requestId,
    ...actor,
    action: "referral.export_delivered",
    visibility: "INTERNAL",
    // No file name: staff may name the file after the person, and audit rows are never rewritten.
    data: { referralId, customerName: customer.legalName, packageId: pkg.id, size: pkg.size, ...extra },
    at: now,
  });
  // A fresh link, like a re-send: the one in the first email may have been revoked or lost.
  const token = await mintReferralToken(tx, referralId);
  await enqueueEmail(tx, {
    requestId: referral.requestId,
    template: "referral-export-ready",
    to: customer.privacyEmails.join(", "),
    props: {
      org: await readOrganizationDetails(tx),
      language: customer.language,
      customerName: customer.legalName,
      workspaceName: workspace.name,
      reference: request.reference,
      filename: pkg.filename,
      downloadUntil: pkg.expiresAt.toISOString(),
      referralUrl: absoluteUrl(referralPath(token)),
    },
  });
}

/**
 * The customer's download from its referral page, recorded in the request's internal audit trail.
 * Throws NOT_FOUND alike for an unknown or revoked link, a referral no longer open and a package
 * of another referral (or the requester's), so a guess learns nothing; PACKAGE_EXPIRED.
 */
export async function openWorkspaceExport(token: string, packageId: string, now = clockNow()): Promise<DownloadFile> {
  const referralId = await referralIdForToken(db, token);
  if (!referralId || !isUuid(packageId)) throw refuse("NOT_FOUND");
  const found = await db.dataPackage.findFirst({
    where: { id: packageId, referralId, releasedAt: { not: null } },
    select: {
      id: true,
      requestId: true,
      filename: true,
      contentType: true,
      size: true,
      ciphertext: true,
      expiresAt: true,
      purgedAt: true,
      referral: { select: { status: true, customer: { select: { id: true, legalName: true } } } },
    },
  });
  if (!found?.referral || !isOpenReferral(found.referral.status)) throw refuse("NOT_FOUND");
  // A purged package (housekeeping removes the bytes after the link expired) is expired too.
  const file = found.expiresAt.getTime() <= now.getTime() || found.purgedAt ? null : await openStoredPackage(db, found);
  if (!file) throw refuse("PACKAGE_EXPIRED");
  const { customer } = found.referral;
  await recordEvent(db, {
    requestId: found.requestId,
    actorType: "CUSTOMER",
    actorId: customer.id,
    action: "referral.export_downloaded",
    visibility: "INTERNAL",
    data: { referralId, customerName: customer.legalName, packageId },
    at: now,
  });
  return file;
}
