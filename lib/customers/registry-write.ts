import "server-only";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Any constant of ours: one lock for every write to customers and workspaces.
const REGISTRY_LOCK_ID = 7_267_000_003;

/**
 * Runs a change to the customer registry: the role is checked again here, whatever the action
 * did, and the writes are taken one at a time. The rules that span rows (a slug, a domain or a
 * legal name used once) are checked by reading first, and PostgreSQL has no constraint to keep
 * a domain in one workspace's list only, so two writes must not check at the same time.
 */
export async function registryWrite<T>(actor: StaffUser, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (!allows(actor, "customers.manage")) throw new AuthorizationError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    // A constant, not input: interpolating it keeps the parameter from being typed as int4.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${REGISTRY_LOCK_ID})`);
    return work(tx);
  });
}
