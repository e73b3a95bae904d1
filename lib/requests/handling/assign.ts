import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import { recordEvent } from "@/lib/requests/events";
import { acknowledgeIn, ASSIGNABLE_ROLES } from "@/lib/requests/handling/acknowledge";
import { byStaff, isUuid, lockRequest } from "@/lib/requests/handling/load";
import { MAX_BULK } from "@/lib/requests/handling/schema";
import { assertTransition, refuse } from "@/lib/requests/lifecycle";


/**
 * Gives the request to an active admin or officer, or takes it back (null). Internal: the requester
 * is not told who handles their request. Assigning to the current assignee changes nothing and
 * records nothing. Throws NOT_FOUND, ASSIGNEE_INVALID, INVALID_TRANSITION (closed requests).
 */
export async function assignRequest(requestId: string, assigneeId: string | null, staff: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertAssignable(tx, assigneeId);
    await assignIn(tx, requestId, assigneeId, staff, now);
  });
}

export type BulkResult = { done: string[]; skipped: { id: string; code: string }[] };

/**
 * assignRequest for up to 100 requests, each in its own transaction, so one refusal (a request
 * closed meanwhile) skips that request and not the batch. An invalid assignee refuses the whole
 * batch (ASSIGNEE_INVALID); more than 100 ids refuse it with BULK_LIMIT.
 */
export async function bulkAssign(requestIds: string[], assigneeId: string | null, staff: StaffUser, now = new Date()): Promise<BulkResult> {
  const ids = boundedIds(requestIds);
  await assertAssignable(db, assigneeId);
  return eachInOwnTransaction(ids, "bulk_assign", async (tx, id) => {
    // Checked again per request: the assignee may be deactivated while the batch runs.
    await assertAssignable(tx, assigneeId);
    await assignIn(tx, id, assigneeId, staff, now);
  });
}

/** acknowledgeRequest for up to 100 requests, each in its own transaction (see bulkAssign). */
export async function bulkAcknowledge(requestIds: string[], staff: StaffUser, now = new Date()): Promise<BulkResult> {
  const ids = boundedIds(requestIds);
  return eachInOwnTransaction(ids, "bulk_acknowledge", (tx, id) => acknowledgeIn(tx, id, staff, now));
}

async function assignIn(tx: Prisma.TransactionClient, requestId: string, assigneeId: string | null, staff: StaffUser, now: Date) {
  await lockRequest(tx, requestId);
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, assigneeId: true } });
  assertTransition("assign", request.status);
  if (request.assigneeId === assigneeId) return;
  await tx.request.update({ where: { id: requestId }, data: { assigneeId } });
  await recordEvent(tx, {
    requestId,
    ...byStaff(staff),
    action: assigneeId ? "request.assigned" : "request.unassigned",
    fromStatus: request.status,
    toStatus: request.status,
    visibility: "INTERNAL",
    data: { assigneeId, previousAssigneeId: request.assigneeId },
    at: now,
  });
}

async function assertAssignable(client: Pick<Prisma.TransactionClient, "staff">, assigneeId: string | null): Promise<void> {
  if (assigneeId === null) return;
  if (!isUuid(assigneeId)) throw refuse("ASSIGNEE_INVALID");
  const assignee = await client.staff.findUnique({ where: { id: assigneeId }, select: { role: true, deactivatedAt: true, kind: true } });
  if (!assignee || assignee.deactivatedAt || assignee.kind !== "PERSON" || !(ASSIGNABLE_ROLES as readonly string[]).includes(assignee.role)) {
    throw refuse("ASSIGNEE_INVALID");
  }
}

function boundedIds(requestIds: string[]): string[] {
  const ids = [...new Set(requestIds)];
  if (ids.length > MAX_BULK) throw refuse("BULK_LIMIT");
  return ids;
}

async function eachInOwnTransaction(
  ids: string[],
  operation: string,
  run: (tx: Prisma.TransactionClient, id: string) => Promise<void>,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], skipped: [] };
  // One after another: the batch is small, and parallel transactions would only queue on the pool.
  for (const id of ids) {
    try {
      await db.$transaction((tx) => run(tx, id));
      result.done.push(id);
    } catch (error) {
      if (error instanceof DomainError) {
        result.skipped.push({ id, code: error.code });
      } else {
        logError(`requests.${operation}.failed`, error, { requestId: id });
        result.skipped.push({ id, code: "INTERNAL" });
      }
    }
  }
  return result;
}
