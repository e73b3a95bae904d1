import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffUser } from "@/lib/auth/staff";
import { refuse } from "@/lib/requests/lifecycle";
import { statusLinkRequestId } from "@/lib/requests/status-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Locks the request's row for the rest of the transaction, so two officers acting at once are
 * decided one after the other against the status the first left. Throws NOT_FOUND.
 */
export async function lockRequest(tx: Prisma.TransactionClient, requestId: string): Promise<void> {
  if (!isUuid(requestId)) throw refuse("NOT_FOUND");
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM requests WHERE id = ${requestId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw refuse("NOT_FOUND");
}

/**
 * The request a requester's status link opens, or NOT_FOUND for an unknown, revoked or expired
 * link (the same answer as for a missing request, as the status page gives).
 */
export async function requestIdForStatusToken(
  client: Pick<Prisma.TransactionClient, "requestToken" | "organizationSettings">,
  token: string,
  now: Date,
): Promise<string> {
  const requestId = await statusLinkRequestId(client, token, now);
  if (!requestId) throw refuse("NOT_FOUND");
  return requestId;
}

/** Who did it, as every staff event records it: an id, never a name or email. */
export function byStaff(staff: StaffUser): { actorType: "STAFF"; actorId: string } {
  return { actorType: "STAFF", actorId: staff.id };
}

/** "2026-12-22": how events and emails carry a calendar date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
