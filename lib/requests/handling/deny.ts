import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { otherRequestsFrom } from "@/lib/requests/duplicates";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { emailRequester } from "@/lib/requests/handling/notify";
import { DenyInputSchema, parseInput, type DenyInput } from "@/lib/requests/handling/schema";
import { appealAvailable, assertTransition } from "@/lib/requests/lifecycle";
import { regulatorFor } from "@/lib/requests/regulators";
import { getSubmissionContext } from "@/lib/requests/submission-context";

/**
 * Open -> DENIED. The reason is the basis of denial that 11 CCR §7101 asks us to keep, so it goes
 * into the audit event, with its category (`basis`, stored on the request for the §7102 figures); the requester is emailed the reason, whom to complain to, and, where the
 * law gives one (US state laws), how to appeal from the status page.
 * Throws NOT_FOUND, INVALID_INPUT, INVALID_TRANSITION (already completed, denied or unverified).
 */
export async function denyRequest(requestId: string, input: DenyInput, staff: StaffUser, now = new Date()): Promise<void> {
  const { reason, basis } = parseInput(DenyInputSchema, input);
  const { org } = await getSubmissionContext(db);
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, reference: true, type: true, status: true, jurisdiction: true, region: true, requesterEmail: true },
    });
    const toStatus = assertTransition("deny", request.status);
    // GDPR Art. 12(5): the burden of showing a request manifestly unfounded or excessive is ours,
    // so the evidence the portal holds (the address's other requests and their dates) is kept with
    // the decision. References, types, statuses and dates only: nothing the person wrote.
    const evidence = basis === "UNFOUNDED_OR_EXCESSIVE" ? await otherRequestsFrom(tx, request, now) : null;
    const appeal = appealAvailable(request.jurisdiction, request.type);
    await tx.request.update({ where: { id: requestId }, data: { status: toStatus, closedAt: now, denialBasis: basis } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.denied",
      fromStatus: request.status,
      toStatus,
      visibility: "PUBLIC",
      data: {
        reason,
        basis,
        appealAvailable: appeal,
        ...(evidence
          ? {
              evidence: {
                total: evidence.total,
                requests: evidence.requests.map((r) => ({ reference: r.reference, type: r.type, status: r.status, receivedAt: r.receivedAt.toISOString() })),
              },
            }
          : {}),
      },
      at: now,
    });
    await emailRequester(tx, request, org, "request-denied", {
      reason,
      regulator: regulatorFor(request.jurisdiction, request.region),
      jurisdiction: request.jurisdiction,
      region: request.region,
      appealAvailable: appeal,
      isAppeal: request.type === "APPEAL",
    });
  });
  wakeOutboxWorker();
}
