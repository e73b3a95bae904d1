import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { erasePersonalFields } from "@/lib/requests/erase-personal";
import { recordEvent } from "@/lib/requests/events";
import { refuseWhileWorkGoesOn } from "@/lib/requests/handling/busy";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { assertTransition } from "@/lib/requests/lifecycle";
import { keyedHash } from "@/lib/security/tokens";

// Spam (issue 11): an officer marks a request as spam. It closes as CLOSED_SPAM without an email
// to the address (which may not be the sender's), what the person typed is erased as for an
// unconfirmed request, and the address, as a keyed hash only, is refused new requests for
// SPAM_BLOCK_DAYS (90). All of it in one transaction, audited under the officer.

const DAY = 86_400_000;

export function blockedSenderHash(secret: string, email: string): string {
  return keyedHash(secret, "blocked-sender", email);
}

/** Marks a request as spam. Returns until when its address is refused. */
export async function markAsSpam(requestId: string, staff: StaffUser, now = new Date()): Promise<{ blockedUntil: Date }> {
  const env = getEnv();
  return db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, requesterEmail: true } });
    const toStatus = assertTransition("markSpam", request.status);
    await refuseWhileWorkGoesOn(tx, requestId);
    const blockedUntil = new Date(now.getTime() + env.SPAM_BLOCK_DAYS * DAY);
    if (request.requesterEmail) {
      const emailHash = blockedSenderHash(env.APP_SECRET, request.requesterEmail);
      await tx.blockedSender.upsert({
        where: { emailHash },
        create: { emailHash, blockedUntil, blockedAt: now, requestId, staffId: staff.id },
        update: { blockedUntil, blockedAt: now, requestId, staffId: staff.id },
      });
    }
    await tx.request.update({ where: { id: requestId }, data: { status: toStatus, closedAt: now } });
    await erasePersonalFields(tx, requestId, now);
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.marked_spam",
      fromStatus: request.status,
      toStatus,
      visibility: "INTERNAL",
      data: { blockedUntil: request.requesterEmail ? blockedUntil.toISOString() : null, blockDays: env.SPAM_BLOCK_DAYS },
      at: now,
    });
    return { blockedUntil };
  });
}

/** Whether new requests from `email` are refused at `now`. */
export async function isBlockedSender(client: Pick<Db, "blockedSender">, secret: string, email: string, now: Date): Promise<boolean> {
  const row = await client.blockedSender.findUnique({ where: { emailHash: blockedSenderHash(secret, email) }, select: { blockedUntil: true } });
  return row !== null && row.blockedUntil > now;
}
