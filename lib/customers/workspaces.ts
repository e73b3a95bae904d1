import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { changedFields, recordCustomerEvent } from "@/lib/customers/events";
import { registryWrite } from "@/lib/customers/registry-write";
import type { WorkspaceValues } from "@/lib/customers/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { foldName } from "@/lib/referrals/match-key";

// A workspace is what a request about workspace content is routed to, by its slug, one of its
// domains or its folded name (lib/referrals/route.ts). A slug or a domain that two workspaces
// share would leave such requests ambiguous, so each belongs to one workspace only.

const FIELDS = { id: true, customerId: true, name: true, slug: true, domains: true } as const;
type Owner = { name: string; slug: string; customer: { legalName: string } };
const OWNER = { name: true, slug: true, customer: { select: { legalName: true } } } as const;

function ownerText(owner: Owner): string {
  return `the workspace “${owner.name}” (${owner.slug}) of ${owner.customer.legalName}`;
}

async function assertSlugFree(tx: Prisma.TransactionClient, slug: string, exceptId?: string): Promise<void> {
  const owner = await tx.workspace.findUnique({ where: { slug }, select: { id: true, ...OWNER } });
  if (owner && owner.id !== exceptId) {
    throw new DomainError("SLUG_TAKEN", `The slug “${slug}” is already used by ${ownerText(owner)}. Choose another slug.`);
  }
}

async function assertDomainsFree(tx: Prisma.TransactionClient, domains: string[], exceptId?: string): Promise<void> {
  if (domains.length === 0) return;
  const owners = await tx.workspace.findMany({
    where: { domains: { hasSome: domains }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { domains: true, ...OWNER },
    orderBy: { slug: "asc" },
    take: 20,
  });
  const clashes = owners.flatMap((owner) => owner.domains.filter((d) => domains.includes(d)).map((d) => `${d} is already listed by ${ownerText(owner)}`));
  if (clashes.length) throw new DomainError("DOMAIN_TAKEN", `${clashes.join("; ")}. A domain can belong to one workspace only.`);
}

function stored(input: WorkspaceValues) {
  return { name: input.name, nameKey: foldName(input.name), slug: input.slug, domains: input.domains };
}

export async function addWorkspace(customerId: string, input: WorkspaceValues, actor: StaffUser): Promise<{ id: string }> {
  return registryWrite(actor, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw new DomainError("CUSTOMER_NOT_FOUND", "That customer no longer exists.");
    await assertSlugFree(tx, input.slug);
    await assertDomainsFree(tx, input.domains);
    const workspace = await tx.workspace.create({ data: { ...stored(input), customerId }, select: { id: true } });
    await recordCustomerEvent(tx, {
      customerId,
      actor,
      action: "workspace.added",
      workspace: { id: workspace.id, slug: input.slug },
      changes: changedFields(null, { name: input.name, slug: input.slug, domains: input.domains }),
    });
    return workspace;
  });
}

/** Saves a workspace's name, slug and domains; nothing is written when nothing changed. */
export async function updateWorkspace(workspaceId: string, input: WorkspaceValues, actor: StaffUser): Promise<{ customerId: string; changed: boolean }> {
  return registryWrite(actor, async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: FIELDS });
    if (!before) throw new DomainError("WORKSPACE_NOT_FOUND", "That workspace no longer exists.");
    const changes = changedFields(
      { name: before.name, slug: before.slug, domains: before.domains },
      { name: input.name, slug: input.slug, domains: input.domains },
    );
    if (Object.keys(changes).length === 0) return { customerId: before.customerId, changed: false };
    if (changes.slug) await assertSlugFree(tx, input.slug, workspaceId);
    await assertDomainsFree(tx, input.domains, workspaceId);
    await tx.workspace.update({ where: { id: workspaceId }, data: stored(input) });
    await recordCustomerEvent(tx, { customerId: before.customerId, actor, action: "workspace.updated", workspace: { id: workspaceId, slug: input.slug }, changes });
    return { customerId: before.customerId, changed: true };
  });
}

/**
 * Removes a workspace nobody was ever referred to. One with referrals stays: they point at it,
 * and the record of where a request went must outlive any tidying of the customer list.
 */
export async function removeWorkspace(workspaceId: string, actor: StaffUser): Promise<{ customerId: string }> {
  return registryWrite(actor, async (tx) => {
    // A referral being written now holds a key-share lock on the row: wait for it, then count it.
    await tx.$queryRaw`SELECT id FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { ...FIELDS, _count: { select: { referrals: true } } } });
    if (!workspace) throw new DomainError("WORKSPACE_NOT_FOUND", "That workspace no longer exists.");
    const referrals = workspace._count.referrals;
    if (referrals > 0) {
      throw new DomainError(
        "WORKSPACE_HAS_REFERRALS",
        `“${workspace.name}” can't be removed: ${referrals === 1 ? "a request was" : `${referrals} requests were`} referred to the customer through it, and that record must stay. Edit its domains instead if they have moved.`,
      );
    }
    await tx.workspace.delete({ where: { id: workspaceId } });
    await recordCustomerEvent(tx, {
      customerId: workspace.customerId,
      actor,
      action: "workspace.removed",
      workspace: { id: workspaceId, slug: workspace.slug },
      changes: changedFields({ name: workspace.name, slug: workspace.slug, domains: workspace.domains }, null),
    });
    return { customerId: workspace.customerId };
  });
}
