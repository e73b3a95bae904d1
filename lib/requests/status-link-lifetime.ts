// How long a requester's status link works. Decided when the link is read, from the request's own
// close time, so every way a request closes (completed, denied, closed unverified, closed by the
// customer it was referred to) is covered without each of them revoking or dating its links. Pure,
// so the rule is tested without a database.

const DAY_MS = 86_400_000;

export type StatusLinkFacts = {
  /** When the link was minted (a link emailed after the request closed lives from then). */
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** When the request closed; null while it is open. */
  closedAt: Date | null;
  /** The close times of the request's appeals: an open appeal keeps the refused request's page readable. */
  appealsClosedAt: readonly (Date | null)[];
};

/**
 * When the link stops working, or null while it does not expire: the request (or an appeal of it)
 * is still open. A link works until `daysAfterClose` days after the later of the last close (of
 * the request or of its last appeal) and the link's own minting, so a link sent to a requester
 * who outlived their earlier ones lasts as long as the first one did.
 */
export function statusLinkExpiry(
  facts: Pick<StatusLinkFacts, "createdAt" | "closedAt" | "appealsClosedAt">,
  daysAfterClose: number,
): Date | null {
  if (facts.closedAt === null || facts.appealsClosedAt.some((closed) => closed === null)) return null;
  const lastClose = Math.max(facts.closedAt.getTime(), ...facts.appealsClosedAt.map((closed) => closed!.getTime()));
  return new Date(Math.max(lastClose, facts.createdAt.getTime()) + daysAfterClose * DAY_MS);
}

/** Whether the link opens its request's status page at `now`. */
export function statusLinkWorks(facts: StatusLinkFacts, now: Date, daysAfterClose: number): boolean {
  if (facts.revokedAt) return false;
  if (facts.expiresAt && facts.expiresAt.getTime() <= now.getTime()) return false;
  const expiry = statusLinkExpiry(facts, daysAfterClose);
  return expiry === null || now.getTime() < expiry.getTime();
}
