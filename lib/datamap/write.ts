import "server-only";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Any constant of ours: one lock for every write to the data map.
const MAP_LOCK_ID = 7_267_000_009;

/**
 * Runs a change to the data map: admins only (checked here, whatever the action did), in one
 * transaction with its audit event, and one change at a time, so that an import checking the
 * whole map is never interleaved with an edit.
 */
export async function mapWrite<T>(actor: StaffUser, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  assertMayManageMap(actor);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MAP_LOCK_ID})`);
      return work(tx);
    },
    { timeout: 30_000 },
  );
}

export function assertMayReadMap(viewer: StaffUser): void {
  if (!allows(viewer, "requests.read")) throw new AuthorizationError("FORBIDDEN");
}

export function assertMayManageMap(actor: StaffUser): void {
  if (!allows(actor, "datamap.manage")) throw new AuthorizationError("FORBIDDEN");
}
