import "server-only";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import type { MapCollection, MapField, MapSystem } from "@/lib/datamap/types";
import { packageFields, pickFields } from "@/lib/fulfillment/package/filter";
import { zipSegment } from "@/lib/fulfillment/package/format";
import type { RunKind, RunPlan } from "@/lib/fulfillment/plan";
import { readRecordChunks } from "@/lib/fulfillment/records";
import { readOrganizationDetails } from "@/lib/organization/settings";
import type { OrganizationDetails } from "@/lib/organization/types";

// What goes into a run's package, read from the run, its plan and the data map: everything but
// the records themselves, which are read chunk by chunk each time a file of the package needs
// them (packageRecords), so memory holds one chunk whatever the person's data amounts to.

export type PackageCollection = {
  collection: Pick<MapCollection, "id" | "name" | "description">;
  fields: MapField[];
  /** Its CSV inside the zip. */
  csvPath: string;
  /** Records in the package (found minus excluded). */
  count: number;
  excluded: number;
};

export type PackageFile = { id: string; filename: string; contentType: string; size: number; /** Inside the zip. */ path: string };

export type PackageSystem = {
  system: Pick<MapSystem, "id" | "key" | "name" | "description" | "purpose" | "thirdParty" | "kind">;
  collections: PackageCollection[];
  /** What a manual system's owner uploaded. */
  files: PackageFile[];
  /** The owner's answer ("nothing found", or a note about the files). */
  ownerNote: string | null;
};

export type PackageContents = {
  runId: string;
  kind: RunKind;
  org: OrganizationDetails;
  request: { id: string; reference: string; receivedAt: Date };
  generatedAt: Date;
  systems: PackageSystem[];
  /** Record keys left out, per collection id. */
  exclusions: Map<string, Set<string>>;
  /** An access or export run over a map with customer workspace content, which it left to the customers. */
  workspaceContentLeftOut: boolean;
};

// An officer excludes records one by one: thousands would be a different problem.
const MAX_EXCLUSIONS = 10_000;

export async function loadPackageContents(db: Db, runId: string, generatedAt: Date): Promise<PackageContents> {
  const run = await db.fulfillmentRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      id: true,
      kind: true,
      plan: true,
      request: { select: { id: true, reference: true, receivedAt: true } },
      tasks: { select: { systemId: true, status: true, ownerNote: true, files: { select: { id: true, filename: true, contentType: true, size: true }, orderBy: { createdAt: "asc" }, take: 200 } } },
    },
  });
  const [map, org, exclusionRows, counts] = await Promise.all([
    loadDataMap(db),
    readOrganizationDetails(db),
    db.recordExclusion.findMany({ where: { runId }, select: { collectionId: true, recordKey: true }, take: MAX_EXCLUSIONS }),
    db.recordChunk.groupBy({ by: ["collectionId"], where: { runId }, _sum: { rowCount: true } }),
  ]);
  const exclusions = new Map<string, Set<string>>();
  for (const e of exclusionRows) {
    const keys = exclusions.get(e.collectionId) ?? new Set<string>();
    keys.add(e.recordKey);
    exclusions.set(e.collectionId, keys);
  }
  const found = new Map(counts.map((c) => [c.collectionId, c._sum.rowCount ?? 0]));
  const systemsById = new Map(map.map((s) => [s.id, s]));
  const tasks = new Map(run.tasks.map((t) => [t.systemId, t]));
  const plan = run.plan as unknown as RunPlan;

  const systems: PackageSystem[] = [];
  for (const planned of plan.systems) {
    const system = systemsById.get(planned.systemId);
    const task = tasks.get(planned.systemId);
    if (!system || !task || task.status !== "DONE") continue;
    const collections: PackageCollection[] = [];
    for (const pc of planned.collections) {
      if (!pc.inPackage) continue;
      const collection = system.collections.find((c) => c.id === pc.collectionId);
      if (!collection) continue;
      const fields = packageFields(run.kind, collection);
      if (fields.length === 0) continue;
      const excluded = exclusions.get(collection.id)?.size ?? 0;
      const total = found.get(collection.id) ?? 0;
      const csvPath = `${zipSegment(system.key)}/${zipSegment(collection.name)}.csv`;
      collections.push({ collection, fields, csvPath, count: Math.max(0, total - excluded), excluded });
    }
    if (collections.length === 0 && task.files.length === 0 && !task.ownerNote) continue;
    systems.push({ system, collections, files: filePaths(system.key, task.files), ownerNote: task.ownerNote });
  }
  const workspaceContentLeftOut = run.kind !== "WORKSPACE_EXPORT" && map.some((s) => s.collections.some((c) => c.workspaceField));
  return { runId, kind: run.kind, org, request: run.request, generatedAt, systems, exclusions, workspaceContentLeftOut };
}

/** Where each uploaded file goes in the zip: `<system>/files/<name>`, a second file of the same name numbered. */
function filePaths(systemKey: string, files: Omit<PackageFile, "path">[]): PackageFile[] {
  const used = new Set<string>();
  return files.map((f) => {
    const name = zipSegment(f.filename);
    const dot = name.lastIndexOf(".");
    let path = `${zipSegment(systemKey)}/files/${name}`;
    for (let n = 2; used.has(path.toLowerCase()); n++) {
      path = `${zipSegment(systemKey)}/files/${dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`}`;
    }
    used.add(path.toLowerCase());
    return { ...f, path };
  });
}

/**
 * One collection's records as the package holds them, a chunk at a time (excluded ones left out,
 * fields cut to the package's): files are written per chunk, not per record.
 */
export async function* packageRecords(db: Db, contents: PackageContents, entry: PackageCollection): AsyncGenerator<Record<string, unknown>[]> {
  const excluded = contents.exclusions.get(entry.collection.id);
  for await (const { seq, rows } of readRecordChunks(db, contents.runId, entry.collection.id)) {
    const kept: Record<string, unknown>[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (excluded?.has(`${seq}.${i}`)) continue;
      kept.push(pickFields(rows[i]!, entry.fields));
    }
    if (kept.length) yield kept;
  }
}
