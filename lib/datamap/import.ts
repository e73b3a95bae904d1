import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { changedFields, recordMapEvent } from "@/lib/datamap/events";
import { parseDatasetFile, type ImportDefaults, type ImportProblem, type ImportedSystem } from "@/lib/datamap/fides-yaml";
import { mapWrite } from "@/lib/datamap/write";
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recipientChange, type RecipientChange } from "@/lib/recipients/change-log";
import { queueRecipientNotices } from "@/lib/recipients/notify";

// Brings a fideslang dataset file into the map: all of it or nothing. The file is checked whole
// first (inside the write lock, against the map as it is now); then each dataset creates or
// updates the system with its key, and the system's collections and fields become the file's
// (those the file no longer lists are removed). Systems the file does not name are left alone.

export type ImportCounts = {
  systemsCreated: number;
  systemsUpdated: number;
  collections: number;
  collectionsRemoved: number;
  fields: number;
  fieldsRemoved: number;
  references: number;
};
export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; problems: ImportProblem[] };

type Tx = Prisma.TransactionClient;

export async function importDataMap(source: string, defaults: ImportDefaults, actor: StaffUser): Promise<ImportOutcome> {
  let queued = 0;
  const outcome = await mapWrite(actor, async (tx) => {
    const existing = await tx.dataField.findMany({ select: { id: true, name: true, collection: { select: { name: true, system: { select: { key: true } } } } } });
    const fieldIds = new Map(existing.map((f) => [`${f.collection.system.key}.${f.collection.name}.${f.name}`, f.id]));
    const parsed = parseDatasetFile(source, defaults, new Set(fieldIds.keys()));
    if (!parsed.ok) return parsed;

    const counts: ImportCounts = { systemsCreated: 0, systemsUpdated: 0, collections: 0, collectionsRemoved: 0, fields: 0, fieldsRemoved: 0, references: 0 };
    const perSystem = new Map<string, { id: string; created: boolean; data: Record<string, unknown>; change: RecipientChange | null }>();
    for (const system of parsed.systems) {
      const result = await upsertSystem(tx, system, fieldIds, counts);
      perSystem.set(system.key, result);
    }
    // Second pass: every field exists now, wherever its reference points.
    for (const system of parsed.systems) {
      for (const c of system.collections) {
        for (const f of c.fields) {
          const id = fieldIds.get(`${system.key}.${c.name}.${f.name}`)!;
          const target = f.references ? fieldIds.get(`${f.references.dataset}.${f.references.collection}.${f.references.field}`)! : null;
          await tx.dataField.update({ where: { id }, data: { referencesFieldId: target } });
          if (target) counts.references += 1;
        }
      }
    }
    for (const [key, { id, created, data }] of perSystem) {
      await recordMapEvent(tx, { systemId: id, actor, action: "map.imported", data: { key, created, ...data } });
    }
    await recordMapEvent(tx, { systemId: null, actor, action: "map.imported", data: { systems: parsed.systems.map((s) => s.key), ...counts } });
    // One notice for the whole file, listing every change to the third parties it made.
    queued = await queueRecipientNotices(tx, [...perSystem.values()].flatMap((s) => (s.change ? [s.change] : [])), now());
    return { ok: true as const, counts };
  });
  if (queued > 0) wakeOutboxWorker();
  return outcome;
}

async function upsertSystem(tx: Tx, input: ImportedSystem, fieldIds: Map<string, string>, counts: ImportCounts) {
  const details = { name: input.name, description: input.description, ownerEmail: input.ownerEmail, purpose: input.purpose, thirdParty: input.thirdParty, country: input.country ?? null, noticeEmail: input.noticeEmail, dataUses: input.dataUses, kind: input.kind };
  const before = await tx.dataSystem.findUnique({
    where: { key: input.key },
    select: { id: true, name: true, description: true, ownerEmail: true, purpose: true, thirdParty: true, country: true, noticeEmail: true, dataUses: true, kind: true, connection: true },
  });
  let id: string;
  let changes: ReturnType<typeof changedFields>;
  if (!before) {
    const created = await tx.dataSystem.create({
      data: { key: input.key, ...details, ...(input.connection ? { connection: input.connection as Prisma.InputJsonValue } : {}) },
      select: { id: true },
    });
    id = created.id;
    changes = changedFields(null, { ...details, connection: input.connection ?? null });
    counts.systemsCreated += 1;
  } else {
    id = before.id;
    const { id: _id, connection, ...stored } = before;
    const kindChanged = before.kind !== input.kind;
    // A plain Fides dataset says nothing about the connection: keep it, unless the kind changed.
    const nextConnection = input.connection === undefined && !kindChanged ? connection : (input.connection ?? null);
    changes = changedFields({ ...stored, connection }, { ...details, connection: nextConnection });
    await tx.dataSystem.update({
      where: { id },
      data: {
        ...details,
        connection: nextConnection === null ? Prisma.DbNull : (nextConnection as Prisma.InputJsonValue),
        ...(kindChanged ? { secret: null, secretSetAt: null, testedAt: null, testOk: null, testReport: Prisma.DbNull } : {}),
      },
    });
    counts.systemsUpdated += 1;
  }

  const storedCollections = await tx.dataCollection.findMany({ where: { systemId: id }, select: { id: true, name: true, fields: { select: { id: true, name: true } } } });
  const byName = new Map(storedCollections.map((c) => [c.name, c]));
  const removedCollections = storedCollections.filter((c) => !input.collections.some((ic) => ic.name === c.name));
  for (const c of removedCollections) {
    await tx.dataCollection.delete({ where: { id: c.id } });
    for (const f of c.fields) fieldIds.delete(`${input.key}.${c.name}.${f.name}`);
    counts.collectionsRemoved += 1;
  }
  let fieldsRemoved = 0;
  for (const [position, c] of input.collections.entries()) {
    const data = { name: c.name, description: c.description, workspaceField: c.workspaceField, http: c.http === null ? Prisma.DbNull : (c.http as Prisma.InputJsonValue), position };
    const existing = byName.get(c.name);
    const collectionId = existing ? (await tx.dataCollection.update({ where: { id: existing.id }, data, select: { id: true } })).id : (await tx.dataCollection.create({ data: { ...data, systemId: id }, select: { id: true } })).id;
    counts.collections += 1;
    for (const f of existing?.fields ?? []) {
      if (c.fields.some((field) => field.name === f.name)) continue;
      await tx.dataField.delete({ where: { id: f.id } });
      fieldIds.delete(`${input.key}.${c.name}.${f.name}`);
      fieldsRemoved += 1;
    }
    for (const [fieldPosition, f] of c.fields.entries()) {
      const fieldData = {
        description: f.description,
        categories: f.categories,
        identity: f.identity,
        primaryKey: f.primaryKey,
        position: fieldPosition,
        // Import replaces: a field the file gives no strategy gets its categories' default.
        erasureStrategy: f.erasure?.strategy ?? null,
        erasureValue: f.erasure?.value ?? null,
        retentionReason: f.erasure?.reason ?? null,
        correctable: f.correctable ?? false,
      };
      const field = await tx.dataField.upsert({
        where: { collectionId_name: { collectionId, name: f.name } },
        create: { ...fieldData, collectionId, name: f.name },
        update: fieldData,
        select: { id: true },
      });
      fieldIds.set(`${input.key}.${c.name}.${f.name}`, field.id);
      counts.fields += 1;
    }
  }
  counts.fieldsRemoved += fieldsRemoved;
  const data = {
    changed: changes,
    collections: input.collections.length,
    fields: input.collections.reduce((n, c) => n + c.fields.length, 0),
    ...(removedCollections.length ? { collectionsRemoved: removedCollections.map((c) => c.name) } : {}),
    ...(fieldsRemoved ? { fieldsRemoved } : {}),
  };
  const listedBefore = before ? { name: before.name, purpose: before.purpose, thirdParty: before.thirdParty, country: before.country } : null;
  return { id, created: !before, data, change: recipientChange(listedBefore, details) };
}
