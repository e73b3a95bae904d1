import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// OAuth identities are bound to a staff member by the provider's stable subject (Google `sub`,
// GitHub's numeric id, Entra ID's `oid` within its tenant `tid`), never by the email a provider
// reports: GitHub may report an unverified address, and an Entra tenant admin can set any email
// claim. A member binds one only while signed in (by magic link first), from their account page;
// an admin can remove any binding. Every change is in staff_events, with the provider only.

export const OAUTH_PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub", "azure-ad": "Microsoft" };
export const ENTRA = "azure-ad";

/** Only our own names are ever shown: `provider` may come from a URL. */
export function providerName(provider: string): string {
  return OAUTH_PROVIDER_NAMES[provider] ?? "external";
}

/**
 * Entra ID's identity, as next-auth's providerAccountId: the tenant and the object id together, so
 * every lookup (next-auth's own included) needs both to match. `sub` is not used: it is pairwise
 * per application, and an `oid` means nothing outside its tenant.
 */
export function entraAccountId(claims: { oid?: unknown; tid?: unknown }): string {
  const { oid, tid } = claims;
  if (typeof oid !== "string" || typeof tid !== "string" || !oid || !tid) throw new TypeError("Entra ID token without oid and tid");
  return `${tid}:${oid}`;
}

function tenantOf(provider: string, providerAccountId: string): string | null {
  return provider === ENTRA ? providerAccountId.split(":")[0] || null : null;
}

/** The providers switched on here (their credentials are set), as lib/auth/options.ts builds them. */
export function enabledOAuthProviders(e: NodeJS.ProcessEnv = process.env): { id: string; name: string }[] {
  const on: Record<string, boolean> = {
    google: Boolean(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET),
    github: Boolean(e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET),
    [ENTRA]: Boolean(e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID),
  };
  return Object.keys(OAUTH_PROVIDER_NAMES)
    .filter((id) => on[id])
    .map((id) => ({ id, name: providerName(id) }));
}

export const DisconnectSchema = z.object({ accountId: z.uuid() });
export const RemoveBindingSchema = z.object({ staffId: z.uuid(), accountId: z.uuid() });

export type Identity = { provider: string; providerAccountId: string };
export type Admission = { allowed: true } | { allowed: false; reason: "NOT_CONNECTED" | "DEACTIVATED" };

/**
 * Whether an OAuth identity may go on to next-auth. Bound to an active member: yes. Bound to a
 * deactivated one: no. Unbound: only while a staff member is signed in, because next-auth then
 * links it to that member's session (core/lib/callback-handler.js) rather than signing anyone in.
 */
export async function admitOAuthIdentity(db: Db, identity: Identity, signedIn: boolean): Promise<Admission> {
  const bound = await db.staffAccount.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { tenantId: true, staff: { select: { deactivatedAt: true } } },
  });
  if (!bound) return signedIn ? { allowed: true } : { allowed: false, reason: "NOT_CONNECTED" };
  if (bound.tenantId !== tenantOf(identity.provider, identity.providerAccountId)) return { allowed: false, reason: "NOT_CONNECTED" };
  return bound.staff.deactivatedAt ? { allowed: false, reason: "DEACTIVATED" } : { allowed: true };
}

async function audit(tx: Prisma.TransactionClient, staffId: string, actorId: string, action: string, provider: string) {
  await tx.staffEvent.create({ data: { staffId, actorId, action, data: { provider }, at: now() } });
}

/** Called by next-auth (through the adapter) when a signed-in member connects an identity. */
export async function bindIdentity(db: Db, staffId: string, identity: Identity): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.staffAccount.create({
      data: {
        staffId,
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
        tenantId: tenantOf(identity.provider, identity.providerAccountId),
        linkedAt: now(),
        linkedById: staffId,
      },
    });
    await audit(tx, staffId, staffId, "staff.account_connected", identity.provider);
  });
}

/** Removes one binding of `staffId` (by its row id); false when there was none. */
export async function unbindIdentity(db: Db, staffId: string, accountId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const binding = await tx.staffAccount.findFirst({ where: { id: accountId, staffId }, select: { provider: true } });
    const { count } = binding ? await tx.staffAccount.deleteMany({ where: { id: accountId, staffId } }) : { count: 0 };
    if (!binding || !count) return false;
    await audit(tx, staffId, actorId, "staff.account_disconnected", binding.provider);
    return true;
  });
}

export type Binding = { id: string; provider: string; providerName: string; linkedAt: Date };

export async function listBindings(db: Db, staffIds: string[]): Promise<Map<string, Binding[]>> {
  const rows = await db.staffAccount.findMany({
    where: { staffId: { in: staffIds } },
    select: { id: true, staffId: true, provider: true, linkedAt: true },
    orderBy: { linkedAt: "asc" },
  });
  const byStaff = new Map<string, Binding[]>();
  for (const row of rows) {
    const list = byStaff.get(row.staffId) ?? [];
    list.push({ id: row.id, provider: row.provider, providerName: providerName(row.provider), linkedAt: row.linkedAt });
    byStaff.set(row.staffId, list);
  }
  return byStaff;
}
