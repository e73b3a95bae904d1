import mysql from "mysql2/promise";
import type { Connection as CoreConnection, TypeCast } from "mysql2";
import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import type { CollectionErasure } from "@/lib/erasure/collection";
import { eraseStatement } from "@/lib/connectors/erase-sql";
import {
  CONNECT_TIMEOUT_MS,
  ROW_BATCH,
  STATEMENT_TIMEOUT_MS,
  assertSchema,
  checkSchema,
  chunks,
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
  type ErasureSession,
  type ConnectorSession,
  type DiscoveredCollection,
  type FoundRow,
  type Lookup,
  type TestReport,
} from "@/lib/connectors/types";

// MySQL and MariaDB through `mysql2`. A session is one connection holding one START TRANSACTION
// READ ONLY: the server refuses any write, even one hidden in a mapped view. Table and column
// names come only from the map, are checked against information_schema first and quoted with
// escapeId; values go through the driver's placeholders (`IN (?)`), at most 1,000 per statement.

/** Values per statement: keeps each IN list a reasonable size for the server's parser. */
const VALUES_PER_QUERY = 1000;

type MyColumn = LiveColumn & { kind: ValueKind; collation: string | null };
type IndexFirst = { column: string | null; expression: string | null };
type MyTable = {
  name: string;
  rowEstimate: number | undefined;
  columns: Map<string, MyColumn>;
  /** Each index's first part: how email lookups compare, and test()'s index warnings. */
  indexFirsts: IndexFirst[];
};

const KINDS: Record<string, ValueKind> = {
  tinyint: "integer",
  smallint: "integer",
  mediumint: "integer",
  int: "integer",
  integer: "integer",
  bigint: "integer",
  decimal: "decimal",
  numeric: "decimal",
  float: "decimal",
  double: "decimal",
};

// Dates without a zone stay as written (ISO shaped); TIMESTAMP is read in UTC (the session's zone).
const typeCast: TypeCast = (field, next) => {
  if (field.type === "DATETIME" || field.type === "TIMESTAMP") {
    const raw = field.string();
    if (raw === null) return null;
    return field.type === "TIMESTAMP" ? `${raw.replace(" ", "T")}Z` : raw.replace(" ", "T");
  }
  if (field.type === "DATE") return field.string();
  return next();
};

function describe(system: MapSystem): string {
  return `The MySQL database of "${system.name}"`;
}

/** A driver error in words an officer understands; never the driver's message (it can quote values). */
export function mysqlError(error: unknown, system: MapSystem): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const where = describe(system);
  const network = networkError(error, where);
  if (network) return network;
  const { code = "", errno } = (error as { code?: string; errno?: number }) ?? {};
  switch (code) {
    case "ER_ACCESS_DENIED_ERROR":
    case "ER_HOST_NOT_PRIVILEGED":
    case "ER_DBACCESS_DENIED_ERROR":
      return new ConnectorError("auth", `${where} refused the user name or password.`);
    case "ER_BAD_DB_ERROR":
      return new ConnectorError("auth", `${where}: the database named in the connection does not exist.`);
    case "ER_TABLEACCESS_DENIED_ERROR":
    case "ER_COLUMNACCESS_DENIED_ERROR":
      return new ConnectorError("auth", `${where}: the user may not read one of the mapped tables or columns.`);
    case "ER_NO_SUCH_TABLE":
    case "ER_BAD_FIELD_ERROR":
      return new ConnectorError("schema", `${where}: a mapped table or column no longer exists (renamed?).`);
    case "ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION":
      return new ConnectorError("protocol", `${where} refused a write inside the read-only lookup (does a mapped view call a function that writes?).`);
    case "ER_STATEMENT_TIMEOUT":
    case "ER_QUERY_TIMEOUT":
      return new ConnectorError("unreachable", `${where}: a lookup ran longer than ${STATEMENT_TIMEOUT_MS / 1000} s and was stopped.`);
    case "ER_CON_COUNT_ERROR":
    case "ER_SERVER_SHUTDOWN":
    case "PROTOCOL_SEQUENCE_TIMEOUT":
      return new ConnectorError("unreachable", `${where} did not answer in time or dropped the connection.`);
  }
  if (errno === 1792) {
    return new ConnectorError("protocol", `${where} refused a write inside the read-only lookup (does a mapped view call a function that writes?).`);
  }
  return new ConnectorError("protocol", `${where} answered with an error${errno ? ` (error ${errno})` : ""}.`);
}

async function connect(system: MapSystem, secret: string | null): Promise<mysql.Connection> {
  const c = sqlConnection(system);
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({
      host: c.host,
      port: c.port || 3306,
      database: c.database,
      user: c.user,
      password: secret ?? undefined,
      ssl: c.ssl ? { rejectUnauthorized: true } : undefined,
      connectTimeout: CONNECT_TIMEOUT_MS,
      charset: "utf8mb4",
      supportBigNumbers: true,
      bigNumberStrings: true,
      multipleStatements: false,
      typeCast,
    });
  } catch (error) {
    throw mysqlError(error, system);
  }
  // Errors after connect surface on the next query; without a listener they crash the process.
  conn.on("error", () => {});
  try {
    const [version] = await conn.query<mysql.RowDataPacket[]>("SELECT VERSION() AS v");
    const mariadb = /mariadb/i.test(String(version[0]?.v));
    await conn.query("SET SESSION time_zone = '+00:00'");
    await conn.query(
      mariadb
        ? `SET SESSION max_statement_time = ${STATEMENT_TIMEOUT_MS / 1000}`
        : `SET SESSION max_execution_time = ${STATEMENT_TIMEOUT_MS}`,
    );
  } catch (error) {
    conn.destroy();
    throw mysqlError(error, system);
  }
  return conn;
}

/**
 * The live description of the named tables (or views), by name; absent ones are missing. Read
 * before the read-only transaction starts: inside it, MariaDB lists no columns for a view whose
 * query would write, which would pass for a renamed column.
 */
async function loadTables(conn: mysql.Connection, names: string[]): Promise<Map<string, MyTable>> {
  const tables = new Map<string, MyTable>();
  if (!names.length) return tables;
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    `SELECT t.TABLE_NAME AS table_name, t.TABLE_ROWS AS table_rows, c.COLUMN_NAME AS name, c.DATA_TYPE AS data_type,
            c.COLUMN_TYPE AS column_type, c.IS_NULLABLE AS nullable, c.COLLATION_NAME AS collation_name
       FROM information_schema.TABLES t
       LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
      WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME IN (?)
      ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION`,
    [names],
  );
  for (const r of rows) {
    const name = String(r.table_name);
    let table = tables.get(name);
    if (!table) {
      table = { name, rowEstimate: r.table_rows === null ? undefined : Number(r.table_rows), columns: new Map(), indexFirsts: [] };
      tables.set(name, table);
    }
    if (r.name === null) continue;
    table.columns.set(r.name, {
      name: r.name,
      dataType: String(r.column_type),
      nullable: r.nullable === "YES",
      kind: KINDS[String(r.data_type).toLowerCase()] ?? "text",
      collation: r.collation_name ?? null,
    });
  }
  if (tables.size) {
    // MySQL 8 names functional index parts in EXPRESSION; MariaDB has no such column (nor such indexes).
    const [indexes] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?) AND SEQ_IN_INDEX = 1`,
      [[...tables.keys()]],
    );
    for (const r of indexes) tables.get(String(r.TABLE_NAME))?.indexFirsts.push({ column: r.COLUMN_NAME ?? null, expression: r.EXPRESSION ?? null });
  }
  return tables;
}

/**
 * How email lookups of this column compare. LOWER(TRIM(col)) is the most forgiving but only a
 * MySQL 8 functional index serves it (MariaDB has none). A plain index on a column with a
 * case-insensitive collation serves `col IN (...)`, which is case-insensitive by that collation
 * (and ignores trailing spaces under PAD SPACE collations, not leading ones): used when it is the
 * index there is, so lookups stay fast on a large table.
 */
export type EmailComparison = "lower-trim" | "collation";

function emailComparison(table: MyTable, column: MyColumn): { comparison: EmailComparison; indexed: boolean } {
  const name = column.name.toLowerCase();
  const functional = table.indexFirsts.some((f) => (f.expression ?? "").toLowerCase().replace(/[\s`()]/g, "") === `lowertrim${name}`);
  if (functional) return { comparison: "lower-trim", indexed: true };
  const caseInsensitive = /_ci$|_ci_/i.test(column.collation ?? "");
  if (caseInsensitive && table.indexFirsts.some((f) => f.column === column.name)) return { comparison: "collation", indexed: true };
  return { comparison: "lower-trim", indexed: false };
}

/**
 * One identifier quoted by the driver. forbidQualified: escapeId would otherwise read "mysql.user"
 * as database `mysql`, table `user`, and a mapped name could reach outside the system's database.
 */
function quoteId(name: string): string {
  return (mysql.escapeId as (value: string, forbidQualified: boolean) => string)(name, true);
}

/** `column IN (?)`, or null when none of the values can be in this column. */
function condition(column: MyColumn, email: EmailComparison | null, values: readonly string[], params: unknown[]): string | null {
  const quoted = quoteId(column.name);
  if (email) {
    params.push([...new Set(values.map((v) => v.trim().toLowerCase()))]);
    return email === "collation" ? `${quoted} IN (?)` : `LOWER(TRIM(${quoted})) IN (?)`;
  }
  // MySQL converts a string compared with a number: 'abc' would match 0. Such values match nothing here.
  const usable = valuesFor(column.kind, values).map((v) => (column.kind === "text" ? v : v.trim()));
  if (!usable.length) return null;
  params.push(usable);
  return `${quoted} IN (?)`;
}

/** The SELECT for one slice of the looked-up values, or null when none can match. */
export function buildLookup(
  collection: MapCollection,
  table: MyTable,
  lookup: Lookup,
  values: readonly string[],
): { sql: string; values: unknown[] } | null {
  const params: unknown[] = [];
  const column = table.columns.get(lookup.field.name)!;
  const email = isEmailField(lookup.field) ? emailComparison(table, column).comparison : null;
  const where = [condition(column, email, values, params)];
  if (lookup.workspaces && collection.workspaceField) {
    where.push(condition(table.columns.get(collection.workspaceField)!, null, lookup.workspaces, params));
  }
  if (where.some((w) => w === null)) return null;
  const select = collection.fields.map((f) => quoteId(f.name)).join(", ");
  return { sql: `SELECT ${select} FROM ${quoteId(collection.name)} WHERE ${where.join(" AND ")}`, values: params };
}

class MysqlSession implements ConnectorSession {
  private busy = false;
  /** Set when a lookup was abandoned mid-stream: the connection may still be delivering its rows. */
  private broken = false;

  constructor(
    private readonly conn: mysql.Connection,
    private readonly system: MapSystem,
    /** The mapped tables as the live schema had them when the session opened. */
    private readonly tables: Map<string, MyTable>,
  ) {}

  async *lookup(lookup: Lookup): AsyncIterable<FoundRow[]> {
    if (this.busy) throw new Error("One lookup at a time per session");
    if (this.broken) throw new ConnectorError("unreachable", `${describe(this.system)}: the connection was closed after an interrupted lookup.`);
    this.busy = true;
    const { collection } = lookup;
    let finished = false;
    try {
      const table = this.tables.get(collection.name);
      assertSchema(collection, table?.columns);
      for (const slice of chunks(lookup.values, VALUES_PER_QUERY)) {
        const query = buildLookup(collection, table!, lookup, slice);
        if (!query) continue;
        // The core connection's query stream: rows arrive as the consumer reads them (backpressure
        // pauses the socket), so a person's 100,000 rows never sit in memory together.
        const stream = core(this.conn).query(query).stream({ highWaterMark: ROW_BATCH });
        let batch: FoundRow[] = [];
        try {
          for await (const row of stream) {
            batch.push(pickRow(collection, row as Record<string, unknown>));
            if (batch.length >= ROW_BATCH) {
              yield batch;
              batch = [];
            }
          }
        } catch (error) {
          throw mysqlError(error, this.system);
        }
        if (batch.length) yield batch;
      }
      finished = true;
    } catch (error) {
      finished = error instanceof ConnectorError && !["unreachable"].includes(error.kind);
      throw error;
    } finally {
      this.busy = false;
      if (!finished) {
        this.broken = true;
        this.conn.destroy();
      }
    }
  }

  async close(): Promise<void> {
    if (this.broken) return;
    await this.conn.query("ROLLBACK").catch(() => {});
    await this.conn.end().catch(() => this.conn.destroy());
  }
}

/** The callback connection under the promise wrapper: only it offers query streams. */
function core(conn: mysql.Connection): CoreConnection {
  return (conn as unknown as { connection: CoreConnection }).connection;
}

async function test(system: MapSystem, secret: string | null): Promise<TestReport> {
  let conn: mysql.Connection;
  try {
    conn = await connect(system, secret);
  } catch (error) {
    return failedReport(mysqlError(error, system));
  }
  try {
    return await checkSchema<MyTable>(system, {
      tables: (names) => loadTables(conn, names),
      async indexed(table, { name, email }) {
        const column = table.columns.get(name)!;
        return email ? emailComparison(table, column).indexed : table.indexFirsts.some((f) => f.column === name);
      },
      emailIndexes: (column) => `${column} (with a case-insensitive collation) or, on MySQL 8, LOWER(TRIM(${column}))`,
    });
  } catch (error) {
    return { ...failedReport(mysqlError(error, system)), reachable: true };
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}

const DISCOVER_TABLES = 500;

async function discover(system: MapSystem, secret: string | null): Promise<DiscoveredCollection[]> {
  const conn = await connect(system, secret);
  try {
    const [tables] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME AS name, TABLE_ROWS AS table_rows FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME LIMIT ${DISCOVER_TABLES}`,
    );
    if (!tables.length) return [];
    const names = tables.map((t) => String(t.name));
    const [columns] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, COLUMN_KEY AS column_key
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?)
        ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      [names],
    );
    const [keys] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, REFERENCED_TABLE_NAME AS ftable, REFERENCED_COLUMN_NAME AS fcolumn
         FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL AND TABLE_NAME IN (?)`,
      [names],
    );
    const references = new Map(keys.map((k) => [`${k.table_name}.${k.name}`, `${k.ftable}.${k.fcolumn}`]));
    const collections = new Map<string, DiscoveredCollection>(
      tables.map((t) => [String(t.name), { name: String(t.name), fields: [], rowEstimate: t.table_rows === null ? undefined : Number(t.table_rows) }]),
    );
    for (const c of columns) {
      const key = `${c.table_name}.${c.name}`;
      collections.get(String(c.table_name))?.fields.push(
        discoveredField({
          name: String(c.name),
          dataType: String(c.column_type),
          nullable: c.nullable === "YES",
          primaryKey: c.column_key === "PRI",
          ...(references.has(key) ? { references: references.get(key) } : {}),
        }),
      );
    }
    return [...collections.values()];
  } catch (error) {
    throw mysqlError(error, system);
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}

/** What a refused write means, in words; anything else as a lookup's error would read. */
function mysqlWriteError(error: unknown, system: MapSystem, table: string): ConnectorError {
  const { code = "" } = (error as { code?: string }) ?? {};
  const where = describe(system);
  switch (code) {
    case "ER_ROW_IS_REFERENCED":
    case "ER_ROW_IS_REFERENCED_2":
      return new ConnectorError("schema", `${where}: rows of ${table} are still pointed at by another table's foreign key. Map that table and erase its rows first, or keep these.`);
    case "ER_BAD_NULL_ERROR":
      return new ConnectorError("schema", `${where}: a column of ${table} is NOT NULL and cannot be emptied. Choose another strategy for it in the data map.`);
    case "ER_DUP_ENTRY":
      return new ConnectorError("schema", `${where}: a column of ${table} has a unique index the erasure would break. Choose a pseudonym or delete the row.`);
    case "ER_TABLEACCESS_DENIED_ERROR":
    case "ER_COLUMNACCESS_DENIED_ERROR":
      return new ConnectorError("auth", `${where}: the user may not change or delete rows of ${table}. Grant it UPDATE and DELETE there, or erase by hand.`);
    case "ER_OPTION_PREVENTS_STATEMENT":
      return new ConnectorError("auth", `${where}: the server is read-only (a replica?); erasure needs the primary.`);
  }
  return mysqlError(error, system);
}

class MysqlErasure implements ErasureSession {
  constructor(
    private readonly conn: mysql.Connection,
    private readonly system: MapSystem,
    private readonly tables: Map<string, MyTable>,
  ) {}

  async erase(collection: MapCollection, erasure: CollectionErasure, rows: readonly FoundRow[], pseudonymOf: (value: string, email: boolean) => string): Promise<number> {
    assertSchema(collection, this.tables.get(collection.name)?.columns);
    const statement = eraseStatement({ quote: quoteId, param: () => "?" }, quoteId(collection.name), erasure, rows, pseudonymOf);
    if (!statement) return 0;
    try {
      await this.conn.query("START TRANSACTION");
      const [result] = await this.conn.query<mysql.ResultSetHeader>(statement.text, statement.values);
      await this.conn.query("COMMIT");
      return result.affectedRows;
    } catch (error) {
      await this.conn.query("ROLLBACK").catch(() => {});
      throw mysqlWriteError(error, this.system, collection.name);
    }
  }

  async close(): Promise<void> {
    await this.conn.end().catch(() => this.conn.destroy());
  }
}

const NUMERIC_TYPES = new Set(["tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float", "double", "real"]);
const TEXT_TYPES = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext"]);

async function columnFacts(system: MapSystem, secret: string | null, table: string): Promise<Map<string, ColumnFacts> | undefined> {
  const conn = await connect(system, secret);
  try {
    const [columns] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT COLUMN_NAME AS name, IS_NULLABLE AS nullable, DATA_TYPE AS data_type, CHARACTER_MAXIMUM_LENGTH AS max_length
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [table],
    );
    if (!columns.length) return undefined;
    const [unique] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT DISTINCT COLUMN_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0`,
      [table],
    );
    const [references] = await conn.query<mysql.RowDataPacket[]>(
      `SELECT REFERENCED_COLUMN_NAME AS name, CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS source
         FROM information_schema.KEY_COLUMN_USAGE
        WHERE REFERENCED_TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ? ORDER BY source`,
      [table],
    );
    const uniqueNames = new Set(unique.map((u) => String(u.name)));
    return new Map(
      columns.map((c) => {
        const name = String(c.name);
        const type = String(c.data_type).toLowerCase();
        const facts: ColumnFacts = {
          name,
          nullable: c.nullable === "YES",
          unique: uniqueNames.has(name),
          referencedBy: references.filter((r) => String(r.name) === name).map((r) => String(r.source)),
          kind: NUMERIC_TYPES.has(type) ? "number" : TEXT_TYPES.has(type) ? "text" : "other",
          // char and varchar have a length an admin chose; the TEXT types' limits are bytes, and large.
          maxLength: (type === "char" || type === "varchar") && c.max_length !== null ? Number(c.max_length) : null,
        };
        return [name, facts];
      }),
    );
  } catch (error) {
    throw mysqlError(error, system);
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}

export const mysqlConnector: Connector = {
  async open(system, secret) {
    const conn = await connect(system, secret);
    try {
      const tables = await loadTables(conn, system.collections.map((c) => c.name));
      await conn.query("START TRANSACTION READ ONLY");
      return new MysqlSession(conn, system, tables);
    } catch (error) {
      conn.destroy();
      throw mysqlError(error, system);
    }
  },
  test,
  discover,
  columnFacts,
  async openErasure(system, secret) {
    const conn = await connect(system, secret);
    try {
      return new MysqlErasure(conn, system, await loadTables(conn, system.collections.map((c) => c.name)));
    } catch (error) {
      conn.destroy();
      throw mysqlError(error, system);
    }
  },
};
