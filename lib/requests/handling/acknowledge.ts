import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { assertTransition } from "@/lib/requests/lifecycle";

/** Who may hold requests: admins and officers (auditors only read). */
export const ASSIGNABLE_ROLES = ["ADMIN", "OFFICER"] as const;

/**
 * RECEIVED -> IN_PROGRESS: someone has picked the request up, and holds it when nobody did. The requester sees "work started"
 * on the status page; no email, since the acknowledgement already went out on verification.
 * Throws NOT_FOUND, INVALID_TRANSITION.
 */
export async function acknowledgeRequest(requestId: string, staff: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction((tx) => acknowledgeIn(tx, requestId, staff, now));
}

/** The same, inside the caller's transaction (bulk acknowledgement). */
export async function acknowledgeIn(tx: Prisma.TransactionClient, requestId: string, staff: StaffUser, now: Date): Promise<void> {
  await lockRequest(tx, requestId);
  const { status, assigneeId } = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, assigneeId: true } });
  const toStatus = assertTransition("acknowledge", status);
  // Whoever picks up an unassigned request holds it (issue 13): it shows under "Assigned to me".
  const takes = assigneeId === null && (ASSIGNABLE_ROLES as readonly string[]).includes(staff.role);
  await tx.request.update({ where: { id: requestId }, data: { status: toStatus, ...(takes ? { assigneeId: staff.id } : {}) } });
  await recordEvent(tx, {
    requestId,
    ...byStaff(staff),
    action: "request.acknowledged",
    fromStatus: status,
    toStatus,
    visibility: "PUBLIC",
    at: now,
  });
  if (takes) {
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.assigned",
      fromStatus: toStatus,
      toStatus,
      visibility: "INTERNAL",
      data: { assigneeId: staff.id, previousAssigneeId: null, byAcknowledging: true },
      at: now,
    });
  }
}
