import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { advanceIfReady, representativeConfirmed } from "@/lib/representation/progress";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import type { OrganizationDetails } from "@/lib/organization/types";
import { consumeLimits, releaseLimit, type Limit } from "@/lib/rate-limit/limit";
import { MAX_ATTEMPTS } from "@/lib/verification/challenge";
import { refusalOf, type VerifyFailureCode } from "@/lib/verification/refusal";
import { hashCode, hashToken, safeEqualHex } from "@/lib/security/tokens";

export type VerifyResult =
  | { ok: true; statusPath: string }
  | { ok: false; code: VerifyFailureCode; attemptsLeft?: number; retryAfterSeconds?: number };

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
  verified_at: Date | null;
  code_locked_at: Date | null;
  code_failures: number;
};

const CHALLENGE_SELECT = `SELECT c.id, c.request_id, c.code_hash, c.expires_at, c.attempts, c.locked_at, c.consumed_at,
       c.superseded_at, r.status, r.verified_at, r.code_locked_at, r.code_failures
  FROM verification_challenges c JOIN requests r ON r.id = c.request_id`;

function refusal(challenge: ChallengeRow, now: Date, by: "code" | "link"): VerifyResult | null {
  const code = refusalOf(
    {
      status: challenge.status,
      verifiedAt: challenge.verified_at,
      codeLockedAt: challenge.code_locked_at,
      consumedAt: challenge.consumed_at,
      supersededAt: challenge.superseded_at,
      lockedAt: challenge.locked_at,
      expiresAt: challenge.expires_at,
    },
    now,
    by,
  );
  return code ? { ok: false, code } : null;
}

/**
 * Locks the request's row first, as resending does, so guesses, links and resends of one request
 * run one after another: wrong codes count exactly, and no two of them deadlock.
 */
async function lockRequest(tx: Prisma.TransactionClient, requestId: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT id FROM requests WHERE id = $1::uuid FOR UPDATE`, requestId);
  return rows.length > 0;
}

/**
 * Checks a 6-digit code against the newest challenge. Wrong codes count three ways: per challenge
 * (the fifth locks that code), per request across every code sent for it (at
 * VERIFICATION_MAX_WRONG_CODES, codes stop working for the request; its link still works), and
 * per client address across requests (RATE_LIMIT_WRONG_CODES_PER_IP_PER_HOUR).
 */
export async function verifyByCode(
  requestId: string,
  code: string,
  context: { ip?: string | null; now?: Date } = {},
): Promise<VerifyResult> {
  const env = getEnv();
  const now = context.now ?? clockNow();
  // Taken before the code is checked, so concurrent guesses cannot overrun it; given back unless
  // the code turns out wrong.
  const perAddress: Limit | null = context.ip
    ? { name: "wrong-code-ip", subject: context.ip, max: env.RATE_LIMIT_WRONG_CODES_PER_IP_PER_HOUR, windowSeconds: 3600 }
    : null;
  if (perAddress) {
    const limited = await consumeLimits(db, env.APP_SECRET, [perAddress], now);
    if (!limited.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: limited.retryAfterSeconds };
  }
  let wrongCode = false;
  try {
    const { org } = await getSubmissionContext(db);
    const result = await db.$transaction(async (tx): Promise<VerifyResult> => {
      if (!(await lockRequest(tx, requestId))) return { ok: false, code: "NOT_FOUND" };
      const [challenge] = await tx.$queryRawUnsafe<ChallengeRow[]>(
        `${CHALLENGE_SELECT} WHERE c.request_id = $1::uuid AND c.superseded_at IS NULL ORDER BY c.created_at DESC LIMIT 1`,
        requestId,
      );
      if (!challenge) return { ok: false, code: "NOT_FOUND" };
      const refused = refusal(challenge, now, "code");
      if (refused) return refused;
      if (safeEqualHex(hashCode(env.APP_SECRET, challenge.id, code), challenge.code_hash)) {
        return complete(tx, challenge, org, now);
      }
      wrongCode = true;
      return recordWrongCode(tx, challenge, env.VERIFICATION_MAX_WRONG_CODES, now);
    });
    if (result.ok) wakeOutboxWorker();
    return result;
  } finally {
    if (perAddress && !wrongCode) await releaseLimit(db, env.APP_SECRET, perAddress, now);
  }
}

/** Counts a wrong code on its challenge and on its request, locking either when it runs out. */
async function recordWrongCode(
  tx: Prisma.TransactionClient,
  challenge: ChallengeRow,
  maxWrongCodes: number,
  now: Date,
): Promise<VerifyResult> {
  const attempts = challenge.attempts + 1;
  const challengeLocked = attempts >= MAX_ATTEMPTS;
  await tx.verificationChallenge.update({
    where: { id: challenge.id },
    data: { attempts, lockedAt: challengeLocked ? now : null },
  });
  const [counted] = await tx.$queryRawUnsafe<{ code_failures: number; code_locked_at: Date | null }[]>(
    `UPDATE requests SET code_failures = code_failures + 1,
            code_locked_at = CASE WHEN code_failures + 1 >= $2::int THEN $3::timestamp ELSE code_locked_at END
      WHERE id = $1::uuid RETURNING code_failures, code_locked_at`,
    challenge.request_id,
    maxWrongCodes,
    now,
  );
  const { code_failures: failures, code_locked_at: requestLockedAt } = counted!;
  const requestId = challenge.request_id;
  if (challengeLocked) {
    await recordEvent(tx, { requestId, actorType: "SYSTEM", action: "verification.locked", visibility: "INTERNAL", data: { attempts }, at: now });
  }
  if (requestLockedAt) {
    await recordEvent(tx, {
      requestId,
      actorType: "SYSTEM",
      action: "verification.codes_locked",
      visibility: "INTERNAL",
      data: { wrongCodes: failures },
      at: now,
    });
    return { ok: false, code: "CODES_LOCKED" };
  }
  if (challengeLocked) return { ok: false, code: "LOCKED" };
  return { ok: false, code: "INVALID_CODE", attemptsLeft: Math.min(MAX_ATTEMPTS - attempts, maxWrongCodes - failures) };
}

/** The link from the email: single use, only the newest email's link works, and it needs a button press (POST). */
export async function verifyByLink(linkToken: string, now = clockNow()): Promise<VerifyResult> {
  const { org } = await getSubmissionContext(db);
  const tokenHash = hashToken(linkToken);
  const result = await db.$transaction(async (tx): Promise<VerifyResult> => {
    const [owner] = await tx.$queryRawUnsafe<{ request_id: string }[]>(
      `SELECT request_id FROM verification_challenges WHERE link_token_hash = $1`,
      tokenHash,
    );
    if (!owner || !(await lockRequest(tx, owner.request_id))) return { ok: false, code: "NOT_FOUND" };
    const [challenge] = await tx.$queryRawUnsafe<ChallengeRow[]>(`${CHALLENGE_SELECT} WHERE c.link_token_hash = $1`, tokenHash);
    if (!challenge) return { ok: false, code: "NOT_FOUND" };
    return refusal(challenge, now, "link") ?? complete(tx, challenge, org, now);
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}

/**
 * The code or link was right: the address is confirmed. A request filed for oneself is verified
 * now; one filed by an agent or a parent goes on to what it still waits for
 * (lib/representation/progress.ts). Everything it reads comes through `tx`: a query on another
 * connection while this transaction holds its locks would wait on it (and on single-session
 * PGlite, deadlock).
 */
async function complete(tx: Prisma.TransactionClient, challenge: ChallengeRow, org: OrganizationDetails, now: Date): Promise<VerifyResult> {
  await tx.verificationChallenge.update({ where: { id: challenge.id }, data: { consumedAt: now } });
  if (!(await representativeConfirmed(tx, challenge.request_id, org, now))) await advanceIfReady(tx, challenge.request_id, org, now);
  return { ok: true, statusPath: statusPath(await mintStatusToken(tx, challenge.request_id, now)) };
}
