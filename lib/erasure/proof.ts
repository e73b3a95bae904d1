import type { ConnectorSession, FoundRow } from "@/lib/connectors/types";
import type { MapCollection } from "@/lib/datamap/types";
import type { CollectionErasure } from "@/lib/erasure/collection";

// The proof of an erasure: after the batches, each erased row is looked up again by its key in a
// fresh read-only session, and must be gone (deleted rows) or hold no original value in a field
// that was to change (emptied, replaced, pseudonymised); after a correction, hold the new values. The count of rows that still do is the
// proof's result, per collection, kept in the run's record. Nothing personal is kept by it.

export type ProofLine = { collection: string; checked: number; left: number };

type Scalar = string | number | boolean;
const scalar = (v: FoundRow[string] | undefined): Scalar | null => (v === null || v === undefined || typeof v === "object" ? null : v);

/** Checks one chunk of erased rows; returns how many were checked and how many still hold what was erased. */
export async function proveChunk(session: ConnectorSession, collection: MapCollection, erasure: CollectionErasure, rows: readonly FoundRow[]): Promise<{ checked: number; left: number }> {
  // Looked up by the first key field; a composite key is then matched whole.
  const first = erasure.keyFields[0];
  const field = collection.fields.find((f) => f.name === first);
  if (!field) return { checked: 0, left: 0 };
  const keyOf = (row: FoundRow) => JSON.stringify(erasure.keyFields.map((k) => scalar(row[k])));
  const originals = new Map(rows.filter((r) => erasure.keyFields.every((k) => scalar(r[k]) !== null)).map((r) => [keyOf(r), r]));
  const values = [...new Set([...originals.values()].map((r) => String(scalar(r[first!]))))];
  let left = 0;
  for await (const batch of session.lookup({ collection, field, values })) {
    for (const now of batch) {
      const before = originals.get(keyOf(now));
      if (!before) continue;
      if (erasure.deleteRows) left++;
      // A correction: each changed field must now hold its new value.
      else if (erasure.correction) {
        if (erasure.changes.some((c) => c.to.type === "value" && String(scalar(now[c.field])) !== c.to.value)) left++;
      }
      // Addressed by the field it was found by, a row whose key was emptied is not found again: gone.
      else if (erasure.changes.some((c) => scalar(before[c.field]) !== null && scalar(now[c.field]) === scalar(before[c.field]))) left++;
    }
  }
  return { checked: originals.size, left };
}
