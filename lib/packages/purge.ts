import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recordEvent } from "@/lib/requests/events";

const DAY_MS = 86_400_000;
const BATCH = 50;
// A housekeeping run purges at most this many batches; the rest wait for the next run.
const MAX_BATCHES = 20;

/**
 * Deletes the bytes of data packages (the sealed file, or its parts) PACKAGE_PURGE_GRACE_DAYS after their download link expired:
 * the requester's answers and the workspace exports sent to customers alike. The package row stays
 * (name, size, checksum, dates) with `purged_at` set, and the request's timeline records each
 * purge. A requester's package is offered only once its request is completed, so one on a request
 * still open is never purged, and one on a request closed otherwise (denied) is purged the same
 * grace period after the request closed. Returns how many were purged.
 */
export async function purgeExpiredPackages(now = clockNow()): Promise<number> {
  const graceDays = getEnv().PACKAGE_PURGE_GRACE_DAYS;
  const cutoff = new Date(now.getTime() - graceDays * DAY_MS);
  let purged = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await db.dataPackage.findMany({
      where: {
        purgedAt: null,
        expiresAt: { lt: cutoff },
        OR: [{ referralId: { not: null } }, { request: { closedAt: { lt: cutoff } } }],
      },
      select: { id: true, requestId: true, referralId: true, expiresAt: true, request: { select: { status: true } } },
      orderBy: { expiresAt: "asc" },
      take: BATCH,
    });
    if (due.length === 0) break;
    purged += await db.$transaction(async (tx) => {
      let count = 0;
      for (const p of due) {
        // Guarded, so two housekeeping runs at once (two app instances) purge and record it once.
        const changed = await tx.dataPackage.updateMany({ where: { id: p.id, purgedAt: null }, data: { ciphertext: null, purgedAt: now } });
        if (changed.count === 0) continue;
        // An assembled package's bytes are its parts (lib/packages/parts.ts).
        await tx.dataPackagePart.deleteMany({ where: { packageId: p.id } });
        await recordEvent(tx, {
          requestId: p.requestId,
          actorType: "SYSTEM",
          action: "package.purged",
          fromStatus: p.request.status,
          toStatus: p.request.status,
          visibility: "INTERNAL",
          // No file name: staff may name a file after the person.
          data: { packageId: p.id, workspaceExport: p.referralId !== null, linkExpiredAt: p.expiresAt.toISOString(), graceDays },
          at: now,
        });
        count++;
      }
      return count;
    });
    if (due.length < BATCH) break;
  }
  return purged;
}
