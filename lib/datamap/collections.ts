import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { changedFields, recordMapEvent } from "@/lib/datamap/events";
import type { CollectionValues, FieldValues } from "@/lib/datamap/schema";
import type { HttpCollectionConfig } from "@/lib/datamap/types";
import { assertMayManageMap, mapWrite } from "@/lib/datamap/write";
import { db } from "@/lib/db";
import { checkChosenStrategy, checkCorrectable } from "@/lib/erasure/check";
import type { Prisma } from "@/lib/generated/prisma/client";

// Collections (tables or API resources) of a system and their fields. Each change is one audited
// transaction; the event names the collection (and field) so the history reads without the rows.

type Tx = Prisma.TransactionClient;

async function collectionOf(tx: Tx, collectionId: string) {
  const collection = await tx.dataCollection.findUnique({
    where: { id: collectionId },
    select: { id: true, systemId: true, name: true, description: true, workspaceField: true, http: true, system: { select: { kind: true } }, fields: { select: { name: true } } },
  });
  if (!collection) throw new DomainError("COLLECTION_NOT_FOUND", "That collection no longer exists.");
  return collection;
}

async function assertCollectionNameFree(tx: Tx, systemId: string, name: string, exceptId?: string) {
  const clash = await tx.dataCollection.findUnique({ where: { systemId_name: { systemId, name } }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new DomainError("COLLECTION_EXISTS", `This system already has a collection named “${name}”.`);
}

function assertWorkspaceField(workspaceField: string | null, fieldNames: string[]) {
  if (workspaceField !== null && !fieldNames.includes(workspaceField)) {
    throw new DomainError("WORKSPACE_FIELD_UNKNOWN", `“${workspaceField}” is not a field of this collection. Add the field first, then choose it here.`);
  }
}

export async function addCollection(systemId: string, input: CollectionValues, actor: StaffUser): Promise<{ id: string }> {
  return mapWrite(actor, async (tx) => {
    const system = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { id: true, _count: { select: { collections: true } } } });
    if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    await assertCollectionNameFree(tx, systemId, input.name);
    // A new collection has no fields yet, so it cannot name one as its workspace field.
    assertWorkspaceField(input.workspaceField, []);
    const collection = await tx.dataCollection.create({ data: { ...input, systemId, position: system._count.collections }, select: { id: true } });
    await recordMapEvent(tx, { systemId, actor, action: "collection.added", data: { collection: input.name, changed: changedFields(null, input) } });
    return collection;
  });
}

export async function updateCollection(collectionId: string, input: CollectionValues, actor: StaffUser): Promise<{ systemId: string; changed: boolean }> {
  return mapWrite(actor, async (tx) => {
    const before = await collectionOf(tx, collectionId);
    const changes = changedFields({ name: before.name, description: before.description, workspaceField: before.workspaceField }, input);
    if (Object.keys(changes).length === 0) return { systemId: before.systemId, changed: false };
    if (changes.name) await assertCollectionNameFree(tx, before.systemId, input.name, collectionId);
    assertWorkspaceField(input.workspaceField, before.fields.map((f) => f.name));
    await tx.dataCollection.update({ where: { id: collectionId }, data: input });
    await recordMapEvent(tx, { systemId: before.systemId, actor, action: "collection.updated", data: { collection: before.name, changed: changes } });
    return { systemId: before.systemId, changed: true };
  });
}

/** HTTP systems: how the collection's records are looked up. */
export async function saveHttpCollection(collectionId: string, http: HttpCollectionConfig, actor: StaffUser): Promise<{ systemId: string; changed: boolean }> {
  return mapWrite(actor, async (tx) => {
    const before = await collectionOf(tx, collectionId);
    if (before.system.kind !== "HTTP") throw new DomainError("NOT_HTTP", "Only collections of an HTTP system have request settings.");
    const changes = changedFields({ http: before.http }, { http });
    if (!changes.http) return { systemId: before.systemId, changed: false };
    await tx.dataCollection.update({ where: { id: collectionId }, data: { http: http as Prisma.InputJsonValue } });
    await recordMapEvent(tx, { systemId: before.systemId, actor, action: "collection.updated", data: { collection: before.name, changed: changes } });
    return { systemId: before.systemId, changed: true };
  });
}

export async function removeCollection(collectionId: string, actor: StaffUser): Promise<{ systemId: string }> {
  return mapWrite(actor, async (tx) => {
    const before = await collectionOf(tx, collectionId);
    await tx.dataCollection.delete({ where: { id: collectionId } });
    await recordMapEvent(tx, { systemId: before.systemId, actor, action: "collection.removed", data: { collection: before.name, fields: before.fields.map((f) => f.name) } });
    return { systemId: before.systemId };
  });
}

const FIELD = {
  id: true,
  collectionId: true,
  name: true,
  description: true,
  categories: true,
  identity: true,
  primaryKey: true,
  referencesFieldId: true,
  erasureStrategy: true,
  erasureValue: true,
  retentionReason: true,
  correctable: true,
} as const;

/** "users.id" of the referenced field, for the history; refuses a field that does not exist. */
async function referenceLabel(tx: Tx, referencesFieldId: string | null, selfId?: string): Promise<string | null> {
  if (referencesFieldId === null) return null;
  if (referencesFieldId === selfId) throw new DomainError("SELF_REFERENCE", "A field can't reference itself. Choose the field its values come from.");
  const target = await tx.dataField.findUnique({ where: { id: referencesFieldId }, select: { name: true, collection: { select: { name: true, system: { select: { key: true } } } } } });
  if (!target) throw new DomainError("REFERENCE_NOT_FOUND", "The referenced field no longer exists. Choose another one.");
  return `${target.collection.system.key}.${target.collection.name}.${target.name}`;
}

function described(input: FieldValues, reference: string | null) {
  const { referencesFieldId: _id, ...rest } = input;
  return { ...rest, references: reference };
}

/** The column behind a field must take its chosen erasure strategy (asked of the database before the map's transaction). */
async function checkStrategy(collectionId: string, input: FieldValues, actor: StaffUser): Promise<void> {
  assertMayManageMap(actor);
  if (!input.erasureStrategy && !input.correctable) return;
  const collection = await db.dataCollection.findUnique({ where: { id: collectionId }, select: { name: true, systemId: true } });
  if (!collection) return;
  const target = { systemId: collection.systemId, collection: collection.name, field: input.name };
  if (input.erasureStrategy) await checkChosenStrategy(db, target, { strategy: input.erasureStrategy, value: input.erasureValue });
  if (input.correctable) await checkCorrectable(db, target);
}

export async function addField(collectionId: string, input: FieldValues, actor: StaffUser): Promise<{ id: string; systemId: string }> {
  await checkStrategy(collectionId, input, actor);
  return mapWrite(actor, async (tx) => {
    const collection = await collectionOf(tx, collectionId);
    if (collection.fields.some((f) => f.name === input.name)) throw new DomainError("FIELD_EXISTS", `“${collection.name}” already has a field named “${input.name}”.`);
    const reference = await referenceLabel(tx, input.referencesFieldId);
    const field = await tx.dataField.create({ data: { ...input, collectionId, position: collection.fields.length }, select: { id: true } });
    await recordMapEvent(tx, { systemId: collection.systemId, actor, action: "field.added", data: { collection: collection.name, field: input.name, changed: changedFields(null, described(input, reference)) } });
    return { id: field.id, systemId: collection.systemId };
  });
}

export async function updateField(fieldId: string, input: FieldValues, actor: StaffUser): Promise<{ systemId: string; changed: boolean }> {
  const current = await db.dataField.findUnique({ where: { id: fieldId }, select: { collectionId: true } });
  if (current) await checkStrategy(current.collectionId, input, actor);
  return mapWrite(actor, async (tx) => {
    const before = await tx.dataField.findUnique({ where: { id: fieldId }, select: FIELD });
    if (!before) throw new DomainError("FIELD_NOT_FOUND", "That field no longer exists.");
    const collection = await collectionOf(tx, before.collectionId);
    const { id: _id, collectionId: _c, ...stored } = before;
    const beforeRef = await referenceLabel(tx, before.referencesFieldId).catch(() => null);
    const reference = await referenceLabel(tx, input.referencesFieldId, fieldId);
    const changes = changedFields(described(stored as FieldValues, beforeRef), described(input, reference));
    if (Object.keys(changes).length === 0) return { systemId: collection.systemId, changed: false };
    if (changes.name && collection.fields.some((f) => f.name === input.name)) throw new DomainError("FIELD_EXISTS", `“${collection.name}” already has a field named “${input.name}”.`);
    if (input.correctable && (await tx.dataField.count({ where: { referencesFieldId: fieldId } }))) {
      throw new DomainError("CORRECTION_REFUSED", `Other mapped fields take their values from ${before.name}: correcting it would break those references. Leave it not correctable.`);
    }
    await tx.dataField.update({ where: { id: fieldId }, data: input });
    // The workspace field is named, not linked: it follows a rename.
    if (changes.name && collection.workspaceField === before.name) await tx.dataCollection.update({ where: { id: collection.id }, data: { workspaceField: input.name } });
    await recordMapEvent(tx, { systemId: collection.systemId, actor, action: "field.updated", data: { collection: collection.name, field: before.name, changed: changes } });
    return { systemId: collection.systemId, changed: true };
  });
}

export async function removeField(fieldId: string, actor: StaffUser): Promise<{ systemId: string }> {
  return mapWrite(actor, async (tx) => {
    const before = await tx.dataField.findUnique({ where: { id: fieldId }, select: { name: true, collectionId: true, _count: { select: { referencedBy: true } } } });
    if (!before) throw new DomainError("FIELD_NOT_FOUND", "That field no longer exists.");
    const collection = await collectionOf(tx, before.collectionId);
    if (collection.workspaceField === before.name) {
      throw new DomainError("FIELD_IS_WORKSPACE", `“${before.name}” holds the workspace of “${collection.name}”. Change the collection's workspace field first.`);
    }
    await tx.dataField.delete({ where: { id: fieldId } });
    await recordMapEvent(tx, {
      systemId: collection.systemId,
      actor,
      action: "field.removed",
      data: { collection: collection.name, field: before.name, ...(before._count.referencedBy ? { referencesDropped: before._count.referencedBy } : {}) },
    });
    return { systemId: collection.systemId };
  });
}
