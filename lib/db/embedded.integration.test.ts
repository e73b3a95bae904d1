import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "@/lib/testing/test-database";

// The embedded default serves many connections from one PGlite session; these are the patterns
// an app pool produces (parameterized queries and transactions at once) and must all come back right.
let embedded: EmbeddedPostgres;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-"));
  embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
});

afterAll(async () => {
  await embedded.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("keeps concurrent connections' parameterized queries apart", async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    try {
      const results = await Promise.all(
        // Different statements with different parameter types: a Bind that reached another
        // connection's Parse would fail or come back with the wrong columns.
        Array.from({ length: 400 }, (_, n) =>
          n % 2
            ? pool.query("SELECT $1::int AS n, $2::text AS label", [n, `row-${n}`])
            : pool.query("SELECT $1::text AS label, $2::bigint AS big, $3::int AS n", [`row-${n}`, n * 10, n]),
        ),
      );
      results.forEach((result, n) =>
        expect(result.rows[0]).toEqual(n % 2 ? { n, label: `row-${n}` } : { label: `row-${n}`, big: String(n * 10), n }),
      );
    } finally {
      await pool.end();
    }
  });

  it("keeps a transaction to its own connection while others query", async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 6 });
    try {
      await pool.query("CREATE TABLE IF NOT EXISTS counter (id int PRIMARY KEY, n int NOT NULL)");
      await pool.query("INSERT INTO counter VALUES (1, 0) ON CONFLICT DO NOTHING");
      const transfer = async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
          await client.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0]!.n + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      };
      const readers = Array.from({ length: 50 }, (_, n) => pool.query("SELECT $1::int AS n", [n]));
      await Promise.all([...Array.from({ length: 30 }, transfer), ...readers]);
      const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
      expect(rows[0]!.n).toBe(30);
    } finally {
      await pool.end();
    }
  });
});
