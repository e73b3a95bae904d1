import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { seedProductDatabase } from "@/lib/demo/product-data";

/** Where the demo product database listens, as a data map connection names it. */
export type ProductDatabase = { url: string; host: string; port: number; database: string; stop: () => Promise<void> };

function describe(url: string, stop: () => Promise<void>): ProductDatabase {
  const parsed = new URL(url);
  return { url, host: parsed.hostname, port: Number(parsed.port || 5432), database: parsed.pathname.slice(1) || "postgres", stop };
}

/** The demo product database in embedded PGlite, data kept in `dataDir`, seeded when new. */
export async function startEmbeddedProductDatabase(dataDir: string, port: number): Promise<ProductDatabase> {
  const embedded = await startEmbeddedPostgres({ dataDir, port, maxConnections: 16 });
  const url = embedded.url.replace(/\?.*$/, "");
  await seedProductDatabase(url);
  return describe(url, embedded.stop);
}

/**
 * A seeded product database for one test run: a new database on the PostgreSQL server of
 * `serverUrl` (dropped by stop()), or, without a server, an embedded one in a temporary folder.
 */
export async function createProductDatabase(prefix: string, serverUrl: string | undefined, port: number): Promise<ProductDatabase> {
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    const db = await startEmbeddedProductDatabase(dataDir, port);
    return {
      ...db,
      stop: async () => {
        await db.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
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
  url.search = "";
  await seedProductDatabase(url.toString());
  return describe(url.toString(), () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
