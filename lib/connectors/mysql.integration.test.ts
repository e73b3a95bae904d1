import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlConnector } from "@/lib/connectors/mysql";
import { ConnectorError } from "@/lib/connectors/types";
import type { MapSystem, SqlConnection } from "@/lib/datamap/types";
import { PRODUCT_COLLECTIONS, collectBatches, createScratchMariaDb, lookupOf, lookupRows, mapSystem, withSession, type ScratchDatabase } from "@/lib/testing/product-db";
import { freePort } from "@/lib/testing/test-database";

// The MySQL/MariaDB connector against a real scratch database on the local MariaDB.

let db: ScratchDatabase;
const USER = `conn_${process.pid}`;

async function sql(text: string, values: unknown[] = []) {
  const conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, database: db.database, multipleStatements: true });
  try {
    const [rows] = await conn.query(text, values);
    return rows as mysql.RowDataPacket[];
  } finally {
    await conn.end();
  }
}

function connection(overrides: Partial<SqlConnection> = {}): SqlConnection {
  return { host: db.host, port: db.port, database: db.database, user: db.user, ...overrides };
}

function productMap(overrides: Partial<SqlConnection> = {}): MapSystem {
  return mapSystem("MYSQL", connection(overrides), PRODUCT_COLLECTIONS);
}

const rows = (system: MapSystem, collection: string, field: string, values: string[], workspaces?: string[]) =>
  lookupRows(mysqlConnector, system, { collection, field, values, workspaces });

beforeAll(async () => {
  db = await createScratchMariaDb("connector_my");
  await sql(`
    CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, name VARCHAR(100), created_at TIMESTAMP NOT NULL DEFAULT '2026-01-02 03:04:05',
                        balance DECIMAL(10,2), big BIGINT, avatar VARBINARY(16), secret_note TEXT) ENGINE=InnoDB;
    CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, requester_id INT, subject VARCHAR(100), workspace VARCHAR(50) NOT NULL,
                          CONSTRAINT tickets_requester FOREIGN KEY (requester_id) REFERENCES users(id)) ENGINE=InnoDB;
    CREATE TABLE messages (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, body VARCHAR(100), INDEX messages_user (user_id)) ENGINE=InnoDB;
    CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50)) ENGINE=InnoDB;
    CREATE FUNCTION write_audit(i INT) RETURNS VARCHAR(10) MODIFIES SQL DATA BEGIN INSERT INTO audit(note) VALUES ('looked up'); RETURN 'seen'; END;
    CREATE VIEW users_audited AS SELECT id, email, write_audit(id) AS marker FROM users;
    SET time_zone = '+00:00';
    INSERT INTO users (id, email, name, balance, big, avatar, secret_note) VALUES
      (1, '  Alice@Example.COM ', 'Alice', 12.50, 9007199254740993, X'0102FF', 'not mapped'),
      (2, 'bob@example.com', 'Bob', 0, 1, NULL, NULL),
      (3, 'x'' OR ''1''=''1', 'Quote', NULL, NULL, NULL, NULL);
    INSERT INTO tickets (requester_id, subject, workspace)
      SELECT IF(seq % 2 = 0, 1, 2), CONCAT('Ticket ', seq), IF(seq % 4 = 0, 'acme', 'globex') FROM seq_1_to_40;
    INSERT INTO messages (user_id, body) SELECT 1, CONCAT('Message ', seq) FROM seq_1_to_12000;
    INSERT INTO messages (user_id, body) SELECT 2, CONCAT('Other ', seq) FROM seq_1_to_5;
    ANALYZE TABLE users, tickets, messages;
  `);
});

afterAll(async () => {
  await sql(`DROP USER IF EXISTS '${USER}'@'127.0.0.1'`).catch(() => {});
  await db?.stop();
});

describe("MySQL/MariaDB connector", () => {
  it("finds a person by email in another case and with spaces around it, with only the mapped fields, JSON-safe", async () => {
    const found = await rows(productMap(), "users", "email", ["alice@example.com"]);
    expect(found).toEqual([
      {
        id: 1,
        email: "  Alice@Example.COM ",
        name: "Alice",
        created_at: "2026-01-02T03:04:05Z",
        balance: "12.50",
        big: "9007199254740993",
        avatar: Buffer.from([1, 2, 255]).toString("base64"),
      },
    ]);
  });

  it("binds values: an identity written as SQL finds only the row holding exactly that text, and nothing breaks", async () => {
    const system = productMap();
    expect(await rows(system, "users", "email", ["nobody' or '1'='1"])).toEqual([]);
    // MySQL would turn 'abc' into 0 for an integer column; such values match nothing.
    expect(await rows(system, "tickets", "requester_id", ["1 OR 1=1", "abc", "1; DROP TABLE users"])).toEqual([]);
    expect(await rows(system, "users", "email", ["x' or '1'='1"])).toEqual([expect.objectContaining({ name: "Quote" })]);
    expect((await sql("SELECT COUNT(*) AS n FROM users"))[0]!.n).toBe(3);
  });

  it("finds every match among 2,500 values, also those at the edges of its 1,000-value statements", async () => {
    const values = Array.from({ length: 2500 }, (_, i) => `missing${i}@example.com`);
    values[999] = "bob@example.com";
    values[1000] = "alice@example.com";
    const found = await rows(productMap(), "users", "email", values);
    expect(found.map((r) => r.name).sort()).toEqual(["Alice", "Bob"]);
  });

  it("quotes a mapped name with a dot as one identifier: it never reaches another database", async () => {
    await sql("CREATE TABLE `mysql.user` (id INT PRIMARY KEY, email VARCHAR(50)); INSERT INTO `mysql.user` VALUES (1, 'bob@example.com')");
    const system = mapSystem("MYSQL", connection(), [{ name: "mysql.user", fields: [{ name: "id" }, { name: "email", identity: "email" }] }]);
    expect(await rows(system, "mysql.user", "email", ["bob@example.com"])).toEqual([{ id: 1, email: "bob@example.com" }]);
  });

  it("scopes workspace content to the given workspaces", async () => {
    const system = productMap();
    expect(await rows(system, "tickets", "requester_id", ["1"])).toHaveLength(20);
    const acme = await rows(system, "tickets", "requester_id", ["1"], ["acme"]);
    const expected = await sql("SELECT id FROM tickets WHERE requester_id = 1 AND workspace = 'acme' ORDER BY id");
    expect(acme.map((t) => t.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected.map((r) => r.id));
    expect(acme).toHaveLength(10);
    expect(await rows(system, "tickets", "requester_id", ["1"], [])).toEqual([]);
  });

  it("streams 12,000 rows in several batches of at most 5,000", async () => {
    const system = productMap();
    const batches = await withSession(mysqlConnector, system, (session) => collectBatches(session.lookup({ ...lookupOf(system, "messages", "user_id"), values: ["1"] })));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(5000);
    expect(new Set(batches.flat().map((m) => m.id)).size).toBe(12000);
  });

  it("a lookup abandoned mid-stream closes the session cleanly", async () => {
    const system = productMap();
    await withSession(mysqlConnector, system, async (session) => {
      for await (const batch of session.lookup({ ...lookupOf(system, "messages", "user_id"), values: ["1"] })) {
        expect(batch.length).toBeGreaterThan(0);
        break;
      }
    });
  });

  it("runs in a read-only transaction: a mapped view that writes is refused and nothing is written", async () => {
    const system = mapSystem("MYSQL", connection(), [
      { name: "users_audited", fields: [{ name: "id" }, { name: "email", identity: "email" }, { name: "marker" }] },
      { name: "users", fields: [{ name: "id" }, { name: "email", identity: "email" }] },
    ]);
    await withSession(mysqlConnector, system, async (session) => {
      const error = await collectBatches(session.lookup({ ...lookupOf(system, "users_audited", "email"), values: ["bob@example.com"] })).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe("protocol");
      expect(error.message).toMatch(/read-only/);
      const after = await collectBatches(session.lookup({ ...lookupOf(system, "users", "email"), values: ["bob@example.com"] }));
      expect(after.flat()).toHaveLength(1);
    });
    expect((await sql("SELECT COUNT(*) AS n FROM audit"))[0]!.n).toBe(0);
  });

  it("reports a renamed column in test() and fails the lookup with a schema error", async () => {
    await sql("ALTER TABLE tickets RENAME COLUMN requester_id TO customer_id");
    try {
      const system = productMap();
      const report = await mysqlConnector.test(system, null);
      expect(report).toMatchObject({ ok: false, reachable: true });
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

  it("test() warns of lookup columns without an index, with the row estimate", async () => {
    const report = await mysqlConnector.test(productMap(), null);
    expect(report.ok).toBe(true);
    // tickets.requester_id has its foreign key's index; MariaDB cannot index LOWER(TRIM(email)).
    expect(report.warnings.map((w) => `${w.collection}.${w.field}`).sort()).toEqual(["tickets.workspace", "users.email"]);
    const warning = report.warnings.find((w) => w.field === "workspace")!;
    expect(warning.rowEstimate).toBeGreaterThan(0);
    expect(warning.message).toContain(`about ${warning.rowEstimate} rows`);
  });

  it("email lookups use a plain index on a case-insensitive column when that is the one there is, and compare trimmed without one", async () => {
    const system = productMap();
    await sql("CREATE INDEX users_email ON users (email); INSERT INTO users (id, email, name) VALUES (4, 'Carol@Example.COM  ', 'Carol')");
    try {
      expect((await mysqlConnector.test(system, null)).warnings.find((w) => w.collection === "users")).toBeUndefined();
      // The collation ignores case and trailing spaces...
      expect(await rows(system, "users", "email", ["carol@example.com"])).toEqual([expect.objectContaining({ name: "Carol" })]);
      // ...but not the spaces before Alice's stored address: the price of using that index.
      expect(await rows(system, "users", "email", ["alice@example.com"])).toEqual([]);
      await sql("DROP INDEX users_email ON users");
      const warning = (await mysqlConnector.test(system, null)).warnings.find((w) => w.collection === "users");
      expect(warning?.message).toContain("case-insensitive collation");
      expect(await rows(system, "users", "email", ["alice@example.com"])).toHaveLength(1);
    } finally {
      await sql("DELETE FROM users WHERE id = 4");
      await sql("DROP INDEX IF EXISTS users_email ON users");
    }
  });

  it("an unreachable server is 'unreachable', for open() and test()", async () => {
    const system = productMap({ port: await freePort() });
    const error = await mysqlConnector.open(system, null).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe("unreachable");
    expect(await mysqlConnector.test(system, null)).toMatchObject({ ok: false, reachable: false });
  });

  it("a wrong password is 'auth', and the right one opens", async () => {
    await sql(`CREATE USER '${USER}'@'127.0.0.1' IDENTIFIED BY 'right-password'`);
    await sql(`GRANT SELECT ON \`${db.database}\`.* TO '${USER}'@'127.0.0.1'`);
    const system = productMap({ user: USER });
    const error = await mysqlConnector.open(system, "wrong-password").catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain("wrong-password");
    expect(await mysqlConnector.test(system, "wrong-password")).toMatchObject({ ok: false, reachable: true });
    const found = await withSession(mysqlConnector, system, (session) => collectBatches(session.lookup({ ...lookupOf(system, "users", "email"), values: ["bob@example.com"] })), "right-password");
    expect(found.flat()).toHaveLength(1);
  });

  it("discover() proposes tables, columns, primary keys, foreign keys and suggestions", async () => {
    const found = await mysqlConnector.discover!(productMap(), null);
    expect(found.map((c) => c.name)).toEqual(expect.arrayContaining(["users", "tickets", "messages", "audit"]));
    const users = found.find((c) => c.name === "users")!;
    expect(users.rowEstimate).toBe(3);
    expect(users.fields.find((f) => f.name === "id")).toMatchObject({ primaryKey: true, nullable: false, dataType: "int(11)" });
    expect(users.fields.find((f) => f.name === "email")).toMatchObject({ suggestedIdentity: "email", suggestedCategories: ["user.contact.email"] });
    const tickets = found.find((c) => c.name === "tickets")!;
    expect(tickets.fields.find((f) => f.name === "requester_id")).toMatchObject({ references: "users.id", primaryKey: false, nullable: true });
  });
});
