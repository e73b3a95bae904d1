import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { installQueueSchema } from "@/lib/jobs/queue";

// Applies prisma/migrations in order and keeps `_prisma_migrations` exactly as Prisma's own
// `migrate deploy` does, so Prisma's CLI agrees with it wherever its native engine exists.

const LOCK_ID = 7_267_000_001; // any constant: serializes concurrent starts against one database

const PRISMA_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Returns the names of the migrations it applied. Refuses edited or failed landed migrations. */
export async function migrate(
  connectionString: string,
  dir = path.resolve("prisma/migrations"),
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const files = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(PRISMA_TABLE);
    const { rows } = await client.query<Applied>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (!row.finished_at) throw new MigrationError(`Migration ${row.migration_name} failed earlier; resolve it before migrating.`);
      const file = files.find((f) => f.name === row.migration_name);
      if (file && file.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.migration_name} was edited after it was applied; write a new migration instead.`);
      }
    }
    const done: string[] = [];
    for (const file of files) {
      if (applied.has(file.name)) continue;
      await client.query("BEGIN");
      try {
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`applied ${file.name}`);
      done.push(file.name);
    }
    // The job queue's own schema (pg-boss installs and upgrades it itself), under the same lock.
    await installQueueSchema(connectionString);
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}
