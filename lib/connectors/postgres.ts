import pg from "pg";
import Cursor from "pg-cursor";
import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import type { CollectionErasure } from "@/lib/erasure/collection";
import { eraseStatement } from "@/lib/connectors/erase-sql";
import {
  CONNECT_TIMEOUT_MS,
  ROW_BATCH,
  STATEMENT_TIMEOUT_MS,
  assertSchema,
  checkSchema,
  discoveredField,
  failedReport,
  isEmailField,
  networkError,
  pickRow,
  sqlConnection,
  valuesFor,
  type LiveColumn,
  type ValueKind,
} from "@/lib/connectors/sql";
import {
  ConnectorError,
  type ColumnFacts,
  type Connector,
  type ConnectorSession,
  type DiscoveredCollection,
  type ErasureSession,
  type FoundRow,
  type Lookup,
  type TestReport,
} from "@/lib/connectors/types";

// PostgreSQL through `pg`. A session is one connection holding one REPEATABLE READ READ ONLY
// transaction: every lookup of a task sees the same snapshot and the server refuses any write,
// even one hidden in a mapped view. Identifiers come only from the map, are checked against the
// catalogue first and quoted by the driver; values are always bound parameters.

type PgColumn = LiveColumn & {
  attnum: number;
  kind: ValueKind;
  /** Bound in its own type (integers, numerics, uuid, bool, text types); other types compare as text. */
  native: boolean;
  /** The column type's array type, quoted ("pg_catalog"."_int4"), to bind values with the column's own type. */
  arrayType: string;
  /** Integer columns: the largest value the type holds. */
  max?: bigint;
};

type PgTable = {
  oid: number;
  rowEstimate: number | undefined;
  columns: Map<string, PgColumn>;
  /** Each valid index's first element: how email lookups compare, and test()'s index warnings. */
  indexFirsts?: IndexFirst[];
};

const INTEGER_MAX: Record<string, bigint> = { int2: 32767n, int4: 2147483647n, int8: 9223372036854775807n };
const KINDS: Record<string, ValueKind> = {
  int2: "integer",
  int4: "integer",
  int8: "integer",
  numeric: "decimal",
  float4: "decimal",
  float8: "decimal",
  uuid: "uuid",
  bool: "boolean",
  text: "text",
  varchar: "text",
  bpchar: "text",
  citext: "text",
  name: "text",
};

// timestamp without time zone and date have no instant: kept as the database wrote them (ISO
// shaped), not shifted through this process's time zone. Everything else parses as pg does.
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1114) return (raw: string) => raw.replace(" ", "T");
    if (oid === 1082) return (raw: string) => raw;
    return pg.types.getTypeParser(oid, format);
  },
};

function describe(system: MapSystem): string {
  return `The PostgreSQL database of "${system.name}"`;
}

/** A driver error in words an officer understands; never the driver's message (it can quote values). */
export function pgError(error: unknown, system: MapSystem): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const where = describe(system);
  const network = networkError(error, where);
  if (network) return network;
  const code = (error as { code?: string })?.code ?? "";
  const message = error instanceof Error ? error.message : "";
  if (code === "28P01" || code === "28000") return new ConnectorError("auth", `${where} refused the user name or password.`);
  if (code === "3D000") return new ConnectorError("auth", `${where}: the database named in the connection does not exist.`);
  if (code === "42501") return new ConnectorError("auth", `${where}: the user may not read one of the mapped tables or columns.`);
  if (code === "42P01" || code === "42703") {
    return new ConnectorError("schema", `${where}: a mapped table or column no longer exists (renamed?).`);
  }
  if (code === "57014") {
    return new ConnectorError("unreachable", `${where}: a lookup ran longer than ${STATEMENT_TIMEOUT_MS / 1000} s and was stopped.`);
  }
  if (code === "25006") {
    return new ConnectorError("protocol", `${where} refused a write inside the read-only lookup (does a mapped view call a function that writes?).`);
  }
  if (code.startsWith("08") || code.startsWith("57P") || code === "53300" || /timeout|terminated|ended unexpectedly/i.test(message)) {
    return new ConnectorError("unreachable", `${where} did not answer in time or dropped the connection.`);
  }
  if (/password|SASL|SCRAM/i.test(message)) return new ConnectorError("auth", `${where} asked for a password that is not stored.`);
  return new ConnectorError("protocol", `${where} answered with an error${code ? ` (SQLSTATE ${code})` : ""}.`);
}

async function connect(system: MapSystem, secret: string | null): Promise<pg.Client> {
  const c = sqlConnection(system);
  const client = new pg.Client({
    host: c.host,
    port: c.port || 5432,
    database: c.database,
    user: c.user,
    password: secret ?? undefined,
    ssl: c.ssl ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // A worker that dies mid-task must not leave the snapshot open on the operator's server.
    idle_in_transaction_session_timeout: 5 * 60_000,
    application_name: "dsar-portal-connector",
    types,
  });
  // Errors after connect (server restart) surface on the next query; without a listener they crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw pgError(error, system);
  }
  return client;
}

function schemaName(system: MapSystem): string {
  return sqlConnection(system).schema || "public";
}

/** The live description of one table (or view) of the system's schema, or undefined. */
async function loadTable(client: pg.Client, schema: string, table: string): Promise<PgTable | undefined> {
  const { rows } = await client.query<{
    oid: number;
    reltuples: number;
    attnum: number;
    name: string;
    data_type: string;
    nullable: boolean;
    typname: string;
    array_type: string | null;
    array_schema: string | null;
  }>(
    `SELECT c.oid::int AS oid, c.reltuples::float8 AS reltuples, a.attnum::int AS attnum, a.attname AS name,
            format_type(a.atttypid, a.atttypmod) AS data_type, NOT a.attnotnull AS nullable,
            t.typname, at.typname AS array_type, an.nspname AS array_schema
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type at ON at.oid = t.typarray
       LEFT JOIN pg_namespace an ON an.oid = at.typnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY a.attnum`,
    [schema, table],
  );
  if (!rows.length) return undefined;
  const columns = new Map<string, PgColumn>();
  for (const r of rows) {
    if (!r.name) continue;
    const native = Boolean(r.array_type && KINDS[r.typname]);
    const kind: ValueKind = (native && KINDS[r.typname]) || "text";
    const arrayType = native ? `${pg.escapeIdentifier(r.array_schema!)}.${pg.escapeIdentifier(r.array_type!)}` : "text[]";
    columns.set(r.name, {
      name: r.name,
      dataType: r.data_type,
      nullable: r.nullable,
      attnum: r.attnum,
      kind,
      native,
      arrayType,
      max: INTEGER_MAX[r.typname],
    });
  }
  const { oid, reltuples } = rows[0]!;
  return { oid, rowEstimate: reltuples >= 0 ? Math.round(reltuples) : undefined, columns };
}

/** `column = ANY($n)` with the values bound in the column's own type, so its index can serve. */
function condition(column: PgColumn, email: EmailComparison | null, values: readonly string[], params: unknown[]): string | null {
  const quoted = pg.escapeIdentifier(column.name);
  if (email) {
    params.push([...new Set(values.map((v) => v.trim().toLowerCase()))]);
    const text = column.kind === "text" ? quoted : `${quoted}::text`;
    return email === "lower" ? `lower(${text}) = ANY($${params.length}::text[])` : `lower(btrim(${text})) = ANY($${params.length}::text[])`;
  }
  if (!column.native) {
    // A type we do not bind natively (timestamp, enum, json...): compared as text.
    params.push([...new Set(values)]);
    return `${quoted}::text = ANY($${params.length}::text[])`;
  }
  let usable = valuesFor(column.kind, values);
  if (column.max !== undefined) {
    const max = column.max;
    usable = usable.filter((v) => {
      const n = BigInt(v.trim());
      return n <= max && n >= -max - 1n;
    });
  }
  if (!usable.length) return null;
  params.push(column.kind === "text" ? usable : usable.map((v) => v.trim()));
  return `${quoted} = ANY($${params.length}::${column.arrayType})`;
}

/** The SELECT for one lookup, or null when no value can match (nothing to ask the server). */
export function buildLookup(
  schema: string,
  collection: MapCollection,
  table: PgTable,
  lookup: Lookup,
): { text: string; values: unknown[] } | null {
  const params: unknown[] = [];
  const column = table.columns.get(lookup.field.name)!;
  const email = isEmailField(lookup.field) ? emailComparison(table.indexFirsts ?? [], column).comparison : null;
  const where = [condition(column, email, lookup.values, params)];
  if (lookup.workspaces && collection.workspaceField) {
    where.push(condition(table.columns.get(collection.workspaceField)!, null, lookup.workspaces, params));
  }
  if (where.some((w) => w === null)) return null;
  const select = collection.fields.map((f) => pg.escapeIdentifier(f.name)).join(", ");
  const from = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(collection.name)}`;
  return { text: `SELECT ${select} FROM ${from} WHERE ${where.join(" AND ")}`, values: params };
}

class PostgresSession implements ConnectorSession {
  private readonly tables = new Map<string, PgTable>();
  private busy = false;

  constructor(
    private readonly client: pg.Client,
    private readonly system: MapSystem,
  ) {}

  private async table(collection: MapCollection): Promise<PgTable> {
    let table = this.tables.get(collection.id);
    if (!table) {
      const live = await loadTable(this.client, schemaName(this.system), collection.name);
      assertSchema(collection, live?.columns);
      table = live!;
      table.indexFirsts = await indexFirsts(this.client, table.oid);
      this.tables.set(collection.id, table);
    }
    return table;
  }

  async *lookup(lookup: Lookup): AsyncIterable<FoundRow[]> {
    if (this.busy) throw new Error("One lookup at a time per session");
    this.busy = true;
    const { collection } = lookup;
    let cursor: Cursor | null = null;
    let savepoint = false;
    try {
      const table = await this.table(collection).catch((error) => {
        throw pgError(error, this.system);
      });
      const query = buildLookup(schemaName(this.system), collection, table, lookup);
      if (!query || !lookup.values.length) return;
      // A failed statement aborts the transaction; the savepoint keeps the session usable after it.
      await this.client.query("SAVEPOINT lookup");
      savepoint = true;
      cursor = this.client.query(new Cursor(query.text, query.values));
      while (true) {
        const rows = await cursor.read(ROW_BATCH).catch((error) => {
          throw pgError(error, this.system);
        });
        if (!rows.length) break;
        yield rows.map((row) => pickRow(collection, row));
        if (rows.length < ROW_BATCH) break;
      }
      await closeCursor(cursor);
      cursor = null;
      await this.client.query("RELEASE SAVEPOINT lookup");
      savepoint = false;
    } finally {
      if (cursor) await closeCursor(cursor);
      if (savepoint) await this.client.query("ROLLBACK TO SAVEPOINT lookup").catch(() => {});
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    await this.client.query("ROLLBACK").catch(() => {});
    await this.client.end().catch(() => {});
  }
}

/** What a refused write means, in words; anything else as a lookup's error would read. */
function pgWriteError(error: unknown, system: MapSystem, table: string): ConnectorError {
  const code = (error as { code?: string })?.code ?? "";
  const where = describe(system);
  if (code === "23503") return new ConnectorError("schema", `${where}: rows of ${table} are still pointed at by another table's foreign key. Map that table and erase its rows first, or keep these.`);
  if (code === "23502") return new ConnectorError("schema", `${where}: a column of ${table} is NOT NULL and cannot be emptied. Choose another strategy for it in the data map.`);
  if (code === "23505") return new ConnectorError("schema", `${where}: a column of ${table} has a unique index the erasure would break. Choose a pseudonym or delete the row.`);
  if (code === "42501") return new ConnectorError("auth", `${where}: the user may not change or delete rows of ${table}. Grant it UPDATE and DELETE there, or erase by hand.`);
  if (code === "25006") return new ConnectorError("auth", `${where}: the server is read-only (a replica?); erasure needs the primary.`);
  return pgError(error, system);
}

class PostgresErasure implements ErasureSession {
  private readonly tables = new Map<string, PgTable>();

  constructor(
    private readonly client: pg.Client,
    private readonly system: MapSystem,
  ) {}

  async erase(collection: MapCollection, erasure: CollectionErasure, rows: readonly FoundRow[], pseudonymOf: (value: string, email: boolean) => string): Promise<number> {
    let table = this.tables.get(collection.id);
    if (!table) {
      const live = await loadTable(this.client, schemaName(this.system), collection.name).catch((error) => {
        throw pgError(error, this.system);
      });
      assertSchema(collection, live?.columns);
      table = live!;
      this.tables.set(collection.id, table);
    }
    const qualified = `${pg.escapeIdentifier(schemaName(this.system))}.${pg.escapeIdentifier(collection.name)}`;
    const statement = eraseStatement({ quote: (n) => pg.escapeIdentifier(n), param: (n) => `$${n}` }, qualified, erasure, rows, pseudonymOf);
    if (!statement) return 0;
    try {
      await this.client.query("BEGIN");
      const result = await this.client.query(statement.text, statement.values);
      await this.client.query("COMMIT");
      return result.rowCount ?? 0;
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw pgWriteError(error, this.system, collection.name);
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

function closeCursor(cursor: Cursor): Promise<void> {
  return new Promise((resolve) => cursor.close(() => resolve()));
}

type IndexFirst = { attnum: number; expression: string };

/**
 * How email lookups of this column compare: `lower(btrim(col))` when an index serves that (or
 * none serves either form: the most forgiving comparison costs the same full scan), `lower(col)`
 * when only such an index exists, the common unique index on emails. The latter does not match a
 * stored value with spaces around it; it is the operator's index, and a lookup that uses it stays
 * fast on a large table.
 */
export type EmailComparison = "lower-btrim" | "lower";

function emailForm(first: IndexFirst, column: PgColumn): EmailComparison | null {
  // pg_get_indexdef prints lower(btrim(email)), lower(btrim((email)::text)), lower(TRIM(BOTH FROM email)) or lower((email)::text).
  const normal = first.expression.toLowerCase().replace(/::[a-z ]+/g, "").replace(/[\s"()]/g, "");
  const name = column.name.toLowerCase().replace(/[\s"()]/g, "");
  if (normal === `lowerbtrim${name}` || normal === `lowertrimbothfrom${name}`) return "lower-btrim";
  return normal === `lower${name}` ? "lower" : null;
}

function emailComparison(firsts: IndexFirst[], column: PgColumn): { comparison: EmailComparison; indexed: boolean } {
  const forms = firsts.map((f) => emailForm(f, column));
  if (forms.includes("lower-btrim")) return { comparison: "lower-btrim", indexed: true };
  if (forms.includes("lower")) return { comparison: "lower", indexed: true };
  return { comparison: "lower-btrim", indexed: false };
}

/** Whether an index's first element serves the lookup of this column. */
function indexServes(firsts: IndexFirst[], column: PgColumn, email: boolean): boolean {
  return email ? emailComparison(firsts, column).indexed : firsts.some((f) => f.attnum === column.attnum);
}

async function indexFirsts(client: pg.Client, oid: number): Promise<IndexFirst[]> {
  const { rows } = await client.query<IndexFirst>(
    `SELECT i.indkey[0]::int AS attnum, pg_get_indexdef(i.indexrelid, 1, true) AS expression
       FROM pg_index i WHERE i.indrelid = $1::oid AND i.indisvalid`,
    [oid],
  );
  return rows;
}

async function test(system: MapSystem, secret: string | null): Promise<TestReport> {
  let client: pg.Client;
  try {
    client = await connect(system, secret);
  } catch (error) {
    return failedReport(pgError(error, system));
  }
  try {
    await client.query("BEGIN READ ONLY");
    const schema = schemaName(system);
    return await checkSchema<PgTable>(system, {
      async tables(names) {
        const tables = new Map<string, PgTable>();
        for (const name of names) {
          const table = await loadTable(client, schema, name);
          if (table) tables.set(name, table);
        }
        return tables;
      },
      async indexed(table, column) {
        const live = table.columns.get(column.name)!;
        table.indexFirsts ??= await indexFirsts(client, table.oid);
        return indexServes(table.indexFirsts, live, column.email);
      },
      emailIndexes: (column) => `lower(btrim(${column})) or lower(${column})`,
    });
  } catch (error) {
    return { ...failedReport(pgError(error, system)), reachable: true };
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

async function columnFacts(system: MapSystem, secret: string | null, table: string): Promise<Map<string, ColumnFacts> | undefined> {
  let client: pg.Client;
  try {
    client = await connect(system, secret);
  } catch (error) {
    throw pgError(error, system);
  }
  try {
    await client.query("BEGIN READ ONLY");
    const { rows } = await client.query<{ name: string; nullable: boolean; typname: string; max_length: number | null; is_unique: boolean; referenced_by: string[] }>(
      `SELECT a.attname AS name, NOT a.attnotnull AS nullable, t.typname,
              CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS max_length,
              EXISTS (SELECT 1 FROM pg_index i
                       WHERE i.indrelid = c.oid AND i.indisunique
                         AND (a.attnum = ANY(i.indkey::int2[])
                              -- an expression index over it, such as unique (lower(btrim(email)))
                              OR (i.indexprs IS NOT NULL AND pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M')))) AS is_unique,
              ARRAY(SELECT fc.relname || '.' || fa.attname
                      FROM pg_constraint con
                      JOIN pg_class fc ON fc.oid = con.conrelid
                      CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(attnum, fattnum)
                      JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.attnum
                     WHERE con.contype = 'f' AND con.confrelid = c.oid AND k.fattnum = a.attnum
                     ORDER BY 1) AS referenced_by
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        ORDER BY a.attnum`,
      [schemaName(system), table],
    );
    if (!rows.length) return undefined;
    const kind = (typname: string): ColumnFacts["kind"] => {
      const k = KINDS[typname];
      return k === "text" ? "text" : k === "integer" || k === "decimal" ? "number" : "other";
    };
    return new Map(
      rows.map((r) => [r.name, { name: r.name, nullable: r.nullable, unique: r.is_unique, referencedBy: r.referenced_by, kind: kind(r.typname), maxLength: r.max_length }]),
    );
  } catch (error) {
    throw pgError(error, system);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

/** At most this many tables are proposed: Discover is a starting point, not an inventory tool. */
const DISCOVER_TABLES = 500;

async function discover(system: MapSystem, secret: string | null): Promise<DiscoveredCollection[]> {
  const client = await connect(system, secret);
  try {
    await client.query("BEGIN READ ONLY");
    const schema = schemaName(system);
    const columns = await client.query<{ table: string; reltuples: number; name: string; data_type: string; nullable: boolean }>(
      `SELECT c.relname AS table, c.reltuples::float8 AS reltuples, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS data_type, NOT a.attnotnull AS nullable
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
          AND c.oid IN (SELECT c2.oid FROM pg_class c2 WHERE c2.relnamespace = n.oid AND c2.relkind IN ('r', 'p', 'v', 'm', 'f')
                        ORDER BY c2.relname LIMIT ${DISCOVER_TABLES})
        ORDER BY c.relname, a.attnum`,
      [schema],
    );
    const keys = await client.query<{ table: string; column: string; contype: string; ftable: string | null; fcolumn: string | null }>(
      `SELECT cl.relname AS table, a.attname AS column, con.contype, fcl.relname AS ftable, fa.attname AS fcolumn
         FROM pg_constraint con
         JOIN pg_class cl ON cl.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(attnum, fattnum)
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
         LEFT JOIN pg_class fcl ON fcl.oid = con.confrelid
         LEFT JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum
        WHERE n.nspname = $1 AND con.contype IN ('p', 'f')`,
      [schema],
    );
    const primary = new Set(keys.rows.filter((k) => k.contype === "p").map((k) => `${k.table}.${k.column}`));
    const references = new Map(
      keys.rows.filter((k) => k.contype === "f" && k.ftable && k.fcolumn).map((k) => [`${k.table}.${k.column}`, `${k.ftable}.${k.fcolumn}`]),
    );
    const collections = new Map<string, DiscoveredCollection>();
    for (const row of columns.rows) {
      let collection = collections.get(row.table);
      if (!collection) {
        collection = { name: row.table, fields: [], rowEstimate: row.reltuples >= 0 ? Math.round(row.reltuples) : undefined };
        collections.set(row.table, collection);
      }
      const key = `${row.table}.${row.name}`;
      collection.fields.push(
        discoveredField({
          name: row.name,
          dataType: row.data_type,
          nullable: row.nullable,
          primaryKey: primary.has(key),
          ...(references.has(key) ? { references: references.get(key) } : {}),
        }),
      );
    }
    return [...collections.values()];
  } catch (error) {
    throw pgError(error, system);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

export const postgresConnector: Connector = {
  async open(system, secret) {
    const client = await connect(system, secret);
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    } catch (error) {
      await client.end().catch(() => {});
      throw pgError(error, system);
    }
    return new PostgresSession(client, system);
  },
  test,
  discover,
  columnFacts,
  async openErasure(system, secret) {
    return new PostgresErasure(await connect(system, secret), system);
  },
};
