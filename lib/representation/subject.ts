import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { erasePersonalFields } from "@/lib/requests/erase-personal";
import { recordEvent } from "@/lib/requests/events";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { hashToken } from "@/lib/security/tokens";
import { advanceIfReady } from "@/lib/representation/progress";

// The consumer an authorized agent filed for confirms or refuses from the link in their own
// inbox (CCPA 11 CCR 7063(a)(2)). The link works once, until the request would close unconfirmed.

export type SubjectConfirmation = {
  reference: string;
  requestTypeLabel: string;
  agentName: string;
  agentOrganisation: string | null;
};

type Found = { requestId: string; tokenId: string };

async function findLink(client: Prisma.TransactionClient, token: string, at: Date): Promise<Found | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await client.requestToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, requestId: true, purpose: true, expiresAt: true, revokedAt: true, request: { select: { status: true } } },
  });
  if (!found || found.purpose !== "SUBJECT_CONFIRM" || found.revokedAt) return null;
  if ((found.expiresAt && found.expiresAt <= at) || found.request.status !== "PENDING_VERIFICATION") return null;
  return { requestId: found.requestId, tokenId: found.id };
}

/** What the confirmation page shows, or null for a link that is unknown, used, expired or whose request has closed. */
export async function subjectConfirmationView(token: string, at: Date = clockNow()): Promise<SubjectConfirmation | null> {
  const link = await findLink(db, token, at);
  if (!link) return null;
  const request = await db.request.findUnique({
    where: { id: link.requestId },
    select: { reference: true, type: true, representative: { select: { name: true, organisation: true } } },
  });
  if (!request?.representative?.name) return null;
  return {
    reference: request.reference,
    requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
    agentName: request.representative.name,
    agentOrganisation: request.representative.organisation,
  };
}

export type SubjectDecision = "CONFIRM" | "REFUSE";
export type SubjectOutcome = { ok: true; decision: SubjectDecision; statusPath: string | null } | { ok: false };

/**
 * Records the consumer's answer. CONFIRM: the request goes ahead once nothing else is missing, and
 * the consumer gets their own status link. REFUSE: the request closes unverified, what was typed
 * about the consumer and the agent is erased as for any unconfirmed request, and the agent is told.
 */
export async function decideAsSubject(token: string, decision: SubjectDecision, at: Date = clockNow()): Promise<SubjectOutcome> {
  const { org } = await getSubmissionContext(db);
  const outcome = await db.$transaction(async (tx): Promise<SubjectOutcome> => {
    const unlocked = await findLink(tx, token, at);
    if (!unlocked) return { ok: false };
    await tx.$queryRawUnsafe(`SELECT id FROM requests WHERE id = $1::uuid FOR UPDATE`, unlocked.requestId);
    // Re-read under the lock: the agent's last step, or expiry, may have just changed it.
    const link = await findLink(tx, token, at);
    if (!link) return { ok: false };
    const { requestId } = link;
    await tx.requestToken.update({ where: { id: link.tokenId }, data: { revokedAt: at } });
    if (decision === "CONFIRM") {
      await tx.representative.update({ where: { requestId }, data: { subjectConfirmedAt: at } });
      await recordEvent(tx, { requestId, actorType: "REQUESTER", action: "representation.subject_confirmed", visibility: "PUBLIC", at });
      await advanceIfReady(tx, requestId, org, at);
      return { ok: true, decision, statusPath: statusPath(await mintStatusToken(tx, requestId, at, "SUBJECT")) };
    }
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { reference: true, type: true, representative: { select: { email: true } } },
    });
    await tx.request.update({ where: { id: requestId }, data: { status: "CLOSED_UNVERIFIED", closedAt: at } });
    await recordEvent(tx, {
      requestId,
      actorType: "REQUESTER",
      action: "representation.subject_refused",
      fromStatus: "PENDING_VERIFICATION",
      toStatus: "CLOSED_UNVERIFIED",
      visibility: "PUBLIC",
      at,
    });
    await erasePersonalFields(tx, requestId, at);
    // Queued after the erasure, which stops every email still waiting: this one must go.
    if (request.representative?.email) {
      await enqueueEmail(tx, {
        requestId,
        template: "agent-request-refused",
        to: request.representative.email,
        props: { org, reference: request.reference, requestTypeLabel: REQUEST_TYPE_LABELS[request.type] },
      });
    }
    return { ok: true, decision, statusPath: null };
  });
  if (outcome.ok) wakeOutboxWorker();
  return outcome;
}
