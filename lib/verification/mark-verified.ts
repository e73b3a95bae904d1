import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import type { OrganizationDetails } from "@/lib/organization/types";
import { addresseesOf } from "@/lib/representation/addressees";
import { enqueueEmail } from "@/lib/mail/outbox";
import { computeDueDate, REGIMES } from "@/lib/requests/deadlines";
import { flagPossibleDuplicate } from "@/lib/requests/duplicates";
import { recordEvent } from "@/lib/requests/events";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { routeRequestInTransaction } from "@/lib/referrals/refer";

/**
 * PENDING_VERIFICATION -> RECEIVED: starts the clock where the law starts it then (for CCPA it ran
 * from receipt all along), flags a possible duplicate, routes the request and acknowledges it to
 * everyone who follows it. Reached when the requester confirms their address or, on a request
 * someone filed for another person, when the last thing it waited for arrived
 * (lib/representation/progress.ts). Everything goes through `tx`.
 */
/** A channel that vouched for the person (an API key with requests:verify, lib/api): recorded as the one who verified. */
export type VouchedBy = { staffId: string; channel: string };

export async function markVerified(tx: Prisma.TransactionClient, requestId: string, org: OrganizationDetails, now: Date, vouchedBy?: VouchedBy): Promise<void> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, reference: true, type: true, jurisdiction: true, receivedAt: true, requesterEmail: true },
  });
  const due = computeDueDate({
    jurisdiction: request.jurisdiction as Jurisdiction,
    type: request.type as RequestType,
    receivedAt: request.receivedAt,
    verifiedAt: now,
    timeZone: org.timeZone,
  });
  await tx.request.update({
    where: { id: request.id },
    data: { status: "RECEIVED", verifiedAt: now, dueAt: due?.dueDate ?? null },
  });
  await recordEvent(tx, {
    requestId: request.id,
    ...(vouchedBy ? { actorType: "STAFF" as const, actorId: vouchedBy.staffId } : { actorType: "REQUESTER" as const }),
    action: "request.verified",
    fromStatus: "PENDING_VERIFICATION",
    toStatus: "RECEIVED",
    visibility: "PUBLIC",
    data: { dueDate: due?.dueDate.toISOString().slice(0, 10) ?? null, ...(vouchedBy ? { vouchedBy: vouchedBy.channel } : {}) },
    at: now,
  });
  await flagPossibleDuplicate(tx, request, now);
  // A part for a customer is announced by its own email, which says who controls the data.
  const routing = await routeRequestInTransaction(tx, request.id, now);
  if (!due || routing.requesterNotified) return;
  for (const addressee of await addresseesOf(tx, request.id)) {
    const token = await mintStatusToken(tx, request.id, now, addressee.holder);
    await enqueueEmail(tx, {
      requestId: request.id,
      template: "request-acknowledged",
      to: addressee.to,
      props: {
        org,
        reference: request.reference,
        requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
        receivedAt: request.receivedAt.toISOString(),
        dueDate: due.dueDate.toISOString().slice(0, 10),
        regimeLabel: REGIMES[request.jurisdiction].label,
        statusUrl: absoluteUrl(statusPath(token)),
        verificationRequired: true,
      },
    });
  }
}
