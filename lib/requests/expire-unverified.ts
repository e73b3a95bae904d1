import "server-only";
import { db } from "@/lib/db";
import { erasePersonalFields } from "@/lib/requests/erase-personal";
import { recordEvent } from "@/lib/requests/events";
import { readHandling } from "@/lib/organization/handling";

const BATCH = 200;

/**
 * Closes requests whose email was never confirmed within UNVERIFIED_EXPIRY_DAYS (7, or as Settings →
 * Request handling says; a change applies to every request still waiting) and erases what the person typed
 * (name, email, details, workspace) and any email to them still waiting in the outbox: we could
 * never tie it to them, so we keep only the bare record.
 * Returns how many were closed.
 */
export async function expireUnverifiedRequests(now = new Date()): Promise<number> {
  const afterDays = (await readHandling(db)).unverifiedExpiryDays;
  const cutoff = new Date(now.getTime() - afterDays * 86_400_000);
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
        data: { status: "CLOSED_UNVERIFIED", closedAt: now },
      });
      if (changed.count === 0) return false;
      // We could never tie it to them, so we keep only the bare record.
      await erasePersonalFields(tx, id, now);
      await recordEvent(tx, {
        requestId: id,
        actorType: "SYSTEM",
        action: "request.closed_unverified",
        fromStatus: "PENDING_VERIFICATION",
        toStatus: "CLOSED_UNVERIFIED",
        visibility: "PUBLIC",
        data: { afterDays },
        at: now,
      });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
