import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import type { PlanSystem } from "@/lib/fulfillment/plan";
import { effectiveErasure, isPersonal } from "@/lib/erasure/strategy";

// What erasing a person does to one collection, from its fields' strategies. Pure.
//
// A field that says "delete the row" deletes the row: nothing else of it matters. Otherwise the
// fields to empty, replace or pseudonymise are changed in place and the kept ones stay. Rows are
// addressed by the collection's primary key fields, or, without one in the map, by the fields the
// run found them by (a table keyed only by email: the rows holding that email).

export type FieldChange = {
  field: string;
  to: { type: "null" } | { type: "value"; value: string } | { type: "pseudonym"; email: boolean };
};

export type CollectionErasure = {
  collection: string;
  deleteRows: boolean;
  /** Empty when the rows are deleted, or when every field is kept. */
  changes: FieldChange[];
  /** How a found row is addressed in the database. */
  keyFields: string[];
  /** Personal fields kept, with the reason (shown in the dry run and told to the requester). */
  kept: { field: string; reason: string }[];
  /** A correction (lib/corrections/): its changes write the new values; the proof checks they hold them. */
  correction?: boolean;
};

/** How a found row is addressed: the collection's primary key fields, else the fields it was found by. */
export function keyFieldsOf(collection: MapCollection, foundBy: readonly string[]): string[] {
  const keys = collection.fields.filter((f) => f.primaryKey).map((f) => f.name);
  return keys.length ? keys : [...new Set(foundBy)];
}

export function collectionErasure(collection: MapCollection, options: { referenced: ReadonlySet<string>; foundBy: readonly string[] }): CollectionErasure {
  const changes: FieldChange[] = [];
  const kept: { field: string; reason: string }[] = [];
  let deleteRows = false;
  for (const field of collection.fields) {
    const erasure = effectiveErasure(field, options.referenced.has(field.id));
    switch (erasure.strategy) {
      case "DELETE_ROW":
        deleteRows = true;
        break;
      case "SET_NULL":
        changes.push({ field: field.name, to: { type: "null" } });
        break;
      case "FIXED_VALUE":
        changes.push({ field: field.name, to: { type: "value", value: erasure.value ?? "" } });
        break;
      case "PSEUDONYMIZE":
        changes.push({ field: field.name, to: { type: "pseudonym", email: field.identity === "email" || field.categories.includes("user.contact.email") } });
        break;
      case "KEEP":
        if (isPersonal(field)) kept.push({ field: field.name, reason: erasure.reason ?? "" });
        break;
    }
  }
  return {
    collection: collection.name,
    deleteRows,
    changes: deleteRows ? [] : changes,
    keyFields: keyFieldsOf(collection, options.foundBy),
    kept: deleteRows ? [] : kept,
  };
}

/** Whether erasing changes anything in the collection. */
export function erasesSomething(erasure: CollectionErasure): boolean {
  return erasure.deleteRows || erasure.changes.length > 0;
}

/** The fields some mapped field points at, across the whole map (their default is to be kept). */
export function referencedFieldIds(systems: readonly MapSystem[]): Set<string> {
  const out = new Set<string>();
  for (const s of systems) for (const c of s.collections) for (const f of c.fields) if (f.referencesFieldId) out.add(f.referencesFieldId);
  return out;
}

/** A planned system's collections (those the run delivers) with their erasure, in the plan's order. */
export function systemErasures(planned: PlanSystem, system: MapSystem, referenced: ReadonlySet<string>): { collection: MapCollection; erasure: CollectionErasure }[] {
  return planned.collections.flatMap((pc) => {
    const collection = system.collections.find((c) => c.id === pc.collectionId);
    if (!collection || !pc.inPackage) return [];
    return [{ collection, erasure: collectionErasure(collection, { referenced, foundBy: pc.lookups.map((l) => l.field) }) }];
  });
}
