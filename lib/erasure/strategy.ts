import type { ColumnFacts } from "@/lib/connectors/types";
import type { ErasureStrategy, FieldErasure, MapField } from "@/lib/datamap/types";

// What an erasure does to each mapped field (GDPR Art. 17; CCPA §1798.105), decided in the data
// map before any request needs it. Pure: the defaults, the words, and whether a column in the
// database can take a strategy at all, checked against what its catalogue says (ColumnFacts).
//
// - DELETE_ROW: the row goes (children first: erasure runs in an order that respects references).
// - SET_NULL, FIXED_VALUE: the value goes, the row stays (a ticket's text kept for the team's
//   statistics, say, without the person).
// - PSEUDONYMIZE: the value becomes a keyed pseudonym (lib/erasure/pseudonym.ts): the same input
//   gives the same pseudonym, so joins between tables still work, and nobody without the key can
//   go back.
// - KEEP: kept, for the reason the admin wrote (GDPR Art. 17(3): a legal obligation such as tax
//   records, legal claims...). A personal field is never kept without one.

export const STRATEGY_LABELS: Record<ErasureStrategy, string> = {
  DELETE_ROW: "Delete the row",
  SET_NULL: "Empty it (set to null)",
  FIXED_VALUE: "Replace with a fixed value",
  PSEUDONYMIZE: "Replace with a pseudonym",
  KEEP: "Keep it",
};

/** Whether the map calls the field personal: a category in the user.* branch. */
export function isPersonal(field: Pick<MapField, "categories">): boolean {
  return field.categories.some((c) => c === "user" || c.startsWith("user."));
}

/**
 * The strategy a field gets when the admin chose none. Not personal: kept as it is. A key (the
 * row's own, or one another mapped field points at): kept, so the rows around it stay consistent
 * while their personal fields go. Any other personal field: emptied.
 */
export function defaultErasure(field: Pick<MapField, "categories" | "primaryKey">, referenced: boolean): FieldErasure {
  if (!isPersonal(field)) return { strategy: "KEEP", value: null, reason: "Not personal data by its categories." };
  if (field.primaryKey || referenced) {
    return { strategy: "KEEP", value: null, reason: "A key other rows are found by; the personal fields around it are erased." };
  }
  return { strategy: "SET_NULL", value: null, reason: null };
}

/** The admin's choice, else the default. */
export function effectiveErasure(field: Pick<MapField, "categories" | "primaryKey" | "erasure">, referenced: boolean): FieldErasure & { chosen: boolean } {
  return field.erasure ? { ...field.erasure, chosen: true } : { ...defaultErasure(field, referenced), chosen: false };
}

/** The length of every pseudonym ("anon_" and 32 hex digits): a text column must hold this much. */
export const PSEUDONYM_LENGTH = 37;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Why the column cannot take the strategy, in words for the admin, or null when it can. Checked
 * when the map is saved and by Test connection; an erasure never starts on a map that fails it.
 */
export function strategyProblem(erasure: Pick<FieldErasure, "strategy" | "value">, column: ColumnFacts): string | null {
  const name = column.name;
  const referenced = column.referencedBy.length
    ? `${column.referencedBy.join(", ")} ${column.referencedBy.length === 1 ? "points" : "point"} at ${name} (a foreign key): changing it would break ${column.referencedBy.length === 1 ? "that reference" : "those references"}. Delete the row (the rows pointing at it go first) or keep it.`
    : null;
  switch (erasure.strategy) {
    case "DELETE_ROW":
    case "KEEP":
      return null;
    case "SET_NULL":
      if (!column.nullable) return `${name} is NOT NULL in the database: it cannot be emptied. Choose a fixed value, a pseudonym, or delete the row.`;
      return referenced;
    case "FIXED_VALUE": {
      if (column.unique) return `${name} has a unique index: every erased row would hold the same value. Choose a pseudonym, empty it, or delete the row.`;
      if (referenced) return referenced;
      return valueProblem(erasure.value ?? "", column, "the fixed value", "Empty it, or delete the row.");
    }
    case "PSEUDONYMIZE":
      if (column.kind !== "text") return `${name} does not hold text: a pseudonym is text. Empty it, replace it with a fixed value, or delete the row.`;
      if (column.maxLength !== null && column.maxLength < PSEUDONYM_LENGTH) return `${name} holds at most ${column.maxLength} characters: a pseudonym needs ${PSEUDONYM_LENGTH}.`;
      return referenced;
  }
}

/** Whether a column can hold `value` (a fixed value, or a correction's new value); null when it can. */
export function valueFit(value: string, column: ColumnFacts): { problem: "number" | "other" | "long"; max: number | null } | null {
  if (column.kind === "number" && !NUMBER.test(value)) return { problem: "number", max: null };
  if (column.kind === "other") return { problem: "other", max: null };
  if (column.maxLength !== null && value.length > column.maxLength) return { problem: "long", max: column.maxLength };
  return null;
}

/** valueFit in words: `what` names the value ("the fixed value"); `otherwise` says what to do instead. */
export function valueProblem(value: string, column: ColumnFacts, what: string, otherwise: string): string | null {
  const fit = valueFit(value, column);
  const name = column.name;
  if (fit?.problem === "number") return `${name} holds numbers: enter a number as ${what}.`;
  if (fit?.problem === "other") return `${name} is neither text nor a number: ${what} may not fit it. ${otherwise}`;
  if (fit?.problem === "long") return `${name} holds at most ${fit.max} characters: ${what} is longer.`;
  return null;
}

/** The strategy in words, as the map and the dry run show it. */
export function describeErasure(erasure: FieldErasure): string {
  switch (erasure.strategy) {
    case "FIXED_VALUE":
      return `Replace with “${erasure.value ?? ""}”`;
    case "KEEP":
      return erasure.reason ? `Keep: ${erasure.reason}` : "Keep";
    default:
      return STRATEGY_LABELS[erasure.strategy];
  }
}
