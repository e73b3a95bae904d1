import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { StaffUser } from "@/lib/auth/staff";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { isOpenReferral } from "@/lib/referrals/customer";
import { followUpAfter, mintReferralToken, referralEmail, referToCustomer, revokeReferralTokens } from "@/lib/referrals/refer";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isUuid, lockRequest } from "@/lib/requests/handling/load";
import { isUnfinished, refuse } from "@/lib/requests/lifecycle";

// The officer's hold on referrals: send the referral again (a fresh link, reminders restart),
// revoke its links, take it over (the operator answers instead), or route the request elsewhere.
// Each locks the request, then the referral, like the customer's actions and the follow-up job.

type LockedReferral = { id: string; requestId: string; status: Prisma.ReferralGetPayload<object>["status"] };

/** Locks the referral's request, then the referral (for every staff action on it). Throws NOT_FOUND. */
export async function lockReferral(tx: Prisma.TransactionClient, referralId: string): Promise<LockedReferral> {
  if (!isUuid(referralId)) throw refuse("NOT_FOUND");
  const found = await tx.referral.findUnique({ where: { id: referralId }, select: { requestId: true } });
  if (!found) throw refuse("NOT_FOUND");
  await lockRequest(tx, found.requestId);
  const [row] = await tx.$queryRaw<
    { status: LockedReferral["status"] }[]
  >`SELECT status FROM referrals WHERE id = ${referralId}::uuid FOR UPDATE`;
  return { id: referralId, requestId: found.requestId, status: row!.status };
}

/**
 * Emails the customer's privacy contacts again with a fresh link and restarts the reminders. An
 * escalated referral goes back to the customer (and a wholly referred request back to REFERRED).
 * Throws NOT_FOUND, REFERRAL_CLOSED.
 */
export async function resendReferral(referralId: string, staff: StaffUser, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const referral = await lockReferral(tx, referralId);
    if (!isOpenReferral(referral.status)) throw refuse("REFERRAL_CLOSED");
    const current = await tx.referral.findUniqueOrThrow({
      where: { id: referralId },
      select: { acknowledgedAt: true, customer: { select: { legalName: true } }, request: { select: { status: true, route: true } } },
    });
    const { customer, request } = current;
    const backToCustomer = referral.status === "ESCALATED";
    const toStatus: RequestStatus | null =
      backToCustomer && request.route === "CUSTOMER" && request.status === "RECEIVED" ? "REFERRED" : null;
    await tx.referral.update({
      where: { id: referralId },
      data: {
        status: backToCustomer ? (current.acknowledgedAt ? "ACKNOWLEDGED" : "SENT") : referral.status,
        escalatedAt: backToCustomer ? null : undefined,
        remindersSent: 0,
        nextFollowUpAt: current.acknowledgedAt ? null : followUpAfter(now, (await readHandling(tx)).referralReminderDays),
      },
    });
    if (toStatus) await tx.request.update({ where: { id: referral.requestId }, data: { status: toStatus } });
    await recordEvent(tx, {
      requestId: referral.requestId,
      ...byStaff(staff),
      action: "referral.resent",
      fromStatus: toStatus ? request.status : null,
      toStatus,
      visibility: "INTERNAL",
      data: { referralId, customerName: customer.legalName },
      at: now,
    });
    const token = await mintReferralToken(tx, referralId);
    const email = await referralEmail(tx, referralId, token);
    await enqueueEmail(tx, { requestId: referral.requestId, template: "referral-to-customer", ...email });
  });
  wakeOutboxWorker();
}

/** Ends every link the customer holds for this referral; it stays open, and a re-send mints a new one. */
export async function revokeReferralLinks(referralId: string, staff: StaffUser, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const referral = await lockReferral(tx, referralId);
    if (!isOpenReferral(referral.status)) throw refuse("REFERRAL_CLOSED");
    const revoked = await revokeReferralTokens(tx, referralId, now);
    await recordEvent(tx, {
      requestId: referral.requestId,
      ...byStaff(staff),
      action: "referral.links_revoked",
      visibility: "INTERNAL",
      data: { referralId, revoked },
      at: now,
    });
  });
}

/**
 * Withdraws an open referral inside the caller's transaction: its links stop working and its
 * reminders stop. A wholly referred request comes back to the officer's queue as RECEIVED.
 */
async function withdrawIn(
  tx: Prisma.TransactionClient,
  referral: LockedReferral,
  action: string,
  staff: StaffUser,
  now: Date,
  note?: string,
) {
  await tx.referral.update({ where: { id: referral.id }, data: { status: "WITHDRAWN", closedAt: now, nextFollowUpAt: null } });
  await revokeReferralTokens(tx, referral.id, now);
  const request = await tx.request.findUniqueOrThrow({ where: { id: referral.requestId }, select: { status: true } });
  const { customer } = await tx.referral.findUniqueOrThrow({
    where: { id: referral.id },
    select: { customer: { select: { legalName: true } } },
  });
  const toStatus: RequestStatus | null = request.status === "REFERRED" ? "RECEIVED" : null;
  if (toStatus) await tx.request.update({ where: { id: referral.requestId }, data: { status: toStatus } });
  await recordEvent(tx, {
    requestId: referral.requestId,
    ...byStaff(staff),
    action,
    fromStatus: toStatus ? request.status : null,
    toStatus,
    visibility: "PUBLIC",
    data: { referralId: referral.id, customerName: customer.legalName, ...(note ? { note } : {}) },
    at: now,
  });
}

/**
 * The operator answers the referred part itself (the customer asked it to, or stayed silent). The
 * request is routed to the officer from now on. Throws NOT_FOUND, REFERRAL_CLOSED.
 */
export async function takeOverReferral(referralId: string, staff: StaffUser, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const referral = await lockReferral(tx, referralId);
    if (!isOpenReferral(referral.status)) throw refuse("REFERRAL_CLOSED");
    await withdrawIn(tx, referral, "referral.taken_over", staff, now);
    const others = await tx.referral.count({
      where: { requestId: referral.requestId, status: { in: ["SENT", "ACKNOWLEDGED", "ESCALATED"] } },
    });
    if (others === 0) await tx.request.update({ where: { id: referral.requestId }, data: { route: "OPERATOR" } });
  });
}

export type RouteTarget = { kind: "OPERATOR" } | { kind: "WORKSPACE"; workspaceId: string; includesOperatorPart: boolean };

/**
 * Sends the request where the officer decides: to the privacy team only, or to a workspace's
 * customer (with or without an operator part). Open referrals elsewhere are withdrawn first.
 * This is how an UNRESOLVED request is resolved. Throws NOT_FOUND, ROUTE_TARGET_INVALID,
 * INVALID_TRANSITION (closed requests).
 */
export async function rerouteRequest(requestId: string, target: RouteTarget, staff: StaffUser, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, route: true } });
    if (!isUnfinished(request.status)) throw refuse("INVALID_TRANSITION");
    if (target.kind === "WORKSPACE") {
      if (!isUuid(target.workspaceId)) throw refuse("ROUTE_TARGET_INVALID");
      const exists = await tx.workspace.count({ where: { id: target.workspaceId } });
      if (!exists) throw refuse("ROUTE_TARGET_INVALID");
    }
    const open = await tx.referral.findMany({
      where: { requestId, status: { in: ["SENT", "ACKNOWLEDGED", "ESCALATED"] } },
      select: { id: true, status: true, workspaceId: true },
    });
    for (const r of open) {
      await tx.$queryRaw`SELECT id FROM referrals WHERE id = ${r.id}::uuid FOR UPDATE`;
      await withdrawIn(tx, { id: r.id, requestId, status: r.status }, "referral.withdrawn", staff, now);
    }
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.rerouted",
      visibility: "INTERNAL",
      data: target.kind === "OPERATOR" ? { route: "OPERATOR", fromRoute: request.route } : { ...target, fromRoute: request.route },
      at: now,
    });
    if (target.kind === "OPERATOR") {
      await tx.request.update({ where: { id: requestId }, data: { route: "OPERATOR" } });
    } else {
      await referToCustomer(tx, {
        requestId,
        workspaceId: target.workspaceId,
        includesOperatorPart: target.includesOperatorPart,
        now,
        staffId: staff.id,
      });
    }
  });
  wakeOutboxWorker();
}
