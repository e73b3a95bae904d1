import { randomBytes } from "node:crypto";
import http from "node:http";
import mysql from "mysql2/promise";
import type { Connector, ConnectorSession, FoundRow } from "@/lib/connectors/types";
import type { HttpCollectionConfig, HttpConnection, MapCollection, MapField, MapSystem, SqlConnection, SystemKind } from "@/lib/datamap/types";
import { withClient } from "@/lib/testing/test-database";

// Scratch "product" databases and APIs for connector tests: the operator's own systems that the
// connectors read. Real servers, nothing mocked; each helper removes what it made in stop().

export type ScratchDatabase = {
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
  stop: () => Promise<void>;
};

function scratchName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

/** A fresh database on TEST_DATABASE_URL's server (default the local one), dropped by stop(). */
export async function createScratchPostgres(prefix: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = scratchName(prefix);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    host: url.hostname,
    port: Number(url.port || 5432),
    database: name,
    user: decodeURIComponent(url.username || "postgres"),
    stop: async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const MARIADB_HINT =
  "MariaDB is not reachable at MYSQL_TEST_URL (default mysql://root@127.0.0.1:3306/test). Start it with: " +
  "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";

/** A fresh database on MYSQL_TEST_URL's MariaDB/MySQL server, dropped by stop(). Fails (never skips) when it is down. */
export async function createScratchMariaDb(prefix: string): Promise<ScratchDatabase> {
  const serverUrl = new URL(process.env.MYSQL_TEST_URL || "mysql://root@127.0.0.1:3306/test");
  const options = {
    host: serverUrl.hostname,
    port: Number(serverUrl.port || 3306),
    user: decodeURIComponent(serverUrl.username || "root"),
    password: decodeURIComponent(serverUrl.password) || undefined,
    connectTimeout: 5_000,
  };
  const admin = await mysql.createConnection(options).catch((error: unknown) => {
    throw new Error(`${MARIADB_HINT} (${(error as { code?: string }).code ?? "error"})`);
  });
  const name = scratchName(prefix);
  try {
    await admin.query(`CREATE DATABASE ${mysql.escapeId(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    host: options.host,
    port: options.port,
    database: name,
    user: options.user,
    stop: async () => {
      const conn = await mysql.createConnection(options);
      try {
        await conn.query(`DROP DATABASE IF EXISTS ${mysql.escapeId(name)}`);
      } finally {
        await conn.end();
      }
    },
  };
}

/** A request the JSON API received, as the connector sent it. */
export type ReceivedRequest = { method: string; url: URL; headers: http.IncomingHttpHeaders; at: number };

export type JsonAnswer = { status?: number; body?: unknown; delayMs?: number; raw?: string; headers?: Record<string, string> };
export type JsonRoute = (request: ReceivedRequest) => JsonAnswer | Promise<JsonAnswer>;

export type JsonApi = { url: string; requests: ReceivedRequest[]; stop: () => Promise<void> };

/**
 * A real HTTP server on 127.0.0.1 answering JSON by path (routes keyed by pathname; unknown
 * paths get 404). Every request is recorded with its arrival time, for assertions on headers,
 * query parameters and spacing.
 */
export async function startJsonApi(routes: Record<string, JsonRoute>): Promise<JsonApi> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const received: ReceivedRequest = { method: req.method ?? "GET", url: new URL(req.url ?? "/", "http://127.0.0.1"), headers: req.headers, at: performance.now() };
    requests.push(received);
    const route = routes[received.url.pathname];
    const answer: JsonAnswer = route ? await route(received) : { status: 404, body: { error: "not found" } };
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
    res.end(answer.raw ?? JSON.stringify(answer.body ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type FieldSpec = { name: string; identity?: MapField["identity"]; primaryKey?: boolean; categories?: string[]; references?: string };
type CollectionSpec = { name: string; fields: FieldSpec[]; workspaceField?: string; http?: HttpCollectionConfig };

/**
 * A MapSystem as lib/datamap/load.ts would return it, written compactly: field ids are
 * "collection.field", so `references: "users.id"` points at that field.
 */
export function mapSystem(
  kind: SystemKind,
  connection: SqlConnection | HttpConnection | null,
  collections: CollectionSpec[],
): MapSystem {
  return {
    id: `system-${randomBytes(4).toString("hex")}`,
    key: "product",
    name: "Product",
    description: null,
    ownerEmail: "owner@example.test",
    purpose: "Provide the service",
    thirdParty: false,
    noticeEmail: null,
    dataUses: [],
    kind,
    connection,
    hasSecret: true,
    collections: collections.map((c) => ({
      id: c.name,
      systemId: "system",
      name: c.name,
      description: null,
      workspaceField: c.workspaceField ?? null,
      http: c.http ?? null,
      fields: c.fields.map((f) => ({
        id: `${c.name}.${f.name}`,
        name: f.name,
        description: null,
        categories: f.categories ?? [],
        identity: f.identity ?? null,
        primaryKey: f.primaryKey ?? false,
        referencesFieldId: f.references ?? null,
      })),
    })),
  };
}

/** Every batch of a lookup, collected (tests only: real callers stream). */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

/**
 * The product map both SQL connector suites read: users identified by email, tickets (workspace
 * content) and messages referencing users.id.
 */
export const PRODUCT_COLLECTIONS: CollectionSpec[] = [
  {
    name: "users",
    fields: [
      { name: "id", primaryKey: true },
      { name: "email", identity: "email" },
      { name: "name" },
      { name: "created_at" },
      { name: "balance" },
      { name: "big" },
      { name: "avatar" },
    ],
  },
  {
    name: "tickets",
    workspaceField: "workspace",
    fields: [{ name: "id", primaryKey: true }, { name: "requester_id", references: "users.id" }, { name: "subject" }],
  },
  { name: "messages", fields: [{ name: "id" }, { name: "user_id", references: "users.id" }, { name: "body" }] },
];

/** The collection and field a lookup names, by their names. */
export function lookupOf(system: MapSystem, collection: string, field: string): { collection: MapCollection; field: MapField } {
  const c = system.collections.find((x) => x.name === collection)!;
  return { collection: c, field: c.fields.find((f) => f.name === field)! };
}

/** Opens a session, runs `fn`, closes the session whatever happens. */
export async function withSession<T>(
  connector: Connector,
  system: MapSystem,
  fn: (session: ConnectorSession) => Promise<T>,
  secret: string | null = null,
): Promise<T> {
  const session = await connector.open(system, secret);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** Every row one lookup finds, in one session of its own. */
export async function lookupRows(
  connector: Connector,
  system: MapSystem,
  where: { collection: string; field: string; values: string[]; workspaces?: string[] },
  secret: string | null = null,
): Promise<FoundRow[]> {
  const lookup = { ...lookupOf(system, where.collection, where.field), values: where.values, workspaces: where.workspaces };
  return withSession(connector, system, async (session) => (await collectBatches(session.lookup(lookup))).flat(), secret);
}
