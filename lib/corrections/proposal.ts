import "server-only";
import { now as clockNow } from "@/lib/clock";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type ColumnFacts, type FoundRow } from "@/lib/connectors/types";
import { MAX_CORRECTION_VALUE, type Proposal, type ProposedChange } from "@/lib/corrections/changes";
import { openProposal } from "@/lib/corrections/erasures";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import { loadDataMap, loadSealedSecret } from "@/lib/datamap/load";
import type { MapSystem } from "@/lib/datamap/types";
import { valueFit } from "@/lib/erasure/strategy";
import { lockRun } from "@/lib/fulfillment/advance";
import { refuseRun } from "@/lib/fulfillment/errors";
import type { RunPlan } from "@/lib/fulfillment/plan";
import { readRecordChunks, sealJson } from "@/lib/fulfillment/records";
import { recordEvent } from "@/lib/requests/events";
import { isUuid, lockRequest } from "@/lib/requests/handling/load";

// A correction run's proposal (GDPR Art. 16): once the search found the person's records, the
// officer reads what the requester said is wrong and what it should say, and writes the new value
// of each correctable field (the data map marks them) in the collections where records were found.
// The proposal is sealed on the run (the values are the person's data), can be changed until it is
// approved, and each new value is checked against its column before it is kept. The approval and
// the writing are the erasure's (lib/erasure/run.ts), with these values as fixed values.

/** A correctable field the officer may propose a new value for, with what the run found in it. */
export type CorrectableField = {
  /** `collectionId:field`, the form's name for it. */
  key: string;
  collectionId: string;
  field: string;
  system: string;
  collection: string;
  /** Rows found in the collection. */
  rows: number;
  /** Distinct values found, the first few (personal: shown to staff who may read personal data). */
  current: string[];
  /** The value proposed so far, if any. */
  proposed: string | null;
};

const SHOWN_VALUES = 5;

export function fieldKey(collectionId: string, field: string): string {
  return `${collectionId}:${field}`;
}

function cell(value: FoundRow[string] | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The first few distinct values of a field among the rows found (the first chunk is enough to show). */
async function firstValues(db: Db, runId: string, collectionId: string, field: string): Promise<string[]> {
  for await (const chunk of readRecordChunks(db, runId, collectionId)) {
    const values = chunk.rows.map((r) => cell(r[field])).filter((v): v is string => v !== null);
    return [...new Set(values)].slice(0, SHOWN_VALUES);
  }
  return [];
}

/** Every correctable field of the collections the run found rows in, in the plan's order. */
export async function correctableFields(db: Db, runId: string): Promise<CorrectableField[]> {
  const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { plan: true, corrections: true } });
  const plan = run.plan as unknown as RunPlan;
  const [map, counts] = await Promise.all([
    loadDataMap(db),
    db.recordChunk.groupBy({ by: ["collectionId"], where: { runId }, _sum: { rowCount: true } }),
  ]);
  const found = new Map(counts.map((c) => [c.collectionId, c._sum.rowCount ?? 0]));
  const proposed = new Map((openProposal(run.corrections)?.changes ?? []).map((c) => [fieldKey(c.collectionId, c.field), c.value]));
  const out: CorrectableField[] = [];
  for (const planned of plan.systems) {
    const system = map.find((s) => s.id === planned.systemId);
    if (!system) continue;
    for (const pc of planned.collections) {
      const collection = system.collections.find((c) => c.id === pc.collectionId);
      const rows = found.get(pc.collectionId) ?? 0;
      if (!collection || !pc.inPackage || rows === 0) continue;
      for (const field of collection.fields.filter((f) => f.correctable && !f.primaryKey)) {
        const key = fieldKey(collection.id, field.name);
        out.push({
          key,
          collectionId: collection.id,
          field: field.name,
          system: system.name,
          collection: collection.description ?? collection.name,
          rows,
          current: await firstValues(db, runId, collection.id, field.name),
          proposed: proposed.get(key) ?? null,
        });
      }
    }
  }
  return out;
}

/** Why a proposed value was refused: the field, and what its column takes. */
export class CorrectionValueError extends DomainError {
  constructor(
    readonly field: string,
    readonly problem: "number" | "other" | "long",
    readonly max: number | null,
  ) {
    super(problem === "number" ? "CORRECTION_VALUE_NUMBER" : problem === "other" ? "CORRECTION_VALUE_OTHER" : "CORRECTION_VALUE_LONG", "The new value does not fit its column.");
  }
}

/** Checks each value against its column in the system's catalogue (SQL systems; others take text). */
async function checkValues(db: Db, system: MapSystem, changes: readonly { key: string; collection: string; field: string; value: string }[]): Promise<void> {
  const connector = connectorFor(system.kind);
  if (!connector?.columnFacts || !system.connection || changes.length === 0) return;
  const secret = openSecret(await loadSealedSecret(db, system.id));
  const tables = new Map<string, Map<string, ColumnFacts> | undefined>();
  for (const change of changes) {
    if (!tables.has(change.collection)) {
      try {
        tables.set(change.collection, await connector.columnFacts(system, secret, change.collection));
      } catch (error) {
        const reason = error instanceof ConnectorError ? error.message : "it did not answer";
        throw new DomainError("CORRECTION_UNCHECKED", `The new values could not be checked against ${system.name}: ${reason} Propose them again when it can be reached.`);
      }
    }
    const column = tables.get(change.collection)?.get(change.field);
    if (!column) continue;
    const fit = valueFit(change.value, column);
    if (fit) throw new CorrectionValueError(change.key, fit.problem, fit.max);
  }
}

/**
 * Keeps the officer's new values (`key` -> value; empty values are left out) on a correction run
 * awaiting approval, replacing an earlier proposal. Refuses unknown or no longer correctable
 * fields, values over MAX_CORRECTION_VALUE characters or that do not fit their column, and an
 * empty proposal. The event names the fields, never the values.
 */
export async function proposeCorrections(db: Db, runId: string, values: Readonly<Record<string, string>>, staffId: string): Promise<{ fields: number }> {
  if (!isUuid(runId)) throw refuseRun("RUN_NOT_FOUND");
  const entries = Object.entries(values)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value !== "");
  if (entries.length === 0) throw refuseRun("CORRECTION_EMPTY");
  const run = await db.fulfillmentRun.findUnique({ where: { id: runId }, select: { kind: true, status: true, requestId: true, plan: true } });
  if (!run) throw refuseRun("RUN_NOT_FOUND");
  if (run.kind !== "CORRECTION" || run.status !== "AWAITING_APPROVAL") throw refuseRun("CORRECTION_NOT_PROPOSING");
  const allowed = new Map((await correctableFields(db, runId)).map((f) => [f.key, f]));
  const changes: (ProposedChange & { key: string; system: string; collectionName: string })[] = [];
  const map = await loadDataMap(db);
  for (const [key, value] of entries) {
    const field = allowed.get(key);
    if (!field) throw refuseRun("CORRECTION_FIELD_UNKNOWN");
    if (value.length > MAX_CORRECTION_VALUE) throw new CorrectionValueError(key, "long", MAX_CORRECTION_VALUE);
    const system = map.find((s) => s.collections.some((c) => c.id === field.collectionId))!;
    const collectionName = system.collections.find((c) => c.id === field.collectionId)!.name;
    changes.push({ key, collectionId: field.collectionId, field: field.field, value, system: system.id, collectionName });
  }
  // The database's own word on each value, before anything is kept.
  for (const system of map.filter((s) => changes.some((c) => c.system === s.id))) {
    await checkValues(db, system, changes.filter((c) => c.system === system.id).map((c) => ({ key: c.key, collection: c.collectionName, field: c.field, value: c.value })));
  }
  const proposal: Proposal = { proposedById: staffId, changes: changes.map(({ collectionId, field, value }) => ({ collectionId, field, value })) };
  const now = clockNow();
  await db.$transaction(async (tx) => {
    await lockRequest(tx, run.requestId);
    await lockRun(tx, runId);
    const current = await tx.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    if (current.status !== "AWAITING_APPROVAL") throw refuseRun("CORRECTION_NOT_PROPOSING");
    await tx.fulfillmentRun.update({ where: { id: runId }, data: { corrections: sealJson(proposal) } });
    await recordEvent(tx, {
      requestId: run.requestId,
      actorType: "STAFF",
      actorId: staffId,
      action: "run.correction_proposed",
      visibility: "INTERNAL",
      // Which fields, never the values: the audit trail keeps no personal data in clear.
      data: { runId, fields: changes.map((c) => `${map.find((s) => s.id === c.system)!.name}: ${c.collectionName}.${c.field}`) },
      at: now,
    });
  });
  return { fields: changes.length };
}
