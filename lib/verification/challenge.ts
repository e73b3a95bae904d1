import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashCode, hashToken, newCode, newToken } from "@/lib/security/tokens";

export const CODE_TTL_MINUTES = 15;
export const MAX_ATTEMPTS = 5;
export const RESEND_COOLDOWN_SECONDS = 60;
export const MAX_SENDS_PER_HOUR = 5;

/** A challenge's secrets (for the email) and what is stored of them (hashes). */
export type NewChallenge = {
  id: string;
  code: string;
  linkToken: string;
  codeHash: string;
  linkTokenHash: string;
  expiresAt: Date;
};

/** Draws a code and link. The id is drawn here too because it salts the code's hash. */
export function newChallenge(secret: string, now: Date, ttlMinutes = CODE_TTL_MINUTES): NewChallenge {
  const id = randomUUID();
  const code = newCode();
  const linkToken = newToken();
  return {
    id,
    code,
    linkToken,
    codeHash: hashCode(secret, id, code),
    linkTokenHash: hashToken(linkToken),
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
  };
}

/**
 * Issues a fresh code and link for a request and retires any earlier ones, so only the newest
 * email works. Returns the secrets for the email; only their hashes are stored.
 */
export async function issueChallenge(
  tx: Prisma.TransactionClient,
  secret: string,
  requestId: string,
  now: Date,
  ttlMinutes = CODE_TTL_MINUTES,
): Promise<{ code: string; linkToken: string; expiresAt: Date }> {
  await tx.verificationChallenge.updateMany({
    where: { requestId, supersededAt: null, consumedAt: null },
    data: { supersededAt: now },
  });
  const { id, code, linkToken, codeHash, linkTokenHash, expiresAt } = newChallenge(secret, now, ttlMinutes);
  await tx.verificationChallenge.create({ data: { id, requestId, codeHash, linkTokenHash, expiresAt, createdAt: now } });
  return { code, linkToken, expiresAt };
}

export function verifyLinkPath(linkToken: string): string {
  return `/requests/verify/link/${linkToken}`;
}
