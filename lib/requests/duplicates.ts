import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { StaffUser } from "@/lib/auth/staff";
import { db, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { recordEvent } from "@/lib/requests/events";
import { refuseWhileWorkGoesOn } from "@/lib/requests/handling/busy";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { assertTransition, isUnfinished, refuse, UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";

// Possible duplicates (issue 11). When a request's address is confirmed (or, for an opt-out, when
// it arrives), an unfinished request of the same address and type received within
// DUPLICATE_WINDOW_DAYS (30) is looked for; the new one is flagged as possibly repeating the
// oldest such (requests.duplicate_of_id) and waits for the officer, who either merges it (it
// closes as MERGED and is answered with the earlier one; both status pages say so) or keeps both
// (the flag is cleared). Addresses are compared in their normal form (lib/text/email-address.ts).

const DAY = 86_400_000;

/**
 * Flags `requestId` as a possible duplicate of an earlier unfinished request of the same address
 * and type, in the caller's transaction. Returns the earlier one's reference, or null.
 */
export async function flagPossibleDuplicate(
  tx: Prisma.TransactionClient,
  request: { id: string; type: RequestType; requesterEmail: string | null; receivedAt: Date },
  now: Date,
): Promise<string | null> {
  const windowDays = (await readHandling(tx)).duplicateWindowDays;
  if (windowDays === 0 || !request.requesterEmail || request.type === "APPEAL") return null;
  // The (requester_email) index: one person's requests.
  const earlier = await tx.request.findFirst({
    where: {
      id: { not: request.id },
      requesterEmail: request.requesterEmail,
      type: request.type,
      status: { in: [...UNFINISHED_STATUSES] },
      duplicateOfId: null,
      receivedAt: { gte: new Date(now.getTime() - windowDays * DAY), lte: request.receivedAt },
    },
    select: { id: true, reference: true },
    orderBy: { receivedAt: "asc" },
  });
  if (!earlier) return null;
  await tx.request.update({ where: { id: request.id }, data: { duplicateOfId: earlier.id } });
  await recordEvent(tx, {
    requestId: request.id,
    actorType: "SYSTEM",
    action: "request.duplicate_flagged",
    visibility: "INTERNAL",
    data: { of: earlier.reference },
    at: now,
  });
  return earlier.reference;
}

/** The flagged request and the one it may repeat, locked, with what a merge or a keep needs. */
async function loadPair(tx: Prisma.TransactionClient, requestId: string) {
  await lockRequest(tx, requestId);
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, reference: true, status: true, duplicateOf: { select: { id: true, reference: true, status: true } } },
  });
  if (!request.duplicateOf) throw refuse("NOT_A_DUPLICATE");
  return { ...request, duplicateOf: request.duplicateOf };
}

/**
 * Closes a flagged request as MERGED: it is answered together with the earlier one. Both timelines
 * (and so both status pages) say so. Refused while the earlier one is closed, while a data run of
 * this one is going, or while part of it is with a customer.
 */
export async function mergeDuplicate(requestId: string, staff: StaffUser, now = new Date()): Promise<{ into: string }> {
  return db.$transaction(async (tx) => {
    const request = await loadPair(tx, requestId);
    const toStatus = assertTransition("merge", request.status);
    // Locked too, so it cannot close between this check and the merge.
    await lockRequest(tx, request.duplicateOf.id);
    const into = await tx.request.findUniqueOrThrow({ where: { id: request.duplicateOf.id }, select: { status: true } });
    if (!isUnfinished(into.status)) throw refuse("DUPLICATE_TARGET_CLOSED");
    await refuseWhileWorkGoesOn(tx, requestId);
    await tx.request.update({ where: { id: requestId }, data: { status: toStatus, closedAt: now } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.merged",
      fromStatus: request.status,
      toStatus,
      visibility: "PUBLIC",
      data: { into: request.duplicateOf.reference },
      at: now,
    });
    await recordEvent(tx, {
      requestId: request.duplicateOf.id,
      ...byStaff(staff),
      action: "request.merged_in",
      visibility: "PUBLIC",
      data: { from: request.reference },
      at: now,
    });
    return { into: request.duplicateOf.reference };
  });
}

/** Keeps a flagged request as a request of its own: the flag is cleared, and the decision audited. */
export async function keepBothRequests(requestId: string, staff: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await loadPair(tx, requestId);
    assertTransition("keepBoth", request.status);
    await tx.request.update({ where: { id: requestId }, data: { duplicateOfId: null } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.duplicate_kept",
      visibility: "INTERNAL",
      data: { of: request.duplicateOf.reference },
      at: now,
    });
  });
}

export type EarlierRequest = { id: string; reference: string; type: RequestType; status: RequestStatus; receivedAt: Date; closedAt: Date | null };

export const EARLIER_REQUESTS_LIMIT = 20;
const EVIDENCE_MONTHS = 12;

/**
 * The same address's other requests received in the last 12 months before `before`, newest first:
 * at most EARLIER_REQUESTS_LIMIT of them, and how many there are in all. The evidence for a
 * duplicate, and for "manifestly unfounded or excessive" (GDPR Art. 12(5)).
 */
export async function otherRequestsFrom(
  client: Pick<Db, "request">,
  request: { id: string; requesterEmail: string | null },
  before: Date,
): Promise<{ total: number; requests: EarlierRequest[] }> {
  if (!request.requesterEmail) return { total: 0, requests: [] };
  const since = new Date(before);
  since.setUTCMonth(since.getUTCMonth() - EVIDENCE_MONTHS);
  const where = { requesterEmail: request.requesterEmail, id: { not: request.id }, receivedAt: { gte: since, lte: before } };
  const [total, requests] = await Promise.all([
    client.request.count({ where }),
    client.request.findMany({
      where,
      select: { id: true, reference: true, type: true, status: true, receivedAt: true, closedAt: true },
      orderBy: { receivedAt: "desc" },
      take: EARLIER_REQUESTS_LIMIT,
    }),
  ]);
  return { total, requests };
}
