import "server-only";
import type { FoundRow } from "@/lib/connectors/types";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import type { MapCollection, SystemKind } from "@/lib/datamap/types";
import { plannedErasures } from "@/lib/corrections/erasures";
import { referencedFieldIds, type CollectionErasure } from "@/lib/erasure/collection";
import { describeErasure } from "@/lib/erasure/strategy";
import type { RunPlan } from "@/lib/fulfillment/plan";
import { readRecordChunks } from "@/lib/fulfillment/records";

// The dry run of an erasure (GDPR Art. 17): from what a run found, per system and collection, how
// many rows would be deleted or changed and how, what would be kept and why, and a few of the
// rows as they are now. A correction's (Art. 16) shows the collections its proposal changes, with
// the new values. Nothing is written anywhere: the officer reads it before approving.
// Bounded: the plan's collections (tens), a count per collection from the chunk table, and the
// first few rows of each collection's first chunk.

export const SAMPLE_ROWS = 3;

export type DryRunCollection = {
  collectionId: string;
  name: string;
  rows: number;
  /** delete: the rows go; change: fields are changed in place; keep: nothing changes. */
  action: "delete" | "change" | "keep";
  changes: { field: string; what: string }[];
  kept: { field: string; reason: string }[];
  /** The key fields and the fields that change, of the first rows found (personal: staff who may read it). */
  samples: Record<string, string>[];
};

export type DryRunSystem = { systemId: string; name: string; kind: SystemKind; collections: DryRunCollection[] };

export type DryRun = { systems: DryRunSystem[]; rowsDeleted: number; rowsChanged: number; rowsKept: number };

function cell(value: FoundRow[string] | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The dry-run line of one collection, from its erasure and the rows found. Pure. */
export function dryRunCollection(collection: MapCollection, erasure: CollectionErasure, rows: number, firstRows: readonly FoundRow[]): DryRunCollection {
  const action = erasure.deleteRows ? "delete" : erasure.changes.length ? "change" : "keep";
  const shown = [...new Set([...erasure.keyFields, ...(action === "delete" ? collection.fields.map((f) => f.name) : erasure.changes.map((c) => c.field))])];
  return {
    collectionId: collection.id,
    name: collection.name,
    rows,
    action,
    changes: erasure.changes.map((c) => ({
      field: c.field,
      what: describeErasure({
        strategy: c.to.type === "null" ? "SET_NULL" : c.to.type === "value" ? "FIXED_VALUE" : "PSEUDONYMIZE",
        value: c.to.type === "value" ? c.to.value : null,
        reason: null,
      }),
    })),
    kept: erasure.kept,
    samples: firstRows.slice(0, SAMPLE_ROWS).map((row) => Object.fromEntries(shown.map((f) => [f, cell(row[f])]))),
  };
}

/** The dry run of a run's found records (its tasks ended). */
export async function dryRun(db: Db, runId: string): Promise<DryRun> {
  const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { plan: true, kind: true, corrections: true } });
  const plan = run.plan as unknown as RunPlan;
  const [map, counts] = await Promise.all([
    loadDataMap(db),
    db.recordChunk.groupBy({ by: ["collectionId"], where: { runId }, _sum: { rowCount: true } }),
  ]);
  const found = new Map(counts.map((c) => [c.collectionId, c._sum.rowCount ?? 0]));
  const erasuresOf = plannedErasures(run, referencedFieldIds(map));
  const systems: DryRunSystem[] = [];
  let rowsDeleted = 0;
  let rowsChanged = 0;
  let rowsKept = 0;
  for (const planned of plan.systems) {
    const system = map.find((s) => s.id === planned.systemId);
    if (!system || system.kind === "MANUAL") continue;
    const collections: DryRunCollection[] = [];
    for (const { collection, erasure } of erasuresOf(planned, system)) {
      const rows = found.get(collection.id) ?? 0;
      let first: FoundRow[] = [];
      if (rows) for await (const chunk of readRecordChunks(db, runId, collection.id)) {
        first = chunk.rows.slice(0, SAMPLE_ROWS);
        break;
      }
      const line = dryRunCollection(collection, erasure, rows, first);
      if (line.action === "delete") rowsDeleted += rows;
      else if (line.action === "change") rowsChanged += rows;
      else rowsKept += rows;
      collections.push(line);
    }
    if (collections.length) systems.push({ systemId: system.id, name: system.name, kind: system.kind, collections });
  }
  return { systems, rowsDeleted, rowsChanged, rowsKept };
}
