import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export type TestDatabase = { url: string; stop: () => Promise<void> };

/**
 * A fresh, migrated database for one test suite: on the PostgreSQL server named by
 * TEST_DATABASE_URL when given (a URL whose user may create databases), else on embedded PGlite.
 */
export async function createTestDatabase(prefix: string, port = 0): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // A name of its own, so runs that overlap on one server never drop each other's database.
    const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return { url: url.toString(), stop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const embedded = await startEmbeddedPostgres({ dataDir, port: port || (await freePort()) });
  await migrate(embedded.url);
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
 * tests connect as the superuser, whose replica mode skips triggers for this one transaction.
 */
export async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
}
