import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { changedFields, recordCustomerEvent } from "@/lib/customers/events";
import { registryWrite } from "@/lib/customers/registry-write";
import type { CustomerValues } from "@/lib/customers/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { foldName } from "@/lib/referrals/match-key";

const FIELDS = { legalName: true, privacyEmails: true, language: true, dpaReference: true, notifyRecipientChanges: true } as const;

/**
 * Requests name a customer by its legal name, so two customers whose names fold alike would make
 * every such request ambiguous; it is almost always the same customer registered twice.
 */
async function assertLegalNameFree(tx: Prisma.TransactionClient, legalName: string, exceptId?: string): Promise<void> {
  const clash = await tx.customer.findFirst({
    where: { legalNameKey: foldName(legalName), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { legalName: true },
  });
  if (clash) throw new DomainError("CUSTOMER_EXISTS", `A customer named “${clash.legalName}” is already registered. Open it from the customer list instead.`);
}

/** Registers a customer (a controller whose workspaces we process) and records who did it. */
export async function createCustomer(input: CustomerValues, actor: StaffUser): Promise<{ id: string }> {
  return registryWrite(actor, async (tx) => {
    await assertLegalNameFree(tx, input.legalName);
    const customer = await tx.customer.create({ data: { ...input, legalNameKey: foldName(input.legalName) }, select: { id: true } });
    await recordCustomerEvent(tx, { customerId: customer.id, actor, action: "customer.created", changes: changedFields(null, input) });
    return customer;
  });
}

/** Saves the customer's details; nothing is written (and no event) when nothing changed. */
export async function updateCustomer(customerId: string, input: CustomerValues, actor: StaffUser): Promise<{ changed: boolean }> {
  return registryWrite(actor, async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: customerId }, select: FIELDS });
    if (!before) throw new DomainError("CUSTOMER_NOT_FOUND", "That customer no longer exists.");
    const changes = changedFields(before, input);
    if (Object.keys(changes).length === 0) return { changed: false };
    if (changes.legalName) await assertLegalNameFree(tx, input.legalName, customerId);
    await tx.customer.update({ where: { id: customerId }, data: { ...input, legalNameKey: foldName(input.legalName) } });
    await recordCustomerEvent(tx, { customerId, actor, action: "customer.updated", changes });
    return { changed: true };
  });
}
