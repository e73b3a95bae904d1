import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/security/tokens";
import { refusalOf } from "@/lib/verification/refusal";

/** The shape of the tokens we mint (lib/security/tokens.ts): anything else is not ours. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

export type LinkView =
  | { state: "pending"; reference: string }
  | { state: "confirmed"; reference: string }
  /** `requestId` while the request still waits, so the person can ask for a new email. */
  | { state: "expired"; reference: string; requestId: string | null }
  | { state: "superseded"; reference: string }
  | { state: "not_found" };

/**
 * What the emailed link's page shows. Only reads: mail scanners open links, so opening one must
 * change nothing; confirming takes the page's button (verifyByLink, a POST). A link already used
 * says so and points to the emails that carry the status link; it never mints a fresh one.
 */
export async function getLinkView(linkToken: string, now = clockNow()): Promise<LinkView> {
  if (!LINK_TOKEN_PATTERN.test(linkToken)) return { state: "not_found" };
  const challenge = await db.verificationChallenge.findUnique({
    where: { linkTokenHash: hashToken(linkToken) },
    select: {
      consumedAt: true,
      supersededAt: true,
      lockedAt: true,
      expiresAt: true,
      request: { select: { id: true, reference: true, status: true, verifiedAt: true, codeLockedAt: true } },
    },
  });
  if (!challenge) return { state: "not_found" };
  const { request } = challenge;
  switch (refusalOf({ ...challenge, ...request }, now, "link")) {
    case null:
      return { state: "pending", reference: request.reference };
    case "ALREADY_VERIFIED":
      return { state: "confirmed", reference: request.reference };
    case "SUPERSEDED":
      return { state: "superseded", reference: request.reference };
    default: {
      const waiting = request.status === "PENDING_VERIFICATION";
      return { state: "expired", reference: request.reference, requestId: waiting ? request.id : null };
    }
  }
}
