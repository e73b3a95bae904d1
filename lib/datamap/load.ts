import "server-only";
import type { Db } from "@/lib/db";
import type { HttpCollectionConfig, IdentityType, MapSystem, SqlConnection, HttpConnection } from "@/lib/datamap/types";

const include = {
  collections: {
    orderBy: [{ position: "asc" as const }, { name: "asc" as const }],
    include: { fields: { orderBy: [{ position: "asc" as const }, { name: "asc" as const }] } },
  },
};

type Loaded = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(db: Db, id: string) {
  return db.dataSystem.findUnique({ where: { id }, include });
}

function toMap(row: Loaded): MapSystem {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    ownerEmail: row.ownerEmail,
    purpose: row.purpose,
    thirdParty: row.thirdParty,
    country: row.country,
    noticeEmail: row.noticeEmail,
    dataUses: row.dataUses,
    kind: row.kind,
    connection: (row.connection ?? null) as SqlConnection | HttpConnection | null,
    hasSecret: row.secret !== null,
    collections: row.collections.map((c) => ({
      id: c.id,
      systemId: c.systemId,
      name: c.name,
      description: c.description,
      workspaceField: c.workspaceField,
      http: (c.http ?? null) as HttpCollectionConfig | null,
      fields: c.fields.map((f) => ({
        id: f.id,
        name: f.name,
        description: f.description,
        categories: f.categories,
        identity: (f.identity ?? null) as IdentityType | null,
        primaryKey: f.primaryKey,
        referencesFieldId: f.referencesFieldId,
        erasure: f.erasureStrategy ? { strategy: f.erasureStrategy, value: f.erasureValue, reason: f.retentionReason } : null,
        correctable: f.correctable,
      })),
    })),
  };
}

/** One system of the map with its collections and fields (no secret), or null. */
export async function loadSystem(db: Db, id: string): Promise<MapSystem | null> {
  const row = await loadRow(db, id);
  return row ? toMap(row) : null;
}

/** The whole map, systems by name. Bounded by what admins map (tens of systems, not millions). */
export async function loadDataMap(db: Db): Promise<MapSystem[]> {
  const rows = await db.dataSystem.findMany({ include, orderBy: { name: "asc" } });
  return rows.map(toMap);
}

/** A system's sealed secret, for the process that connects (never for a page). */
export async function loadSealedSecret(db: Db, id: string): Promise<Uint8Array | null> {
  const row = await db.dataSystem.findUnique({ where: { id }, select: { secret: true } });
  return row?.secret ?? null;
}
