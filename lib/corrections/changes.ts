import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import { keyFieldsOf, type CollectionErasure } from "@/lib/erasure/collection";
import type { PlanSystem } from "@/lib/fulfillment/plan";

// A correction (GDPR Art. 16; CCPA §1798.106) as the connector applies it: the officer's proposed
// new values, one per correctable field, written over the rows the run found, like an erasure's
// fixed value (lib/connectors/erase-sql.ts), batch by batch. Pure.

/** One proposed new value: a correctable field of a collection the run found rows in. */
export type ProposedChange = { collectionId: string; field: string; value: string };

/** What the officer proposed, sealed on the run (the values are the person's data). */
export type Proposal = { proposedById: string; changes: ProposedChange[] };

/** The longest new value accepted (the request form's own limit). */
export const MAX_CORRECTION_VALUE = 2000;

/** The collection's part of a correction: its changed fields set to their new values, rows addressed as an erasure addresses them. */
export function correctionErasure(collection: MapCollection, changes: readonly ProposedChange[], foundBy: readonly string[]): CollectionErasure {
  return {
    collection: collection.name,
    deleteRows: false,
    changes: changes.filter((c) => c.collectionId === collection.id).map((c) => ({ field: c.field, to: { type: "value" as const, value: c.value } })),
    keyFields: keyFieldsOf(collection, foundBy),
    kept: [],
    correction: true,
  };
}

/** A planned system's collections that the proposal changes, in the plan's order. */
export function correctionErasures(planned: PlanSystem, system: MapSystem, changes: readonly ProposedChange[]): { collection: MapCollection; erasure: CollectionErasure }[] {
  return planned.collections.flatMap((pc) => {
    const collection = system.collections.find((c) => c.id === pc.collectionId);
    if (!collection || !pc.inPackage || !changes.some((c) => c.collectionId === collection.id)) return [];
    return [{ collection, erasure: correctionErasure(collection, changes, pc.lookups.map((l) => l.field)) }];
  });
}
