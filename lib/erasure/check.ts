import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type ColumnFacts } from "@/lib/connectors/types";
import type { Db } from "@/lib/db";
import { loadSealedSecret, loadSystem } from "@/lib/datamap/load";
import type { ErasureStrategy, MapSystem } from "@/lib/datamap/types";
import { effectiveErasure, strategyProblem } from "@/lib/erasure/strategy";

// Whether the database behind a SQL system can take the erasure strategies the map gives its
// fields: a chosen strategy is refused when the field is saved (checkChosenStrategy), and Test
// connection reports every field whose strategy, chosen or default, the column cannot take
// (erasureProblems). HTTP and manual systems have no catalogue to ask: their strategies are
// applied by their owner or API as written.

const CHANGES: readonly ErasureStrategy[] = ["SET_NULL", "FIXED_VALUE", "PSEUDONYMIZE"];

/**
 * Refuses a strategy the column cannot take, with the reason. Asked before the map's transaction
 * (the database may take seconds to answer); a system that cannot be reached refuses the save, as
 * the strategy could not be checked.
 */
export async function checkChosenStrategy(
  db: Db,
  target: { systemId: string; collection: string; field: string },
  erasure: { strategy: ErasureStrategy | null; value: string | null },
): Promise<void> {
  if (!erasure.strategy || !CHANGES.includes(erasure.strategy)) return;
  const column = await columnOf(db, target, "The strategy", "or choose “Delete the row” or “Keep it”");
  // A missing table or column is Test connection's to report; it is not a strategy's problem.
  if (!column) return;
  const problem = strategyProblem({ strategy: erasure.strategy, value: erasure.value }, column);
  if (problem) throw new DomainError("ERASURE_STRATEGY_REFUSED", problem);
}

/**
 * Refuses to mark a field correctable when a foreign key in the database points at its column: a
 * correction would break the rows that reference it. Like a strategy, asked before the map's
 * transaction; a system that cannot be reached refuses the save.
 */
export async function checkCorrectable(db: Db, target: { systemId: string; collection: string; field: string }): Promise<void> {
  const column = await columnOf(db, target, "Whether it can be corrected", "or leave it not correctable");
  if (column && column.referencedBy.length) {
    throw new DomainError(
      "CORRECTION_REFUSED",
      `${column.referencedBy.join(", ")} ${column.referencedBy.length === 1 ? "points" : "point"} at ${column.name} (a foreign key): correcting it would break ${column.referencedBy.length === 1 ? "that reference" : "those references"}. Leave it not correctable; its owner corrects it by hand.`,
    );
  }
}

/** The column's facts from a SQL system's catalogue; null for other systems and unknown columns. */
async function columnOf(db: Db, target: { systemId: string; collection: string; field: string }, what: string, otherwise: string): Promise<ColumnFacts | null> {
  const system = await loadSystem(db, target.systemId);
  const connector = system ? connectorFor(system.kind) : null;
  if (!system || !connector?.columnFacts || !system.connection) return null;
  try {
    const facts = await connector.columnFacts(system, openSecret(await loadSealedSecret(db, system.id)), target.collection);
    return facts?.get(target.field) ?? null;
  } catch (error) {
    const reason = error instanceof ConnectorError ? error.message : "it did not answer";
    throw new DomainError("ERASURE_UNCHECKED", `${what} could not be checked against ${system.name}: ${reason} Save it when the system can be reached, ${otherwise}.`);
  }
}

/** Every field of a SQL system whose strategy, chosen or default, its column cannot take, in words. `referenced`: referencedFieldIds of the whole map. */
export async function erasureProblems(
  system: MapSystem,
  referenced: ReadonlySet<string>,
  facts: (table: string) => Promise<Map<string, ColumnFacts> | undefined>,
): Promise<{ field: string; chosen: boolean; message: string }[]> {
  const out: { field: string; chosen: boolean; message: string }[] = [];
  for (const collection of system.collections) {
    const columns = await facts(collection.name);
    if (!columns) continue;
    // Rows that are deleted: what the other fields would have had done to them does not happen.
    const deletes = collection.fields.some((f) => effectiveErasure(f, referenced.has(f.id)).strategy === "DELETE_ROW");
    for (const field of collection.fields) {
      if (deletes && effectiveErasure(field, referenced.has(field.id)).strategy !== "DELETE_ROW") continue;
      const column = columns.get(field.name);
      if (!column) continue;
      const erasure = effectiveErasure(field, referenced.has(field.id));
      const problem = strategyProblem(erasure, column);
      if (problem) out.push({ field: `${collection.name}.${field.name}`, chosen: erasure.chosen, message: problem });
    }
  }
  return out;
}
