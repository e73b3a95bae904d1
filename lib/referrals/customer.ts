import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Jurisdiction, ReferralStatus, Relationship, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { addresseesOf } from "@/lib/representation/addressees";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { REFERRAL_NOTE_MAX } from "@/lib/referrals/close-schema";
import { REFERRAL_BRIEF_SELECT, referralBrief } from "@/lib/referrals/refer";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";
import { refuse } from "@/lib/requests/lifecycle";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { hashToken } from "@/lib/security/tokens";

// What a customer's privacy contact can do from the referral link: read the request, acknowledge
// it, ask us for an export of the workspace data we hold for them, and close it as completed or
// refused with a note for the requester. The link is the only credential (like the requester's
// status link): only its hash is stored, and it works only while the referral is open.

export const OPEN_REFERRAL_STATUSES = ["SENT", "ACKNOWLEDGED", "ESCALATED"] as const satisfies readonly ReferralStatus[];
const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER", "REFERRED"];

/** More exports than this for one referral would be a mistake; the page lists the first ones. */
const EXPORTS_SHOWN = 20;

export function isOpenReferral(status: ReferralStatus): boolean {
  return (OPEN_REFERRAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

export type CustomerReferralView =
  | {
      state: "open";
      status: ReferralStatus;
      reference: string;
      customerName: string;
      workspaceName: string;
      requestTypeLabel: string;
      regimeLabel: string;
      dueDate: string | null;
      requester: { name: string; email: string };
      relationshipLabel: string;
      details: { label: string; value: string }[];
      /** The codes behind the labels above, for the page to word in the reader's language. */
      codes: { requestType: RequestType; jurisdiction: Jurisdiction; relationship: Relationship; details: unknown };
      includesOperatorPart: boolean;
      sentAt: Date;
      acknowledgedAt: Date | null;
      exportRequestedAt: Date | null;
      /** The workspace exports we delivered, oldest first; each downloads until it expires. */
      exports: { id: string; filename: string; size: number; expiresAt: Date; expired: boolean }[];
      operatorName: string;
      operatorPrivacyEmail: string;
    }
  | { state: "closed"; status: ReferralStatus; reference: string; customerName: string; closedAt: Date | null };

/** The referral a link belongs to, or null for an unknown or revoked link. */
export async function referralIdForToken(client: Pick<Prisma.TransactionClient, "referralToken">, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await client.referralToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { referralId: true, revokedAt: true },
  });
  return found && !found.revokedAt ? found.referralId : null;
}

/** The referral page's content, or null for a link that is unknown or was revoked. */
export async function getCustomerReferralView(token: string, now = clockNow()): Promise<CustomerReferralView | null> {
  const referralId = await referralIdForToken(db, token);
  if (!referralId) return null;
  const referral = await db.referral.findUnique({
    where: { id: referralId },
    select: {
      status: true,
      sentAt: true,
      acknowledgedAt: true,
      exportRequestedAt: true,
      closedAt: true,
      packages: { where: { releasedAt: { not: null } }, select: { id: true, filename: true, size: true, expiresAt: true }, orderBy: { createdAt: "asc" }, take: EXPORTS_SHOWN },
      ...REFERRAL_BRIEF_SELECT,
    },
  });
  if (!referral) return null;
  const { request } = referral;
  if (!isOpenReferral(referral.status)) {
    return {
      state: "closed",
      status: referral.status,
      reference: request.reference,
      customerName: referral.customer.legalName,
      closedAt: referral.closedAt,
    };
  }
  const org = await readOrganizationDetails(db);
  const { relationship, ...brief } = referralBrief(referral);
  return {
    state: "open",
    status: referral.status,
    ...brief,
    relationshipLabel: relationship,
    codes: { requestType: request.type, jurisdiction: request.jurisdiction, relationship: request.relationship, details: request.details },
    sentAt: referral.sentAt,
    acknowledgedAt: referral.acknowledgedAt,
    exportRequestedAt: referral.exportRequestedAt,
    exports: referral.packages.map((p) => ({ ...p, expired: p.expiresAt.getTime() <= now.getTime() })),
    operatorName: org.legalName,
    operatorPrivacyEmail: org.privacyEmail,
  };
}

export type LockedReferral = {
  id: string;
  requestId: string;
  status: ReferralStatus;
  acknowledgedAt: Date | null;
  exportRequestedAt: Date | null;
};

/**
 * Finds the open referral a link belongs to and locks its request, then the referral: the same
 * order the officer's actions and the follow-up job take, so they never deadlock.
 */
export async function lockOpenReferral(tx: Prisma.TransactionClient, token: string): Promise<LockedReferral> {
  const referralId = await referralIdForToken(tx, token);
  const found = referralId ? await tx.referral.findUnique({ where: { id: referralId }, select: { requestId: true } }) : null;
  if (!referralId || !found) throw refuse("REFERRAL_NOT_FOUND");
  await lockRequest(tx, found.requestId);
  const [row] = await tx.$queryRaw<
    { id: string; request_id: string; status: ReferralStatus; acknowledged_at: Date | null; export_requested_at: Date | null }[]
  >`SELECT id::text, request_id::text, status, acknowledged_at, export_requested_at FROM referrals WHERE id = ${referralId}::uuid FOR UPDATE`;
  // The link may have been revoked while we waited for the lock.
  if (!row || !(await referralIdForToken(tx, token))) throw refuse("REFERRAL_NOT_FOUND");
  if (!isOpenReferral(row.status)) throw refuse("REFERRAL_CLOSED");
  return {
    id: row.id,
    requestId: row.request_id,
    status: row.status,
    acknowledgedAt: row.acknowledged_at,
    exportRequestedAt: row.export_requested_at,
  };
}

/** The customer confirms it has the request: reminders stop. Acknowledging twice changes nothing. */
export async function acknowledgeReferral(token: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, token);
    await acknowledgeIn(tx, referral, now);
  });
}

/** Acknowledges in the caller's transaction (asking for an export or an erasure implies it). */
export async function acknowledgeIn(tx: Prisma.TransactionClient, referral: LockedReferral, now: Date): Promise<void> {
  if (referral.acknowledgedAt) return;
  await tx.referral.update({
    where: { id: referral.id },
    data: { status: referral.status === "SENT" ? "ACKNOWLEDGED" : referral.status, acknowledgedAt: now, nextFollowUpAt: null },
  });
  const customer = await customerOf(tx, referral.id);
  await recordEvent(tx, {
    requestId: referral.requestId,
    actorType: "CUSTOMER",
    actorId: customer.id,
    action: "referral.acknowledged",
    visibility: "PUBLIC",
    data: { referralId: referral.id, customerName: customer.legalName },
    at: now,
  });
}

/**
 * The customer asks us for an export of the workspace data we hold for it, to answer the
 * requester. Asking implies acknowledging. Our privacy team is emailed; asking twice changes nothing.
 * Returns the referral's id when this asked for the first time (the caller may then start a run
 * that finds the data and delivers it: lib/fulfillment/package/workspace-export.ts), else null.
 */
export async function requestWorkspaceExport(token: string, now = clockNow()): Promise<string | null> {
  const sent = await db.$transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, token);
    await acknowledgeIn(tx, referral, now);
    if (referral.exportRequestedAt) return null;
    await tx.referral.update({ where: { id: referral.id }, data: { exportRequestedAt: now } });
    const customer = await customerOf(tx, referral.id);
    await recordEvent(tx, {
      requestId: referral.requestId,
      actorType: "CUSTOMER",
      actorId: customer.id,
      action: "referral.export_requested",
      visibility: "INTERNAL",
      data: { referralId: referral.id, customerName: customer.legalName },
      at: now,
    });
    const org = await readOrganizationDetails(tx);
    const { reference } = await tx.request.findUniqueOrThrow({ where: { id: referral.requestId }, select: { reference: true } });
    await enqueueEmail(tx, {
      requestId: referral.requestId,
      template: "referral-export-requested",
      to: org.privacyEmail,
      props: {
        org,
        reference,
        customerName: customer.legalName,
        workspaceName: customer.workspaceName,
        requestUrl: absoluteUrl(`/admin/requests/${referral.requestId}`),
      },
    });
    return referral.id;
  });
  if (sent) wakeOutboxWorker();
  return sent;
}

export type ReferralOutcome = "COMPLETED" | "REFUSED";

/**
 * The customer closes its part with a note for the requester, who is emailed at once. When the
 * whole request was the customer's, the request closes with it; a split request stays open for
 * our own part. The link stops working for anything but showing that it is closed.
 */
export async function closeReferral(token: string, outcome: ReferralOutcome, note: string, now = clockNow()): Promise<void> {
  const text = note.trim();
  if (outcome === "REFUSED" && !text) throw refuse("REFERRAL_NOTE_REQUIRED");
  if (text.length > REFERRAL_NOTE_MAX) throw refuse("REFERRAL_NOTE_TOO_LONG");
  await db.$transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, token);
    const customer = await customerOf(tx, referral.id);
    await tx.referral.update({
      where: { id: referral.id },
      data: {
        status: outcome,
        closedAt: now,
        outcomeNote: text || null,
        nextFollowUpAt: null,
        acknowledgedAt: referral.acknowledgedAt ?? now,
      },
    });
    const request = await tx.request.findUniqueOrThrow({
      where: { id: referral.requestId },
      select: { reference: true, status: true, route: true, requesterEmail: true },
    });
    // The request follows the referral only when the customer held all of it.
    const toStatus: RequestStatus | null =
      request.route === "CUSTOMER" && OPEN_REQUEST_STATUSES.includes(request.status)
        ? outcome === "COMPLETED"
          ? "COMPLETED"
          : "DENIED"
        : null;
    if (toStatus) await tx.request.update({ where: { id: referral.requestId }, data: { status: toStatus, closedAt: now } });
    await recordEvent(tx, {
      requestId: referral.requestId,
      actorType: "CUSTOMER",
      actorId: customer.id,
      action: outcome === "COMPLETED" ? "referral.completed" : "referral.refused",
      fromStatus: toStatus ? request.status : null,
      toStatus,
      visibility: "PUBLIC",
      data: { referralId: referral.id, customerName: customer.legalName, customerContactEmail: customer.contactEmail },
      at: now,
    });
    const org = await readOrganizationDetails(tx);
    for (const addressee of await addresseesOf(tx, referral.requestId)) {
      const statusToken = await mintStatusToken(tx, referral.requestId, now, addressee.holder);
      await enqueueEmail(tx, {
        requestId: referral.requestId,
        template: "referral-outcome",
        to: addressee.to,
        props: {
          org,
          reference: request.reference,
          customerName: customer.legalName,
          customerContactEmail: customer.contactEmail ?? org.privacyEmail,
          outcome,
          note: text,
          statusUrl: absoluteUrl(statusPath(statusToken)),
        },
      });
    }
  });
  wakeOutboxWorker();
}

export async function customerOf(tx: Prisma.TransactionClient, referralId: string) {
  const { customer, workspace } = await tx.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: { customer: { select: { id: true, legalName: true, privacyEmails: true } }, workspace: { select: { name: true } } },
  });
  return { id: customer.id, legalName: customer.legalName, contactEmail: customer.privacyEmails[0] ?? null, workspaceName: workspace.name };
}
