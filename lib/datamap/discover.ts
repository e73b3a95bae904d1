import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type DiscoveredCollection } from "@/lib/connectors/types";
import { recordMapEvent } from "@/lib/datamap/events";
import { loadSealedSecret, loadSystem } from "@/lib/datamap/load";
import type { DiscoverySelection } from "@/lib/datamap/schema";
import { assertMayManageMap, mapWrite } from "@/lib/datamap/write";
import { db } from "@/lib/db";

// "Discover": a SQL system's connector reads information_schema and proposes collections, fields
// and references, with categories guessed from column names. Proposals only: nothing is saved
// until the admin ticks columns and confirms (applyDiscovery).

export type Discovery = { ok: true; collections: DiscoveredCollection[]; mapped: Set<string> } | { ok: false; error: string };

export async function discoverSystem(systemId: string, actor: StaffUser): Promise<Discovery> {
  assertMayManageMap(actor);
  const system = await loadSystem(db, systemId);
  if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
  const connector = connectorFor(system.kind);
  if (!connector?.discover) return { ok: false, error: "Discover reads the tables of a PostgreSQL or MySQL system; this system is not one (or its connector is not available yet)." };
  if (!system.connection) return { ok: false, error: "Save the connection settings first." };
  try {
    const collections = await connector.discover(system, openSecret(await loadSealedSecret(db, systemId)));
    const mapped = new Set(system.collections.flatMap((c) => c.fields.map((f) => `${c.name}.${f.name}`)));
    return { ok: true, collections, mapped };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * Adds the ticked columns: collections created as needed, fields that are already mapped left as
 * they are (the admin edits those on the system page), references set between ticked or mapped
 * columns of this system. One audited transaction.
 */
export async function applyDiscovery(selection: DiscoverySelection, actor: StaffUser): Promise<{ collectionsAdded: number; fieldsAdded: number; skipped: number }> {
  return mapWrite(actor, async (tx) => {
    const systemId = selection.systemId;
    const system = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { id: true } });
    if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
    const stored = await tx.dataCollection.findMany({ where: { systemId }, select: { id: true, name: true, fields: { select: { id: true, name: true } } } });
    const collectionIds = new Map(stored.map((c) => [c.name, c.id]));
    const fieldIds = new Map<string, string>(stored.flatMap((c) => c.fields.map((f) => [`${c.name}.${f.name}`, f.id] as [string, string])));
    const fieldCounts = new Map(stored.map((c) => [c.name, c.fields.length]));
    let collectionsAdded = 0;
    let skipped = 0;
    const added: string[] = [];
    for (const column of selection.columns) {
      const name = `${column.collection}.${column.name}`;
      if (fieldIds.has(name)) {
        skipped += 1;
        continue;
      }
      let collectionId = collectionIds.get(column.collection);
      if (!collectionId) {
        collectionId = (await tx.dataCollection.create({ data: { systemId, name: column.collection, position: collectionIds.size }, select: { id: true } })).id;
        collectionIds.set(column.collection, collectionId);
        collectionsAdded += 1;
      }
      const position = fieldCounts.get(column.collection) ?? 0;
      fieldCounts.set(column.collection, position + 1);
      const field = await tx.dataField.create({
        data: { collectionId, name: column.name, categories: column.categories, identity: column.identity, primaryKey: column.primaryKey, position },
        select: { id: true },
      });
      fieldIds.set(name, field.id);
      added.push(name);
    }
    for (const column of selection.columns) {
      const target = column.references ? fieldIds.get(column.references) : undefined;
      const id = fieldIds.get(`${column.collection}.${column.name}`);
      if (target && id && target !== id && added.includes(`${column.collection}.${column.name}`)) await tx.dataField.update({ where: { id }, data: { referencesFieldId: target } });
    }
    if (added.length) await recordMapEvent(tx, { systemId, actor, action: "discover.applied", data: { fields: added, collectionsAdded } });
    return { collectionsAdded, fieldsAdded: added.length, skipped };
  });
}
