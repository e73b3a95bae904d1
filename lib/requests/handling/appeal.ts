import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addresseesOf } from "@/lib/representation/addressees";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { computeDueDate, computeReceiptDueDate, REGIMES } from "@/lib/requests/deadlines";
import { recordEvent } from "@/lib/requests/events";
import { isoDay, lockRequest, requestIdForStatusToken } from "@/lib/requests/handling/load";
import { parseInput, ReasonInputSchema, type ReasonInput } from "@/lib/requests/handling/schema";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { appealRefusal, refuse } from "@/lib/requests/lifecycle";
import { newReference } from "@/lib/requests/reference";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { getSubmissionContext } from "@/lib/requests/submission-context";

export type AppealOutcome = { requestId: string; reference: string; statusPath: string };

/**
 * The requester appeals a refusal from the status page of the denied request. The appeal is a new
 * request of type APPEAL, linked by appealOfId, with the requester's details copied and its own
 * deadline (60 days under the US state laws). Holding the private status link is the proof of
 * identity the original verification gave, so it starts verified. Returns the appeal's own status
 * path, also emailed with the acknowledgement.
 * Throws NOT_FOUND (unknown link), INVALID_INPUT, APPEAL_NOT_AVAILABLE (not denied, or the law
 * gives no appeal, or it is itself an appeal), APPEAL_ALREADY_OPEN (one appeal per request).
 */
export async function appealDecision(statusToken: string, input: ReasonInput, now = new Date()): Promise<AppealOutcome> {
  const { reason } = parseInput(ReasonInputSchema, input);
  const { org, policyVersionId } = await getSubmissionContext(db);
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      const outcome = await db.$transaction(async (tx) => {
        const originalId = await requestIdForStatusToken(tx, statusToken, now);
        // The lock makes a second, concurrent appeal wait and then see the first.
        await lockRequest(tx, originalId);
        const original = await tx.request.findUniqueOrThrow({
          where: { id: originalId },
          select: {
            id: true,
            reference: true,
            type: true,
            status: true,
            jurisdiction: true,
            requesterName: true,
            requesterEmail: true,
            country: true,
            region: true,
            relationship: true,
            workspaceReference: true,
            route: true,
            submittedBy: true,
            representative: true,
            _count: { select: { appeals: true } },
          },
        });
        const refused = appealRefusal({ ...original, appeals: original._count.appeals });
        if (refused) throw refuse(refused);

        const timeZone = org.timeZone;
        const due = computeDueDate({ jurisdiction: original.jurisdiction, type: "APPEAL", receivedAt: now, verifiedAt: now, timeZone });
        if (!due) throw new Error("An appeal starts verified, so its clock must run");
        const appeal = await tx.request.create({
          data: {
            reference,
            type: "APPEAL",
            status: "RECEIVED",
            requesterName: original.requesterName,
            requesterEmail: original.requesterEmail,
            country: original.country,
            region: original.region,
            jurisdiction: original.jurisdiction,
            relationship: original.relationship,
            workspaceReference: original.workspaceReference,
            // What the requester wrote is personal content: it belongs with their other details.
            details: { reason },
            policyVersionId,
            receivedAt: now,
            verifiedAt: now,
            // An appeal is of our own decision: the privacy team answers it, never a customer, so it
            // is routed to the team from the start rather than waiting for routing (issue 13, point 8).
            route: "OPERATOR",
            dueAt: due.dueDate,
            receiptDueAt: computeReceiptDueDate({ jurisdiction: original.jurisdiction, type: "APPEAL", receivedAt: now, timeZone }),
            appealOfId: original.id,
            // An agent's or parent's appeal stays theirs, with what they had already proved.
            submittedBy: original.submittedBy,
          },
          select: { id: true },
        });
        if (original.representative) {
          const { requestId: _, ...representation } = original.representative;
          await tx.representative.create({ data: { ...representation, requestId: appeal.id } });
        }
        await recordEvent(tx, {
          requestId: appeal.id,
          actorType: "REQUESTER",
          action: "request.submitted",
          toStatus: "RECEIVED",
          visibility: "PUBLIC",
          data: { type: "APPEAL", jurisdiction: original.jurisdiction, relationship: original.relationship, appealOf: original.reference },
          at: now,
        });
        await recordEvent(tx, {
          requestId: appeal.id,
          actorType: "SYSTEM",
          action: "request.routed",
          visibility: "INTERNAL",
          data: { route: "OPERATOR", appealOf: original.reference },
          at: now,
        });
        await recordEvent(tx, {
          requestId: original.id,
          actorType: "REQUESTER",
          action: "request.appealed",
          fromStatus: original.status,
          toStatus: original.status,
          visibility: "PUBLIC",
          data: { appealRequestId: appeal.id, appealReference: reference },
          at: now,
        });
        const token = await mintStatusToken(tx, appeal.id);
        for (const addressee of await addresseesOf(tx, appeal.id)) {
          const link = addressee.holder === "REQUESTER" ? token : await mintStatusToken(tx, appeal.id, now, addressee.holder);
          await enqueueEmail(tx, {
            requestId: appeal.id,
            template: "request-acknowledged",
            to: addressee.to,
            props: {
              org,
              reference,
              requestTypeLabel: REQUEST_TYPE_LABELS.APPEAL,
              receivedAt: now.toISOString(),
              dueDate: isoDay(due.dueDate),
              regimeLabel: REGIMES[original.jurisdiction].label,
              statusUrl: absoluteUrl(statusPath(link)),
              verificationRequired: false,
            },
          });
        }
        return { requestId: appeal.id, reference, statusPath: statusPath(token) };
      });
      wakeOutboxWorker();
      return outcome;
    } catch (error) {
      // A reference collision (40 random bits) is rare; draw another.
      const collided = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collided || attempt >= 2) throw error;
    }
  }
}
