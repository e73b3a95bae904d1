import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationDetails } from "@/lib/organization/types";
import { enqueueEmail } from "@/lib/mail/outbox";
import { recordEvent } from "@/lib/requests/events";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl } from "@/lib/requests/status-token";
import { hashToken, newToken } from "@/lib/security/tokens";
import { readHandling } from "@/lib/organization/handling";
import { identityHoldsBack } from "@/lib/verification/identity/flow";
import { markVerified, type VouchedBy } from "@/lib/verification/mark-verified";

// A request someone files for another person goes ahead (PENDING_VERIFICATION -> RECEIVED) once:
// - the person who filed proved their own address (the request's verification challenge);
// - for an authorized agent (CCPA 11 CCR 7063(a)): the consumer's signed permission is uploaded,
//   and the consumer confirmed directly, from their own inbox, that they gave it.
// A parent's request goes ahead on the parent's address alone; the officer asks for proof of
// parental responsibility when needed (ask for information, then the status page's upload).
// Until then it closes unconfirmed at UNVERIFIED_EXPIRY_DAYS (lib/organization/handling.ts) like any other.

export type Awaited = "REPRESENTATIVE_EMAIL" | "SIGNED_PERMISSION" | "SUBJECT_CONFIRMATION" | "IDENTITY_ANSWERS";

/**
 * What a request still waits for before it counts as verified, beyond its own email check: the
 * representation's steps, then the identity questions once they are asked (lib/verification/identity).
 */
export async function awaitedFor(tx: Prisma.TransactionClient, requestId: string): Promise<Awaited[]> {
  const awaited = await representationAwaited(tx, requestId);
  const request = await tx.request.findUnique({ where: { id: requestId }, select: { identityCheck: true } });
  if (request?.identityCheck === "AWAITING_ANSWERS" || request?.identityCheck === "CHECKING") awaited.push("IDENTITY_ANSWERS");
  return awaited;
}

async function representationAwaited(tx: Prisma.TransactionClient, requestId: string): Promise<Awaited[]> {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: {
      submittedBy: true,
      representative: { select: { emailConfirmedAt: true, subjectConfirmedAt: true } },
      documents: { where: { kind: "SIGNED_PERMISSION", ciphertext: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  const rep = request?.representative;
  if (!request || request.submittedBy === "SELF" || !rep) return [];
  const awaited: Awaited[] = [];
  if (!rep.emailConfirmedAt) awaited.push("REPRESENTATIVE_EMAIL");
  if (request.submittedBy === "AGENT") {
    if (request.documents.length === 0) awaited.push("SIGNED_PERMISSION");
    if (!rep.subjectConfirmedAt) awaited.push("SUBJECT_CONFIRMATION");
  }
  return awaited;
}

/**
 * Verifies the request if it is still pending and waits for nothing more; when only the higher
 * standard of verification is left, asks its questions first. Returns whether it verified it.
 */
export async function advanceIfReady(
  tx: Prisma.TransactionClient,
  requestId: string,
  org: OrganizationDetails,
  now: Date,
  vouchedBy?: VouchedBy,
): Promise<boolean> {
  const request = await tx.request.findUnique({ where: { id: requestId }, select: { status: true } });
  if (request?.status !== "PENDING_VERIFICATION") return false;
  if ((await representationAwaited(tx, requestId)).length > 0) return false;
  if (await identityHoldsBack(tx, requestId, org, now)) return false;
  await markVerified(tx, requestId, org, now, vouchedBy);
  return true;
}

/**
 * The person who filed for someone else confirmed their address. Records it and, for an agent,
 * asks the consumer to confirm (once). Returns false for a request filed for oneself, which the
 * caller verifies as before; true when this handled it (verified now, or still waiting).
 */
export async function representativeConfirmed(tx: Prisma.TransactionClient, requestId: string, org: OrganizationDetails, now: Date): Promise<boolean> {
  const rep = await tx.representative.findUnique({
    where: { requestId },
    select: {
      subjectAskedAt: true,
      name: true,
      organisation: true,
      request: { select: { submittedBy: true, reference: true, type: true, receivedAt: true, requesterEmail: true } },
    },
  });
  if (!rep || rep.request.submittedBy === "SELF") return false;
  await tx.representative.update({ where: { requestId }, data: { emailConfirmedAt: now } });
  await recordEvent(tx, {
    requestId,
    actorType: "REQUESTER",
    action: "representation.email_confirmed",
    visibility: "PUBLIC",
    data: { submittedBy: rep.request.submittedBy },
    at: now,
  });
  const { request } = rep;
  if (request.submittedBy === "AGENT" && !rep.subjectAskedAt && request.requesterEmail) {
    const token = newToken();
    const closesAt = new Date(request.receivedAt.getTime() + (await readHandling(tx)).unverifiedExpiryDays * 86_400_000);
    await tx.requestToken.create({
      data: { requestId, purpose: "SUBJECT_CONFIRM", holder: "SUBJECT", tokenHash: hashToken(token), expiresAt: closesAt, createdAt: now },
    });
    await tx.representative.update({ where: { requestId }, data: { subjectAskedAt: now } });
    await enqueueEmail(tx, {
      requestId,
      template: "agent-request-confirm",
      to: request.requesterEmail,
      props: {
        org,
        reference: request.reference,
        requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
        agentName: rep.name ?? "Someone",
        agentOrganisation: rep.organisation,
        confirmUrl: absoluteUrl(subjectConfirmPath(token)),
        closesAt: closesAt.toISOString(),
      },
    });
    await recordEvent(tx, { requestId, actorType: "SYSTEM", action: "representation.subject_asked", visibility: "PUBLIC", at: now });
  }
  await advanceIfReady(tx, requestId, org, now);
  return true;
}

export function subjectConfirmPath(token: string): string {
  return `/requests/confirm/${token}`;
}
