import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// A database of its own: the suite's shared one is already migrated.
let database: TestDatabase;
let url: string;
const real = path.resolve("prisma/migrations");

beforeAll(async () => {
  database = await createTestDatabase("dsar_test_migrate");
  url = database.ownerUrl;
});

afterAll(async () => {
  await database.stop();
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(real, dir, { recursive: true });
  return dir;
}

describe("the migrator", () => {
  it("records every migration as Prisma does and applies nothing twice", async () => {
    // createTestDatabase already migrated; a second run finds nothing to do.
    expect(await migrate(url, real)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null; rolled_back_at: Date | null; id: string }>(
      `SELECT id, migration_name, checksum, applied_steps_count, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations(real);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const sql = fs.readFileSync(path.join(real, files[i]!.name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("applies a new migration once, inside a transaction", async () => {
    const dir = copyMigrations();
    fs.mkdirSync(path.join(dir, "29990101000000_add_note"));
    fs.writeFileSync(path.join(dir, "29990101000000_add_note", "migration.sql"), `CREATE TABLE "migration_probe" ("id" INTEGER PRIMARY KEY);`);
    expect(await migrate(url, dir)).toEqual(["29990101000000_add_note"]);
    expect(await migrate(url, dir)).toEqual([]);
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'migration_probe'`)).toHaveLength(1);
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const dir = copyMigrations();
    fs.mkdirSync(path.join(dir, "29990201000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29990201000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";`,
    );
    await expect(migrate(url, dir)).rejects.toThrow(/29990201000000_broken failed and was rolled back/);
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`)).toHaveLength(0);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990201000000_broken'`)).toHaveLength(0);
  });

  it("refuses to run when a migration that landed was edited", async () => {
    const dir = copyMigrations();
    const first = readMigrations(dir)[0]!.name;
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited afterwards\n");
    await expect(migrate(url, dir)).rejects.toThrow(new RegExp(`${first} was edited after it was applied`));
  });

  // PGlite is one database session shared by every connection, so an advisory lock cannot keep
  // two of its connections apart; the guarantee is for a real server.
  it.skipIf(!process.env.TEST_DATABASE_URL)("lets only one of two concurrent runs apply a migration", async () => {
    const dir = copyMigrations();
    fs.mkdirSync(path.join(dir, "29990301000000_concurrent"));
    fs.writeFileSync(path.join(dir, "29990301000000_concurrent", "migration.sql"), `CREATE TABLE "concurrent_probe" ("id" INTEGER);`);
    const results = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect(results.flat()).toEqual(["29990301000000_concurrent"]);
  });
});
