import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/requests/events";
import { UNVERIFIED_EXPIRY_DAYS } from "@/lib/verification/challenge";

const BATCH = 200;

/**
 * Closes requests whose email was never confirmed within 7 days and erases what the person typed
 * (name, email, details, workspace) and any email to them still waiting in the outbox: we could
 * never tie it to them, so we keep only the bare record.
 * Returns how many were closed.
 */
export async function expireUnverifiedRequests(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNVERIFIED_EXPIRY_DAYS * 86_400_000);
  const stale = await db.request.findMany({
    where: { status: "PENDING_VERIFICATION", receivedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  let closed = 0;
  for (const { id } of stale) {
    const done = await db.$transaction(async (tx) => {
      // Re-check inside the transaction: the person may have verified a moment ago.
      const changed = await tx.request.updateMany({
        where: { id, status: "PENDING_VERIFICATION" },
        data: {
          status: "CLOSED_UNVERIFIED",
          closedAt: now,
          erasedAt: now,
          requesterName: null,
          requesterEmail: null,
          workspaceReference: null,
          companyEmail: null,
          details: {},
        },
      });
      if (changed.count === 0) return false;
      await tx.verificationChallenge.updateMany({ where: { requestId: id, consumedAt: null, supersededAt: null }, data: { supersededAt: now } });
      // Its emails not yet delivered hold the address and the links in their payload: wipe them,
      // and mark them DEAD ("ERASED") so no worker sends them. A row a worker holds mid-send
      // becomes DEAD too; that worker's outcome then changes nothing (its updates need SENDING).
      // The rows stay, as the record that an email was queued and deliberately not sent.
      await tx.emailOutbox.updateMany({
        where: { requestId: id, status: { in: ["PENDING", "SENDING"] } },
        data: { status: "DEAD", payload: null, lockedUntil: null, lastError: "ERASED" },
      });
      await recordEvent(tx, {
        requestId: id,
        actorType: "SYSTEM",
        action: "request.closed_unverified",
        fromStatus: "PENDING_VERIFICATION",
        toStatus: "CLOSED_UNVERIFIED",
        visibility: "PUBLIC",
        data: { afterDays: UNVERIFIED_EXPIRY_DAYS },
        at: now,
      });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
