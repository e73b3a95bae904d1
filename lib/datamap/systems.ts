import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { now } from "@/lib/clock";
import { sealSecret } from "@/lib/connectors/credentials";
import { changedFields, recordMapEvent } from "@/lib/datamap/events";
import type { SystemValues } from "@/lib/datamap/schema";
import type { HttpConnection, SqlConnection } from "@/lib/datamap/types";
import { mapWrite } from "@/lib/datamap/write";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recipientChange, type RecipientState } from "@/lib/recipients/change-log";
import { queueRecipientNotices } from "@/lib/recipients/notify";

const DETAILS = { key: true, name: true, description: true, ownerEmail: true, purpose: true, thirdParty: true, country: true, noticeEmail: true, dataUses: true, kind: true } as const;

async function assertKeyFree(tx: Prisma.TransactionClient, key: string, exceptId?: string): Promise<void> {
  const clash = await tx.dataSystem.findUnique({ where: { key }, select: { id: true, name: true } });
  if (clash && clash.id !== exceptId) throw new DomainError("KEY_TAKEN", `The key “${key}” is already used by the system “${clash.name}”. Choose another key.`);
}

/**
 * Customers who asked are told, in the transaction of the change, when the public list of
 * recipients (the third-party systems) changes; the worker is woken once it committed.
 */
async function noticeRecipientChange(tx: Prisma.TransactionClient, before: RecipientState | null, after: RecipientState | null): Promise<number> {
  const change = recipientChange(before, after);
  return change ? queueRecipientNotices(tx, [change], now()) : 0;
}

function wakeIfQueued(queued: number): void {
  if (queued > 0) wakeOutboxWorker();
}

export async function createSystem(input: SystemValues, actor: StaffUser): Promise<{ id: string }> {
  const { queued, ...result } = await mapWrite(actor, async (tx) => {
    await assertKeyFree(tx, input.key);
    const system = await tx.dataSystem.create({ data: input, select: { id: true } });
    await recordMapEvent(tx, { systemId: system.id, actor, action: "system.created", data: { changed: changedFields(null, input) } });
    return { ...system, queued: await noticeRecipientChange(tx, null, input) };
  });
  wakeIfQueued(queued);
  return result;
}

/**
 * Saves a system's details. Changing its kind drops the connection settings and the secret,
 * which belonged to the other kind (a database password is no API token).
 */
export async function updateSystem(systemId: string, input: SystemValues, actor: StaffUser): Promise<{ changed: boolean }> {
  const { queued, ...result } = await mapWrite(actor, async (tx) => {
    const before = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { ...DETAILS, secret: true, connection: true } });
    if (!before) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    const { secret, connection, ...details } = before;
    const changes = changedFields(details, input);
    if (Object.keys(changes).length === 0) return { changed: false, queued: 0 };
    if (changes.key) await assertKeyFree(tx, input.key, systemId);
    const kindChanged = Boolean(changes.kind);
    await tx.dataSystem.update({
      where: { id: systemId },
      data: { ...input, ...(kindChanged ? { connection: Prisma.DbNull, secret: null, secretSetAt: null, testedAt: null, testOk: null, testReport: Prisma.DbNull } : {}) },
    });
    const dropped = kindChanged ? { connectionCleared: connection !== null, secretCleared: secret !== null } : {};
    await recordMapEvent(tx, { systemId, actor, action: "system.updated", data: { changed: changes, ...dropped } });
    return { changed: true, queued: await noticeRecipientChange(tx, details, input) };
  });
  wakeIfQueued(queued);
  return result;
}

/** Removes a system with its collections and fields; one that runs have used stays (their record points at it). */
export async function deleteSystem(systemId: string, actor: StaffUser): Promise<void> {
  const queued = await mapWrite(actor, async (tx) => {
    const system = await tx.dataSystem.findUnique({
      where: { id: systemId },
      select: { key: true, name: true, purpose: true, thirdParty: true, country: true, _count: { select: { tasks: true, collections: true } } },
    });
    if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    if (system._count.tasks > 0) {
      throw new DomainError("SYSTEM_HAS_RUNS", `“${system.name}” can't be removed: requests were already answered from it, and their record points at it.`);
    }
    await tx.dataSystem.delete({ where: { id: systemId } });
    // What the system was listed as, so the public change log can still say a third party went.
    const listed = { name: system.name, purpose: system.purpose, thirdParty: system.thirdParty, country: system.country };
    await recordMapEvent(tx, {
      systemId,
      actor,
      action: "system.deleted",
      data: { key: system.key, name: system.name, purpose: system.purpose, thirdParty: system.thirdParty, country: system.country, collections: system._count.collections },
    });
    return noticeRecipientChange(tx, listed, null);
  });
  wakeIfQueued(queued);
}

/**
 * Saves a system's connection settings (validated for its kind by the caller) and, when one was
 * typed, a new secret: sealed before it is stored, never written to the event or shown back.
 */
export async function saveConnection(
  systemId: string,
  connection: SqlConnection | HttpConnection,
  secret: string | null,
  actor: StaffUser,
): Promise<{ changed: boolean }> {
  return mapWrite(actor, async (tx) => {
    const before = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { kind: true, connection: true } });
    if (!before) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    if (before.kind === "MANUAL") throw new DomainError("MANUAL_HAS_NO_CONNECTION", "A manual system has no connection: its owner is emailed a task.");
    const changes = changedFields((before.connection ?? {}) as Record<string, unknown>, connection);
    if (Object.keys(changes).length) {
      await tx.dataSystem.update({ where: { id: systemId }, data: { connection: connection as Prisma.InputJsonValue } });
      await recordMapEvent(tx, { systemId, actor, action: "connection.updated", data: { changed: changes } });
    }
    if (secret !== null) {
      await tx.dataSystem.update({ where: { id: systemId }, data: { secret: sealSecret(secret), secretSetAt: now() } });
      await recordMapEvent(tx, { systemId, actor, action: "secret.set" });
    }
    return { changed: Object.keys(changes).length > 0 || secret !== null };
  });
}

export async function clearSecret(systemId: string, actor: StaffUser): Promise<void> {
  await mapWrite(actor, async (tx) => {
    const before = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { secretSetAt: true, secret: true } });
    if (!before) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    if (!before.secret) return;
    await tx.dataSystem.update({ where: { id: systemId }, data: { secret: null, secretSetAt: null } });
    await recordMapEvent(tx, { systemId, actor, action: "secret.cleared" });
  });
}

/** Which request types start their run by themselves once the requester is verified. */
export async function setAutoRunTypes(types: RequestType[], actor: StaffUser): Promise<{ changed: boolean }> {
  return mapWrite(actor, async (tx) => {
    const before = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { autoRunTypes: true } });
    if (!before) throw new DomainError("SETTINGS_MISSING", "The organisation's settings are not set up yet.");
    const sorted = [...new Set(types)].sort();
    const changes = changedFields({ autoRunTypes: [...before.autoRunTypes].sort() }, { autoRunTypes: sorted });
    if (!changes.autoRunTypes) return { changed: false };
    await tx.organizationSettings.update({ where: { id: 1 }, data: { autoRunTypes: sorted } });
    await recordMapEvent(tx, { systemId: null, actor, action: "settings.auto_run", data: { changed: changes } });
    return { changed: true };
  });
}
