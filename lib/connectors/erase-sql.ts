import type { FoundRow } from "@/lib/connectors/types";
import type { CollectionErasure } from "@/lib/erasure/collection";

// The one statement that erases a batch of found rows of a collection, for either SQL dialect.
// Pure. Identifiers arrive quoted by the driver's own function; every value is a bound parameter.
// Idempotent by construction: rows are addressed by key (a row deleted, or whose key field was
// emptied, is simply not matched again), and a pseudonym replaces only the original value
// (CASE col WHEN original THEN pseudonym ELSE col END), so a second application changes nothing.

export type Dialect = {
  quote(name: string): string;
  /** The n-th placeholder (1-based): $n for PostgreSQL, ? for MySQL. */
  param(n: number): string;
};

export type Statement = { text: string; values: unknown[] };

type Scalar = string | number | boolean;

function scalar(value: FoundRow[string] | undefined): Scalar | null {
  if (value === null || value === undefined || typeof value === "object") return null;
  return value;
}

/**
 * The statement for `rows` (as a run found them), or null when none can be addressed (a key
 * value missing) or nothing changes. `pseudonymOf` gives the pseudonym of an original value.
 */
export function eraseStatement(
  dialect: Dialect,
  table: string,
  erasure: CollectionErasure,
  rows: readonly FoundRow[],
  pseudonymOf: (value: string, email: boolean) => string,
): Statement | null {
  if (!erasure.deleteRows && erasure.changes.length === 0) return null;
  if (erasure.keyFields.length === 0) return null;
  const values: unknown[] = [];
  const p = (value: unknown) => {
    values.push(value);
    return dialect.param(values.length);
  };

  const sets: string[] = [];
  if (!erasure.deleteRows) {
    for (const change of erasure.changes) {
      const column = dialect.quote(change.field);
      if (change.to.type === "null") sets.push(`${column} = NULL`);
      else if (change.to.type === "value") sets.push(`${column} = ${p(change.to.value)}`);
      else {
        const originals = [...new Set(rows.map((r) => scalar(r[change.field])).filter((v): v is Scalar => v !== null).map(String))];
        if (!originals.length) continue;
        const email = change.to.email;
        const branches = originals.map((original) => `WHEN ${p(original)} THEN ${p(pseudonymOf(original, email))}`).join(" ");
        sets.push(`${column} = CASE ${column} ${branches} ELSE ${column} END`);
      }
    }
    if (!sets.length) return null;
  }

  // Distinct keys of the rows that have all their key values.
  const seen = new Set<string>();
  const keys: Scalar[][] = [];
  for (const row of rows) {
    const key = erasure.keyFields.map((f) => scalar(row[f]));
    if (key.some((v) => v === null)) continue;
    const id = JSON.stringify(key);
    if (seen.has(id)) continue;
    seen.add(id);
    keys.push(key as Scalar[]);
  }
  if (!keys.length) return null;
  const where =
    erasure.keyFields.length === 1
      ? `${dialect.quote(erasure.keyFields[0]!)} IN (${keys.map((k) => p(k[0])).join(", ")})`
      : `(${erasure.keyFields.map((f) => dialect.quote(f)).join(", ")}) IN (${keys.map((k) => `(${k.map((v) => p(v)).join(", ")})`).join(", ")})`;

  const text = erasure.deleteRows ? `DELETE FROM ${table} WHERE ${where}` : `UPDATE ${table} SET ${sets.join(", ")} WHERE ${where}`;
  return { text, values };
}
