import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { CreateKeySchema, type CreateKeyInput } from "@/lib/api/key-schema";
import { API_SCOPES, grantsOf, type ApiScope } from "@/lib/api/scopes";
import { hashToken, newToken } from "@/lib/security/tokens";

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const KEY_PREFIX = "dsar_";
/** How much of a key its list shows: enough to tell keys apart, far too little to guess one. */
const SHOWN_CHARACTERS = KEY_PREFIX.length + 6;
export const MAX_ACTIVE_KEYS = 50;

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
};

/** The key's holder as every data function sees it: its staff row, with its scopes' grants. */
export type ApiPrincipal = { keyId: string; keyName: string; scopes: ApiScope[]; staff: StaffUser };

/**
 * Creates a key and the staff row it acts as; returns the key itself, which is shown once and
 * never stored (only its SHA-256 hash: 256 random bits need no slower hash). Audited in the staff
 * trail under the admin who made it.
 */
export async function createApiKey(db: Db, input: CreateKeyInput, admin: StaffUser, now = new Date()): Promise<{ id: string; key: string }> {
  const { name, scopes, expiresOn } = CreateKeySchema.parse(input);
  let expiresAt: Date | null = null;
  if (expiresOn) {
    // The key works through the whole day it expires on (UTC).
    expiresAt = new Date(`${expiresOn}T23:59:59.999Z`);
    if (Number.isNaN(expiresAt.getTime())) throw new DomainError("INVALID_INPUT", "Enter a real date as YYYY-MM-DD");
    if (expiresAt <= now) throw new DomainError("EXPIRY_IN_PAST", "Choose an expiry date after today, or leave it empty");
  }
  const key = KEY_PREFIX + newToken();
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    const active = await tx.apiKey.count({ where: { revokedAt: null } });
    if (active >= MAX_ACTIVE_KEYS) throw new DomainError("TOO_MANY_KEYS", `There are already ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use first.`);
    const staff = await tx.staff.create({
      data: {
        // Under the reserved .invalid domain (RFC 2606): no mail can reach it, and the sign-in refuses kind API_KEY anyway.
        email: `api-key-${id}@api-keys.invalid`,
        name: `${name} (API key)`,
        role: "AUDITOR",
        kind: "API_KEY",
        digestEnabled: false,
        invitedById: admin.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.apiKey.create({
      data: { id, staffId: staff.id, name, prefix: key.slice(0, SHOWN_CHARACTERS), keyHash: hashToken(key), scopes, expiresAt, createdById: admin.id, createdAt: now },
    });
    await tx.staffEvent.create({
      data: { staffId: staff.id, actorId: admin.id, action: "api_key.created", data: { keyId: id, scopes, expiresAt: expiresAt?.toISOString() ?? null }, at: now },
    });
  });
  return { id, key };
}

/** Revokes a key at once: its next call is refused. Revoking twice changes nothing. */
export async function revokeApiKey(db: Db, keyId: string, admin: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { staffId: true, revokedAt: true } });
    if (!key) throw new DomainError("KEY_NOT_FOUND", "That key no longer exists.");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: now } });
    await tx.staff.update({ where: { id: key.staffId }, data: { deactivatedAt: now } });
    await tx.staffEvent.create({ data: { staffId: key.staffId, actorId: admin.id, action: "api_key.revoked", data: { keyId }, at: now } });
  });
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true, createdById: true },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
  });
  const creators = await db.staff.findMany({ where: { id: { in: [...new Set(keys.map((k) => k.createdById))] } }, select: { id: true, email: true } });
  const email = new Map(creators.map((c) => [c.id, c.email]));
  return keys.map(({ createdById, ...k }) => ({ ...k, createdBy: email.get(createdById) ?? null }));
}

export type RecentCall = { at: Date; method: string; route: string; status: number };

/**
 * The latest `take` calls of each key, newest first: what the keys page shows under each key. One
 * statement, each key's calls read from the (key_id, at) index, however many a key has made.
 */
export async function recentCalls(db: Db, keyIds: string[], take = 10): Promise<Map<string, RecentCall[]>> {
  const calls = new Map<string, RecentCall[]>(keyIds.map((id) => [id, []]));
  if (keyIds.length === 0) return calls;
  const rows = await db.$queryRaw<(RecentCall & { key_id: string })[]>`
    SELECT k.id::text AS key_id, c.at, c.method, c.route, c.status
      FROM unnest(${keyIds}::uuid[]) AS k(id)
     CROSS JOIN LATERAL (SELECT at, method, route, status FROM api_calls WHERE key_id = k.id ORDER BY at DESC LIMIT ${take}) c
     ORDER BY k.id, c.at DESC`;
  for (const { key_id, ...call } of rows) calls.get(key_id)!.push(call);
  return calls;
}

export type KeyRefusal = "MISSING" | "UNKNOWN" | "REVOKED" | "EXPIRED";

/**
 * Who is calling, from the Authorization header ("Bearer dsar_..."), or why not. A hash lookup:
 * the key is never compared in clear, and an unknown one costs the same as a known one.
 */
export async function authenticate(db: Db, header: string | null, now = new Date()): Promise<ApiPrincipal | { refused: KeyRefusal }> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match || !match[1]!.startsWith(KEY_PREFIX)) return { refused: "MISSING" };
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashToken(match[1]!) },
    select: { id: true, name: true, scopes: true, expiresAt: true, revokedAt: true, staff: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!key) return { refused: "UNKNOWN" };
  if (key.revokedAt) return { refused: "REVOKED" };
  if (key.expiresAt && key.expiresAt <= now) return { refused: "EXPIRED" };
  const scopes = key.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
  return { keyId: key.id, keyName: key.name, scopes, staff: { ...key.staff, grants: grantsOf(scopes) } };
}

/** Audits one call under its key and notes when the key was last used. Outside the call's own work: a refused call is recorded too. */
export async function recordCall(db: Db, call: { keyId: string; method: string; route: string; subjectId: string | null; status: number; at: Date }): Promise<void> {
  await db.$transaction([
    db.apiCall.create({ data: call }),
    db.apiKey.update({ where: { id: call.keyId }, data: { lastUsedAt: call.at } }),
  ]);
}
