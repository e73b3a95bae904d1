import type { RequestStatus } from "@/lib/generated/prisma/enums";

export type VerifyFailureCode =
  | "INVALID_CODE"
  | "EXPIRED"
  | "LOCKED"
  | "CODES_LOCKED"
  | "RATE_LIMITED"
  | "SUPERSEDED"
  | "ALREADY_VERIFIED"
  | "NOT_FOUND";

/** What decides whether a challenge can still confirm its request: the challenge and its request. */
export type ChallengeState = {
  status: RequestStatus;
  verifiedAt: Date | null;
  codeLockedAt: Date | null;
  consumedAt: Date | null;
  supersededAt: Date | null;
  lockedAt: Date | null;
  expiresAt: Date;
};

/**
 * Why a challenge cannot confirm its request now, or null if it can. The locks stop guessing of
 * codes only: a link carries a 256-bit secret, so it still works after too many wrong codes.
 */
export function refusalOf(challenge: ChallengeState, now: Date, by: "code" | "link"): VerifyFailureCode | null {
  if (challenge.verifiedAt || challenge.consumedAt) return "ALREADY_VERIFIED";
  // Closed unconfirmed after 7 days: its codes and links are long expired.
  if (challenge.status !== "PENDING_VERIFICATION") return "EXPIRED";
  if (challenge.supersededAt) return "SUPERSEDED";
  if (by === "code" && challenge.codeLockedAt) return "CODES_LOCKED";
  if (by === "code" && challenge.lockedAt) return "LOCKED";
  if (challenge.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return null;
}
