import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freePort } from "@/lib/testing/test-database";

// The embedded default serves many connections from one PGlite session; these are the patterns
// an app pool produces (parameterized queries and transactions at once) and must all come back right.
let embedded: EmbeddedPostgres;
let dir: string;

// Starting PGlite (WebAssembly) takes seconds, and a minute on a loaded machine.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-"));
  embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
}, 180_000);

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

  it("takes every migration, the search's trigram indexes included, and finds a fragment with them", async () => {
    await migrate(embedded.url);
    const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
    try {
      await pool.query(
        `INSERT INTO requests (id, reference, type, status, requester_name, requester_email, country, jurisdiction, relationship, details, updated_at)
         VALUES (gen_random_uuid(), 'DSR-EMBD-0001', 'ACCESS', 'RECEIVED', 'Katharina Müller', 'k@example.test', 'DE', 'GDPR', 'OTHER', '{}', now())`,
      );
      const { rows } = await pool.query<{ reference: string }>(`SELECT reference FROM requests WHERE requester_name % $1 OR requester_name ILIKE $2`, ["Katharina Mülelr", "%müll%"]);
      expect(rows.map((r) => r.reference)).toEqual(["DSR-EMBD-0001"]);
    } finally {
      await pool.end();
    }
  }, 180_000);
});

// pglite-socket runs every connection in PGlite's one superuser session; the app's role means
// something only if each connection gets the user it logged in as, and keeps it.
describe("embedded PostgreSQL's logins", () => {
  const as = (user: string) => embedded.url.replace("//postgres@", `//${user}@`);
  const currentUser = async (client: pg.ClientBase | pg.Pool) => (await client.query<{ u: string }>("SELECT current_user AS u")).rows[0]!.u;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    await admin.query("CREATE ROLE login_app LOGIN; CREATE ROLE login_other LOGIN; CREATE ROLE no_login NOLOGIN");
    await admin.end();
  });

  it("refuses a role that does not exist or may not log in", async () => {
    for (const [user, message] of [
      ["nobody_here", 'role "nobody_here" does not exist'],
      ["no_login", 'role "no_login" is not permitted to log in'],
    ]) {
      const client = new pg.Client({ connectionString: as(user!) });
      await expect(client.connect()).rejects.toThrow(message);
      await client.end().catch(() => {});
    }
  });

  it("gives every connection its own user, however their queries interleave", async () => {
    const pools = { postgres: new pg.Pool({ connectionString: embedded.url, max: 4 }), login_app: new pg.Pool({ connectionString: as("login_app"), max: 4 }), login_other: new pg.Pool({ connectionString: as("login_other"), max: 4 }) };
    // A superuser connection that switches its own role must not pass it on.
    const switcher = new pg.Client({ connectionString: embedded.url });
    await switcher.connect();
    try {
      await switcher.query("SET ROLE login_other");
      const seen = await Promise.all(
        Array.from({ length: 300 }, async (_, n) => {
          const user = (["postgres", "login_app", "login_other"] as const)[n % 3]!;
          return { user, seen: await currentUser(pools[user]) };
        }),
      );
      for (const { user, seen: actual } of seen) expect(actual).toBe(user);
      // The app's role cannot climb back to the superuser by role.
      const app = await pools.login_app.connect();
      try {
        await expect(app.query("SET ROLE postgres")).rejects.toThrow(/permission denied/);
        await app.query("RESET ROLE");
        expect(await currentUser(app)).toBe("login_app");
      } finally {
        app.release();
      }
      expect(await currentUser(pools.postgres)).toBe("postgres");
    } finally {
      await switcher.end();
      await Promise.all(Object.values(pools).map((pool) => pool.end()));
    }
  });
});
