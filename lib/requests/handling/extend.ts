import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { REGIMES } from "@/lib/requests/deadlines";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isoDay, lockRequest } from "@/lib/requests/handling/load";
import { emailRequester } from "@/lib/requests/handling/notify";
import { parseInput, ReasonInputSchema, type ReasonInput } from "@/lib/requests/handling/schema";
import { checkExtension, refuse } from "@/lib/requests/lifecycle";
import { getSubmissionContext } from "@/lib/requests/submission-context";

/**
 * Uses the one extension the law allows, before the original deadline passes, and tells the
 * requester the new date and why (GDPR Art. 12(3), 11 CCR §7021(b)). The status does not change.
 * Throws NOT_FOUND, INVALID_INPUT, INVALID_TRANSITION (closed or unverified), EXTENSION_ALREADY_USED,
 * EXTENSION_NOT_ALLOWED, EXTENSION_TOO_LATE.
 */
export async function extendDeadline(
  requestId: string,
  input: ReasonInput,
  staff: StaffUser,
  now = new Date(),
): Promise<{ extendedDueDate: string }> {
  const { reason } = parseInput(ReasonInputSchema, input);
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        id: true,
        reference: true,
        type: true,
        status: true,
        jurisdiction: true,
        requesterEmail: true,
        dueAt: true,
        extendedDueAt: true,
      },
    });
    const check = checkExtension(request, now, org.timeZone);
    if (!check.ok) throw refuse(check.code);
    // checkExtension refuses a request without a due date, so dueAt is set here.
    const originalDueDate = isoDay(request.dueAt!);
    const extendedDueDate = isoDay(check.extendedDueAt);
    await tx.request.update({ where: { id: requestId }, data: { extendedDueAt: check.extendedDueAt } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.deadline_extended",
      fromStatus: request.status,
      toStatus: request.status,
      visibility: "PUBLIC",
      // The reason is staff-written and owed to the requester; the record keeps what they were told.
      data: { originalDueDate, extendedDueDate, reason },
      at: now,
    });
    await emailRequester(tx, request, org, "deadline-extended", {
      originalDueDate,
      newDueDate: extendedDueDate,
      reason,
      regimeLabel: REGIMES[request.jurisdiction].label,
    });
    return { extendedDueDate };
  });
  wakeOutboxWorker();
  return result;
}
