import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresConnector } from "@/lib/connectors/postgres";
import { ConnectorError } from "@/lib/connectors/types";
import type { MapSystem, SqlConnection } from "@/lib/datamap/types";
import { PRODUCT_COLLECTIONS, collectBatches, createScratchPostgres, lookupOf, lookupRows, mapSystem, withSession, type ScratchDatabase } from "@/lib/testing/product-db";
import { freePort, withClient } from "@/lib/testing/test-database";

// The PostgreSQL connector against a real scratch database on the test server.

let db: ScratchDatabase;

const sql = (text: string, values: unknown[] = []) => withClient(db.url, (client) => client.query(text, values));

function connection(overrides: Partial<SqlConnection> = {}): SqlConnection {
  return { host: db.host, port: db.port, database: db.database, user: db.user, ...overrides };
}

function productMap(overrides: Partial<SqlConnection> = {}): MapSystem {
  return mapSystem("POSTGRES", connection(overrides), PRODUCT_COLLECTIONS);
}

const rows = (system: MapSystem, collection: string, field: string, values: string[], workspaces?: string[]) =>
  lookupRows(postgresConnector, system, { collection, field, values, workspaces });

beforeAll(async () => {
  db = await createScratchPostgres("connector_pg");
  await sql(`
    CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, name text, created_at timestamptz NOT NULL DEFAULT '2026-01-02T03:04:05Z',
                        balance numeric(10,2), big bigint, avatar bytea, secret_note text);
    CREATE INDEX users_email ON users (lower(btrim(email)));
    CREATE TABLE tickets (id serial PRIMARY KEY, requester_id int REFERENCES users(id), subject text, workspace text NOT NULL);
    CREATE TABLE messages (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id), body text);
    CREATE INDEX messages_user ON messages (user_id);
    CREATE TABLE audit (id serial PRIMARY KEY, note text);
    CREATE FUNCTION write_audit(i int) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      BEGIN INSERT INTO audit(note) VALUES ('looked up'); RETURN 'seen'; END $$;
    CREATE VIEW users_audited AS SELECT id, email, write_audit(id) AS marker FROM users;
    INSERT INTO users (email, name, balance, big, avatar, secret_note) VALUES
      ('  Alice@Example.COM ', 'Alice', 12.50, 9007199254740993, '\\x0102ff', 'not mapped'),
      ('bob@example.com', 'Bob', 0, 1, NULL, NULL),
      ('x'' OR ''1''=''1', 'Quote', NULL, NULL, NULL, NULL);
    INSERT INTO tickets (requester_id, subject, workspace)
      SELECT CASE WHEN g % 2 = 0 THEN 1 ELSE 2 END, 'Ticket ' || g, CASE WHEN g % 4 = 0 THEN 'acme' ELSE 'globex' END
        FROM generate_series(1, 40) g;
    INSERT INTO messages (user_id, body) SELECT 1, 'Message ' || g FROM generate_series(1, 12000) g;
    INSERT INTO messages (user_id, body) SELECT 2, 'Other ' || g FROM generate_series(1, 5) g;
    ANALYZE;
  `);
});

afterAll(async () => {
  await db?.stop();
});

describe("PostgreSQL connector", () => {
  it("finds a person by email in another case and with spaces around it, with only the mapped fields, JSON-safe", async () => {
    const found = await rows(productMap(), "users", "email", ["alice@example.com"]);
    expect(found).toEqual([
      {
        id: 1,
        email: "  Alice@Example.COM ",
        name: "Alice",
        created_at: "2026-01-02T03:04:05.000Z",
        balance: "12.50",
        big: "9007199254740993",
        avatar: Buffer.from([1, 2, 255]).toString("base64"),
      },
    ]);
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });

  it("binds values: an identity written as SQL finds only the row holding exactly that text, and nothing breaks", async () => {
    const system = productMap();
    const injected = await rows(system, "users", "email", ["nobody' or '1'='1"]);
    expect(injected).toEqual([]);
    // The same text in an integer column matches nothing rather than failing the cast.
    expect(await rows(system, "tickets", "requester_id", ["1 OR 1=1", "1; DROP TABLE users"])).toEqual([]);
    expect(await rows(system, "users", "email", ["x' or '1'='1"])).toEqual([expect.objectContaining({ name: "Quote" })]);
    const { rows: count } = await sql("SELECT count(*)::int AS n FROM users");
    expect(count[0].n).toBe(3);
  });

  it("looks up integer references with the column's own type", async () => {
    const found = await rows(productMap(), "tickets", "requester_id", ["2"]);
    expect(found).toHaveLength(20);
    expect(found.every((t) => Object.keys(t).join() === "id,requester_id,subject")).toBe(true);
  });

  it("scopes workspace content to the given workspaces", async () => {
    const system = productMap();
    const all = await rows(system, "tickets", "requester_id", ["1"]);
    const acme = await rows(system, "tickets", "requester_id", ["1"], ["acme"]);
    expect(all).toHaveLength(20);
    expect(acme).toHaveLength(10);
    const { rows: expected } = await sql("SELECT id FROM tickets WHERE requester_id = 1 AND workspace = 'acme' ORDER BY id");
    expect(acme.map((t) => t.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected.map((r) => r.id));
    expect(await rows(system, "tickets", "requester_id", ["1"], [])).toEqual([]);
  });

  it("streams 12,000 rows in several batches of at most 5,000", async () => {
    const system = productMap();
    const batches = await withSession(postgresConnector, system, (session) => collectBatches(session.lookup({ ...lookupOf(system, "messages", "user_id"), values: ["1"] })));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(5000);
    expect(batches.flat()).toHaveLength(12000);
    expect(new Set(batches.flat().map((m) => m.id)).size).toBe(12000);
  });

  it("a lookup abandoned mid-stream leaves the session usable for the next one", async () => {
    const system = productMap();
    await withSession(postgresConnector, system, async (session) => {
      for await (const batch of session.lookup({ ...lookupOf(system, "messages", "user_id"), values: ["1"] })) {
        expect(batch.length).toBeGreaterThan(0);
        break;
      }
      const next = await collectBatches(session.lookup({ ...lookupOf(system, "messages", "user_id"), values: ["2"] }));
      expect(next.flat()).toHaveLength(5);
    });
  });

  it("runs in a read-only transaction: a mapped view that writes is refused and nothing is written", async () => {
    const system = mapSystem("POSTGRES", connection(), [
      { name: "users_audited", fields: [{ name: "id" }, { name: "email", identity: "email" }, { name: "marker" }] },
      { name: "users", fields: [{ name: "id" }, { name: "email", identity: "email" }] },
    ]);
    await withSession(postgresConnector, system, async (session) => {
      const error = await collectBatches(session.lookup({ ...lookupOf(system, "users_audited", "email"), values: ["bob@example.com"] })).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe("protocol");
      expect(error.message).toMatch(/read-only/);
      // The session stays usable after the refused statement.
      const after = await collectBatches(session.lookup({ ...lookupOf(system, "users", "email"), values: ["bob@example.com"] }));
      expect(after.flat()).toHaveLength(1);
    });
    const { rows: audit } = await sql("SELECT count(*)::int AS n FROM audit");
    expect(audit[0].n).toBe(0);
  });

  it("reports a renamed column in test() and fails the lookup with a schema error", async () => {
    await sql("ALTER TABLE tickets RENAME COLUMN requester_id TO customer_id");
    try {
      const system = productMap();
      const report = await postgresConnector.test(system, null);
      expect(report.ok).toBe(false);
      expect(report.reachable).toBe(true);
      expect(report.problems).toEqual([
        { collection: "tickets", field: "requester_id", message: "Column tickets.requester_id is mapped but the table has no such column (renamed?)" },
      ]);
      const error = await rows(system, "tickets", "requester_id", ["1"]).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe("schema");
      expect(error.message).toBe("Column tickets.requester_id is mapped but the table has no such column (renamed?)");
    } finally {
      await sql("ALTER TABLE tickets RENAME COLUMN customer_id TO requester_id");
    }
  });

  it("test() passes a healthy map and warns of lookup columns without an index, with the row estimate", async () => {
    const report = await postgresConnector.test(productMap(), null);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    // users.email has lower(btrim(email)), users.id its primary key, messages.user_id an index.
    expect(report.warnings.map((w) => `${w.collection}.${w.field}`).sort()).toEqual(["tickets.requester_id", "tickets.workspace"]);
    const warning = report.warnings.find((w) => w.field === "requester_id")!;
    expect(warning.rowEstimate).toBe(40);
    expect(warning.message).toMatch(/about 40 rows/);
  });

  it("email lookups use the operator's lower(email) index when that is the one there is, and compare trimmed without one", async () => {
    const system = productMap();
    await sql("DROP INDEX users_email; CREATE INDEX users_email_lower ON users (lower(email))");
    try {
      expect((await postgresConnector.test(system, null)).warnings.find((w) => w.collection === "users")).toBeUndefined();
      expect(await rows(system, "users", "email", ["bob@example.com"])).toHaveLength(1);
      // lower(email) cannot see through the spaces around Alice's stored address: the price of using that index.
      expect(await rows(system, "users", "email", ["alice@example.com"])).toEqual([]);
      await sql("DROP INDEX users_email_lower; CREATE INDEX users_email_plain ON users (email)");
      // A plain index serves neither form: a warning, and the full scan compares trimmed.
      const warning = (await postgresConnector.test(system, null)).warnings.find((w) => w.collection === "users");
      expect(warning).toMatchObject({ field: "email", rowEstimate: 3 });
      expect(warning!.message).toContain("lower(btrim(email)) or lower(email)");
      expect(await rows(system, "users", "email", ["alice@example.com"])).toHaveLength(1);
    } finally {
      await sql("DROP INDEX IF EXISTS users_email_lower; DROP INDEX IF EXISTS users_email_plain; CREATE INDEX users_email ON users (lower(btrim(email)))");
    }
  });

  it("a missing table is a problem, not a crash", async () => {
    const system = mapSystem("POSTGRES", connection(), [{ name: "gone", fields: [{ name: "id" }] }]);
    const report = await postgresConnector.test(system, null);
    expect(report.problems).toEqual([{ collection: "gone", message: "Table gone is mapped but does not exist (renamed or dropped?)" }]);
  });

  it("an unreachable server is 'unreachable', for open() and test()", async () => {
    const system = productMap({ port: await freePort() });
    const error = await postgresConnector.open(system, null).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe("unreachable");
    expect(error.retryable).toBe(true);
    const report = await postgresConnector.test(system, null);
    expect(report).toMatchObject({ ok: false, reachable: false });
  });

  it("refused credentials are 'auth' (the test server trusts local logins, so an unknown role stands in for a wrong password)", async () => {
    const system = productMap({ user: "no_such_role_connector" });
    const error = await postgresConnector.open(system, "wrong").catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe("auth");
    expect(error.message).not.toMatch(/no_such_role/);
    const report = await postgresConnector.test(system, "wrong");
    expect(report).toMatchObject({ ok: false, reachable: true });
  });

  it("discover() proposes tables, columns, primary keys, foreign keys and suggestions", async () => {
    const found = await postgresConnector.discover!(productMap(), null);
    const users = found.find((c) => c.name === "users")!;
    const tickets = found.find((c) => c.name === "tickets")!;
    expect(found.map((c) => c.name)).toEqual(expect.arrayContaining(["users", "tickets", "messages", "audit", "users_audited"]));
    expect(users.rowEstimate).toBe(3);
    expect(users.fields.find((f) => f.name === "id")).toMatchObject({ primaryKey: true, nullable: false, dataType: "integer" });
    expect(users.fields.find((f) => f.name === "email")).toMatchObject({
      dataType: "text",
      suggestedIdentity: "email",
      suggestedCategories: ["user.contact.email"],
    });
    expect(tickets.fields.find((f) => f.name === "requester_id")).toMatchObject({ references: "users.id", primaryKey: false, nullable: true });
    expect(tickets.fields.find((f) => f.name === "subject")?.references).toBeUndefined();
  });
});
