import "server-only";
import { z } from "zod";
import type { StaffUser } from "@/lib/auth/staff";
import { loadDataMap, loadSystem } from "@/lib/datamap/load";
import { assertMayReadMap } from "@/lib/datamap/write";
import type { TestReport } from "@/lib/connectors/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// What the data map pages read. Every staff role may read the map: it describes systems, never a
// person's data, and holds no secret (only whether one is stored, and since when).

export const SYSTEMS_LIMIT = 500;
export const HISTORY_LIMIT = 100;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** The systems table: bounded, since a map lists tens of systems, not thousands. */
export async function listSystems(viewer: StaffUser) {
  assertMayReadMap(viewer);
  const rows = await db.dataSystem.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SYSTEMS_LIMIT + 1,
    select: { id: true, key: true, name: true, kind: true, ownerEmail: true, thirdParty: true, testedAt: true, testOk: true, _count: { select: { collections: true } } },
  });
  return { systems: rows.slice(0, SYSTEMS_LIMIT), truncated: rows.length > SYSTEMS_LIMIT };
}

export async function readAutoRunTypes(viewer: StaffUser) {
  assertMayReadMap(viewer);
  const settings = await db.organizationSettings.findUnique({ where: { id: 1 }, select: { autoRunTypes: true } });
  return settings?.autoRunTypes ?? [];
}

/** A system with its collections, fields, last test, secret's date (never the secret) and newest history. */
export async function getSystemPage(viewer: StaffUser, systemId: string) {
  assertMayReadMap(viewer);
  if (!isUuid(systemId)) return null;
  const [system, extra] = await Promise.all([
    loadSystem(db, systemId),
    db.dataSystem.findUnique({ where: { id: systemId }, select: { secretSetAt: true, testedAt: true, testOk: true, testReport: true, createdAt: true } }),
  ]);
  if (!system || !extra) return null;
  const { history, truncated } = await readHistory({ systemId });
  // Its fields that a mapped field (of any system) points at: kept by default on erasure.
  const pointedAt = await db.dataField.findMany({
    where: { referencesFieldId: { in: system.collections.flatMap((c) => c.fields.map((f) => f.id)) } },
    distinct: ["referencesFieldId"],
    select: { referencesFieldId: true },
  });
  return {
    system,
    referenced: new Set(pointedAt.map((f) => f.referencesFieldId!)),
    secretSetAt: extra.secretSetAt,
    createdAt: extra.createdAt,
    test: extra.testedAt ? { at: extra.testedAt, ok: extra.testOk === true, report: extra.testReport as TestReport | null } : null,
    history,
    historyTruncated: truncated,
  };
}

export type MapHistoryEntry = { id: string; action: string; at: Date; data: unknown; actorEmail: string | null };

async function readHistory(where: Prisma.DataMapEventWhereInput): Promise<{ history: MapHistoryEntry[]; truncated: boolean }> {
  const events = await db.dataMapEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT + 1,
    select: { id: true, action: true, actorId: true, data: true, at: true },
  });
  const actors = await db.staff.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  return {
    history: events.slice(0, HISTORY_LIMIT).map((e) => ({ id: e.id.toString(), action: e.action, at: e.at, data: e.data, actorEmail: emailOf.get(e.actorId) ?? null })),
    truncated: events.length > HISTORY_LIMIT,
  };
}

/** Changes to the map as a whole: imports, the automatic-run setting, and systems removed (whose own page is gone). */
export async function mapWideHistory(viewer: StaffUser) {
  assertMayReadMap(viewer);
  return readHistory({ OR: [{ systemId: null }, { action: "system.deleted" }] });
}

/** Every mapped field as "system.collection.field", for the reference choice. */
export async function referenceOptions(viewer: StaffUser) {
  assertMayReadMap(viewer);
  const fields = await db.dataField.findMany({
    take: 5000,
    orderBy: [{ collection: { system: { key: "asc" } } }, { collection: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, collection: { select: { name: true, system: { select: { key: true } } } } },
  });
  return fields.map((f) => ({ id: f.id, label: `${f.collection.system.key}.${f.collection.name}.${f.name}` }));
}

/** The whole map for the YAML download. */
export async function mapForExport(viewer: StaffUser) {
  assertMayReadMap(viewer);
  return loadDataMap(db);
}
