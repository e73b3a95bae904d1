import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { assertTransition } from "@/lib/requests/lifecycle";

/**
 * RECEIVED -> IN_PROGRESS: someone has picked the request up. The requester sees "work started"
 * on the status page; no email, since the acknowledgement already went out on verification.
 * Throws NOT_FOUND, INVALID_TRANSITION.
 */
export async function acknowledgeRequest(requestId: string, staff: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction((tx) => acknowledgeIn(tx, requestId, staff, now));
}

/** The same, inside the caller's transaction (bulk acknowledgement). */
export async function acknowledgeIn(tx: Prisma.TransactionClient, requestId: string, staff: StaffUser, now: Date): Promise<void> {
  await lockRequest(tx, requestId);
  const { status } = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
  const toStatus = assertTransition("acknowledge", status);
  await tx.request.update({ where: { id: requestId }, data: { status: toStatus } });
  await recordEvent(tx, {
    requestId,
    ...byStaff(staff),
    action: "request.acknowledged",
    fromStatus: status,
    toStatus,
    visibility: "PUBLIC",
    at: now,
  });
}
