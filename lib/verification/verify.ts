import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType, Jurisdiction } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { computeDueDate, REGIMES } from "@/lib/requests/deadlines";
import { recordEvent } from "@/lib/requests/events";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { routeRequestInTransaction } from "@/lib/referrals/refer";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import type { OrganizationDetails } from "@/lib/organization/types";
import { MAX_ATTEMPTS } from "@/lib/verification/challenge";
import { hashCode, hashToken, safeEqualHex } from "@/lib/security/tokens";

export type VerifyFailureCode = "INVALID_CODE" | "EXPIRED" | "LOCKED" | "SUPERSEDED" | "ALREADY_VERIFIED" | "NOT_FOUND";
export type VerifyResult =
  | { ok: true; statusPath: string }
  | { ok: false; code: VerifyFailureCode; attemptsLeft?: number };

type ChallengeRow = {
  id: string;
  request_id: string;
  code_hash: string;
  expires_at: Date;
  attempts: number;
  locked_at: Date | null;
  consumed_at: Date | null;
  superseded_at: Date | null;
  status: RequestStatus;
};

const CHALLENGE_COLUMNS = `c.id, c.request_id, c.code_hash, c.expires_at, c.attempts, c.locked_at, c.consumed_at, c.superseded_at, r.status`;

/** Checks a 6-digit code against the newest challenge. Wrong codes count, and lock at the fifth. */
export async function verifyByCode(requestId: string, code: string, now = new Date()): Promise<VerifyResult> {
  const secret = getEnv().APP_SECRET;
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(async (tx) => {
    // The row lock makes concurrent guesses count one after another, so five is really five.
    const [challenge] = await tx.$queryRawUnsafe<ChallengeRow[]>(
      `SELECT ${CHALLENGE_COLUMNS} FROM verification_challenges c JOIN requests r ON r.id = c.request_id
       WHERE c.request_id = $1::uuid AND c.superseded_at IS NULL
       ORDER BY c.created_at DESC LIMIT 1 FOR UPDATE OF c`,
      requestId,
    );
    if (!challenge) return { ok: false, code: "NOT_FOUND" } as const;
    const refused = refusal(challenge, now);
    if (refused) return refused;
    if (safeEqualHex(hashCode(secret, challenge.id, code), challenge.code_hash)) {
      return complete(tx, challenge, org, now);
    }
    const attempts = challenge.attempts + 1;
    const locked = attempts >= MAX_ATTEMPTS;
    await tx.verificationChallenge.update({
      where: { id: challenge.id },
      data: { attempts, lockedAt: locked ? now : null },
    });
    if (locked) {
      await recordEvent(tx, {
        requestId: challenge.request_id,
        actorType: "SYSTEM",
        action: "verification.locked",
        visibility: "INTERNAL",
        data: { attempts },
        at: now,
      });
      return { ok: false, code: "LOCKED" } as const;
    }
    return { ok: false, code: "INVALID_CODE", attemptsLeft: MAX_ATTEMPTS - attempts } as const;
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}

/** The one-click link from the email: single use, and only the newest email's link works. */
export async function verifyByLink(linkToken: string, now = new Date()): Promise<VerifyResult> {
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(async (tx) => {
    const [challenge] = await tx.$queryRawUnsafe<ChallengeRow[]>(
      `SELECT ${CHALLENGE_COLUMNS} FROM verification_challenges c JOIN requests r ON r.id = c.request_id
       WHERE c.link_token_hash = $1 FOR UPDATE OF c`,
      hashToken(linkToken),
    );
    if (!challenge) return { ok: false, code: "NOT_FOUND" } as const;
    return refusal(challenge, now) ?? complete(tx, challenge, org, now);
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}

function refusal(challenge: ChallengeRow, now: Date): VerifyResult | null {
  if (challenge.status !== "PENDING_VERIFICATION" || challenge.consumed_at) return { ok: false, code: "ALREADY_VERIFIED" };
  if (challenge.superseded_at) return { ok: false, code: "SUPERSEDED" };
  if (challenge.locked_at) return { ok: false, code: "LOCKED" };
  if (challenge.expires_at.getTime() <= now.getTime()) return { ok: false, code: "EXPIRED" };
  return null;
}

/**
 * Marks the request verified, starts the clock where the law starts it then, and acknowledges.
 * Everything it reads comes through `tx`: a query on another connection while this transaction
 * holds its locks would wait on it (and on single-session PGlite, deadlock).
 */
async function complete(tx: Prisma.TransactionClient, challenge: ChallengeRow, org: OrganizationDetails, now: Date): Promise<VerifyResult> {
  await tx.verificationChallenge.update({ where: { id: challenge.id }, data: { consumedAt: now } });
  const request = await tx.request.findUniqueOrThrow({
    where: { id: challenge.request_id },
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
    actorType: "REQUESTER",
    action: "request.verified",
    fromStatus: "PENDING_VERIFICATION",
    toStatus: "RECEIVED",
    visibility: "PUBLIC",
    data: { dueDate: due?.dueDate.toISOString().slice(0, 10) ?? null },
    at: now,
  });
  const token = await mintStatusToken(tx, request.id);
  // A part for a customer is announced by its own email, which says who controls the data.
  const routing = await routeRequestInTransaction(tx, request.id, now);
  if (request.requesterEmail && due && !routing.requesterNotified) {
    await enqueueEmail(tx, {
      requestId: request.id,
      template: "request-acknowledged",
      to: request.requesterEmail,
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
  return { ok: true, statusPath: statusPath(token) };
}
