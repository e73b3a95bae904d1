import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { grantAppRole, urlAsUser } from "@/lib/db/roles";
import { QUEUE_SCHEMA } from "@/lib/jobs/queue";

/**
 * `url` logs in as the app's role (rows only), as the app does in production; `ownerUrl` as the
 * owner of the tables (the server's user, or PGlite's superuser), for migrating and emptying them.
 */
export type TestDatabase = { url: string; ownerUrl: string; stop: () => Promise<void> };

// One role for every test database on a server (roles are server-wide; grants are per database).
const TEST_APP_ROLE = "dsar_test_app";

/** Migrates the fresh database and gives the app's role its rights; drops it when that fails. */
async function prepare(ownerUrl: string, stop: () => Promise<void>): Promise<TestDatabase> {
  try {
    await migrate(ownerUrl);
    const url = urlAsUser(ownerUrl, TEST_APP_ROLE, TEST_APP_ROLE);
    await grantAppRole(ownerUrl, url);
    return { url, ownerUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A fresh, migrated database for one test suite, with the app's role: on the PostgreSQL server
 * named by TEST_DATABASE_URL when given (a URL whose user may create databases and roles), else
 * on embedded PGlite.
 */
export async function createTestDatabase(prefix: string, port = 0): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // A name of its own, so runs that overlap on one server never drop each other's database.
    const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = async (sql: string) => {
      await withClient(serverUrl, (client) => client.query(sql));
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return prepare(url.toString(), () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const embedded = await startEmbeddedPostgres({ dataDir, port: port || (await freePort()) });
  return prepare(embedded.url, async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

/** One connection to `url` for `fn`, closed after. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Empties every application table between test files. The audit tables refuse TRUNCATE by trigger;
 * `ownerUrl` logs in as a superuser, whose replica mode skips triggers for this one transaction.
 */
export async function truncateAll(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
      // Jobs a previous file left in the queue (its partitions empty with it).
      await client.query(`TRUNCATE ${QUEUE_SCHEMA}.job, ${QUEUE_SCHEMA}.archive`);
      await client.query("COMMIT");
    }
  });
}
