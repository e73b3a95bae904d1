import type { MapCollection, MapField, MapSystem, SqlConnection } from "@/lib/datamap/types";
import { suggestCategories, suggestIdentity } from "@/lib/datamap/taxonomy";
import { ConnectorError, type DiscoveredCollection, type FoundRow, type TestReport } from "@/lib/connectors/types";

// What the PostgreSQL and MySQL/MariaDB connectors share: the map-side checks (which tables and
// columns the map names, which of them are looked up), the schema check against the live
// catalogue, JSON-safe values and the batching of looked-up values. No driver here.

/** Rows per batch handed to the run executor: small enough to stay flat in memory. */
export const ROW_BATCH = 1000;
export const CONNECT_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 60_000;

export function sqlConnection(system: MapSystem): SqlConnection {
  const c = system.connection as SqlConnection | null;
  if (!c || typeof c.host !== "string" || !c.host || typeof c.database !== "string" || !c.database || !c.user) {
    throw new ConnectorError("protocol", `System "${system.name}" has no complete connection (host, database and user are needed).`);
  }
  return c;
}

/** A live column as the catalogue describes it. */
export type LiveColumn = {
  name: string;
  /** The type as the database names it (integer, character varying, varchar(255)...). */
  dataType: string;
  nullable: boolean;
};

/** Tables and their columns as the live schema has them, for the tables the map names. */
export type LiveSchema = Map<string, Map<string, LiveColumn>>;

/** The columns of a collection the database must have: its mapped fields and its workspace field. */
export function mappedColumns(collection: MapCollection): string[] {
  const names = collection.fields.map((f) => f.name);
  if (collection.workspaceField && !names.includes(collection.workspaceField)) names.push(collection.workspaceField);
  return names;
}

/** Every mapped table or column missing from the live schema, in words. */
export function schemaProblems(collection: MapCollection, table: Map<string, LiveColumn> | undefined): TestReport["problems"] {
  if (!table) {
    return [{ collection: collection.name, message: `Table ${collection.name} is mapped but does not exist (renamed or dropped?)` }];
  }
  return mappedColumns(collection)
    .filter((name) => !table.has(name))
    .map((name) => ({
      collection: collection.name,
      field: name,
      message: `Column ${collection.name}.${name} is mapped but the table has no such column (renamed?)`,
    }));
}

/** Throws the first schema problem as a ConnectorError("schema"); returns the live table otherwise. */
export function assertSchema(collection: MapCollection, table: Map<string, LiveColumn> | undefined): Map<string, LiveColumn> {
  const [problem] = schemaProblems(collection, table);
  if (problem) throw new ConnectorError("schema", problem.message);
  return table!;
}

/**
 * The columns lookups search by, per collection: identities, fields that reference another
 * field, fields another field references, and the workspace field. Each wants an index.
 */
export function lookupColumns(system: MapSystem): Map<MapCollection, { name: string; email: boolean }[]> {
  const referenced = new Set<string>();
  for (const c of system.collections) for (const f of c.fields) if (f.referencesFieldId) referenced.add(f.referencesFieldId);
  const result = new Map<MapCollection, { name: string; email: boolean }[]>();
  for (const collection of system.collections) {
    const columns: { name: string; email: boolean }[] = [];
    for (const f of collection.fields) {
      if (f.identity || f.referencesFieldId || referenced.has(f.id)) columns.push({ name: f.name, email: f.identity === "email" });
    }
    if (collection.workspaceField && !columns.some((c) => c.name === collection.workspaceField)) {
      columns.push({ name: collection.workspaceField, email: false });
    }
    result.set(collection, columns);
  }
  return result;
}

export function indexWarning(
  collection: MapCollection,
  column: { name: string; email: boolean },
  rowEstimate: number | undefined,
  emailIndexes: string,
): TestReport["warnings"][number] {
  const rows = rowEstimate === undefined ? "" : ` (about ${rowEstimate.toLocaleString("en")} rows)`;
  const message = column.email
    ? `No index serves lookups of ${collection.name}.${column.name}${rows}: an index on ${emailIndexes} would serve them; without one every lookup reads the whole table.`
    : `No index starts with ${collection.name}.${column.name}${rows}: every lookup reads the whole table.`;
  return { collection: collection.name, field: column.name, message, rowEstimate };
}

/** True when the field is compared as an email: lower-cased and trimmed on both sides. */
export function isEmailField(field: MapField): boolean {
  return field.identity === "email";
}

export type ValueKind = "integer" | "decimal" | "uuid" | "boolean" | "text";

const VALUE_SHAPES: Record<Exclude<ValueKind, "text">, RegExp> = {
  integer: /^[+-]?\d{1,19}$/,
  decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  uuid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  boolean: /^(true|false|t|f|0|1)$/i,
};

/**
 * The looked-up values a column of this kind can hold. A value that cannot be one (an email
 * looked up in an integer column) matches nothing, rather than failing the database's cast or,
 * on MySQL, being silently converted to 0 and matching row 0.
 */
export function valuesFor(kind: ValueKind, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  return kind === "text" ? unique : unique.filter((v) => VALUE_SHAPES[kind].test(v.trim()));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A driver value made JSON-safe: dates as ISO strings, bigints as strings, bytes as base64. */
export function jsonSafe(value: unknown): FoundRow[string] {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return String(value);
}

/** The mapped fields of one row, JSON-safe, in the map's order. */
export function pickRow(collection: MapCollection, row: Record<string, unknown>): FoundRow {
  const out: FoundRow = {};
  for (const f of collection.fields) out[f.name] = jsonSafe(row[f.name]);
  return out;
}

/** Discover's proposal for one column. */
export function discoveredField(column: {
  name: string;
  dataType: string;
  nullable: boolean;
  primaryKey: boolean;
  references?: string;
}): DiscoveredCollection["fields"][number] {
  const identity = suggestIdentity(column.name);
  return {
    ...column,
    suggestedCategories: suggestCategories(column.name),
    ...(identity ? { suggestedIdentity: identity } : {}),
  };
}

/** A report for a system that could not be reached or refused the credentials. */
export function failedReport(error: unknown): TestReport {
  const e = error instanceof ConnectorError ? error : new ConnectorError("unreachable", "The system could not be reached.");
  return { ok: false, reachable: e.kind !== "unreachable", error: e.message, problems: [], warnings: [] };
}

/** Network errors from Node's sockets, by code, in words (no host names beyond the map's own). */
export function networkError(error: unknown, where: string): ConnectorError | null {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case "ECONNREFUSED":
      return new ConnectorError("unreachable", `${where} refused the connection (is the database running on that port?).`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ConnectorError("unreachable", `${where}: the host name could not be resolved.`);
    case "ETIMEDOUT":
    case "ECONNRESET":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EPIPE":
    case "PROTOCOL_CONNECTION_LOST":
      return new ConnectorError("unreachable", `${where} did not answer in time or dropped the connection.`);
    default:
      return null;
  }
}

/** What "Test connection" needs from one SQL dialect, on an open connection. */
export type SchemaCheck<T extends { rowEstimate: number | undefined; columns: Map<string, LiveColumn> }> = {
  /** The live tables among `names`, by name. */
  tables(names: string[]): Promise<Map<string, T>>;
  /** Whether an index of the table serves lookups of this column. */
  indexed(table: T, column: { name: string; email: boolean }): Promise<boolean>;
  /** The index expressions that serve email lookups of the column, for the warning. */
  emailIndexes(column: string): string;
};

/**
 * The test report for a reachable system: every mapped table and column that is missing, and
 * a warning for each lookup column no index serves. Reads the catalogue only.
 */
export async function checkSchema<T extends { rowEstimate: number | undefined; columns: Map<string, LiveColumn> }>(
  system: MapSystem,
  check: SchemaCheck<T>,
): Promise<TestReport> {
  const report: TestReport = { ok: true, reachable: true, problems: [], warnings: [] };
  const lookups = lookupColumns(system);
  const tables = await check.tables(system.collections.map((c) => c.name));
  for (const collection of system.collections) {
    const table = tables.get(collection.name);
    report.problems.push(...schemaProblems(collection, table?.columns));
    if (!table) continue;
    for (const column of lookups.get(collection) ?? []) {
      if (!table.columns.has(column.name) || (await check.indexed(table, column))) continue;
      report.warnings.push(indexWarning(collection, column, table.rowEstimate, check.emailIndexes(column.name)));
    }
  }
  report.ok = report.problems.length === 0;
  return report;
}
