import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlConnector } from "@/lib/connectors/mysql";
import { postgresConnector } from "@/lib/connectors/postgres";
import { ConnectorError, type Connector, type ErasureSession, type FoundRow } from "@/lib/connectors/types";
import type { FieldErasure, MapSystem, SqlConnection } from "@/lib/datamap/types";
import { collectionErasure } from "@/lib/erasure/collection";
import { pseudonym } from "@/lib/erasure/pseudonym";
import { createScratchMariaDb, createScratchPostgres, lookupRows, mapSystem, type ScratchDatabase } from "@/lib/testing/product-db";
import { withClient } from "@/lib/testing/test-database";

// Erasing a person's rows through the SQL connectors on real PostgreSQL and MariaDB, with real
// foreign keys: every strategy, a composite primary key, a table keyed only by email, children
// before parents (a parent first is refused in words and changes nothing), a second application
// of the same batches changes nothing, and other people's rows are untouched.

const SECRET = "erasure-test-secret-0123456789abcdefghij";
const pseudonymOf = (value: string, email: boolean) => pseudonym(SECRET, value, email);

const SCHEMA = [
  "CREATE TABLE people (id integer PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, name varchar(100) NOT NULL, phone varchar(40))",
  "CREATE TABLE orders (id integer PRIMARY KEY, person_id integer NOT NULL REFERENCES people(id), note varchar(200), total integer NOT NULL)",
  "CREATE TABLE seats (account_id integer NOT NULL, member_id integer NOT NULL REFERENCES people(id), label varchar(50), PRIMARY KEY (account_id, member_id))",
  "CREATE TABLE newsletter (email varchar(200) NOT NULL, topic varchar(50) NOT NULL)",
];
const SEED = [
  "INSERT INTO people VALUES (1, 'Alex.Morgan@example.com', 'Alex Morgan', '+49 1'), (2, 'priya@example.com', 'Priya Shah', '+44 2'), (3, 'jonas@example.com', 'Jonas Weber', NULL)",
  "INSERT INTO orders VALUES (10, 1, 'gift wrap', 49), (11, 1, 'deliver to office', 99), (12, 2, 'priya order', 10), (13, 3, NULL, 5)",
  "INSERT INTO seats VALUES (1, 1, 'owner'), (2, 1, 'agent'), (1, 2, 'agent')",
  "INSERT INTO newsletter VALUES ('alex.morgan@example.com', 'product'), ('alex.morgan@example.com', 'security'), ('priya@example.com', 'product')",
];
const TABLES = ["people", "orders", "seats", "newsletter"];

type Engine = { name: string; kind: "POSTGRES" | "MYSQL"; connector: Connector; db: () => ScratchDatabase; sql: (text: string) => Promise<Record<string, unknown>[]> };
let pg: ScratchDatabase;
let maria: ScratchDatabase;

async function mariaSql(text: string): Promise<Record<string, unknown>[]> {
  const conn = await mysql.createConnection(maria.url);
  try {
    const [rows] = await conn.query(text);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  } finally {
    await conn.end();
  }
}

const engines: Engine[] = [
  { name: "PostgreSQL", kind: "POSTGRES", connector: postgresConnector, db: () => pg, sql: (text) => withClient(pg.url, async (c) => (await c.query(text)).rows) },
  { name: "MariaDB", kind: "MYSQL", connector: mysqlConnector, db: () => maria, sql: mariaSql },
];

beforeAll(async () => {
  pg = await createScratchPostgres("erase_pg");
  maria = await createScratchMariaDb("erase_my");
}, 60_000);

afterAll(async () => {
  await pg?.stop();
  await maria?.stop();
});

function theMap(engine: Engine): MapSystem {
  const d = engine.db();
  const connection: SqlConnection = { host: d.host, port: d.port, database: d.database, user: d.user };
  const system = mapSystem(engine.kind, connection, [
    {
      name: "people",
      fields: [
        { name: "id", primaryKey: true, categories: ["user.unique_id"] },
        { name: "email", identity: "email", categories: ["user.contact.email"] },
        { name: "name", categories: ["user.name"] },
        { name: "phone", categories: ["user.contact.phone_number"] },
      ],
    },
    {
      name: "orders",
      fields: [
        { name: "id", primaryKey: true, categories: ["system.operations"] },
        { name: "person_id", references: "people.id", categories: ["user.unique_id"] },
        { name: "note", categories: ["user.content.private"] },
        { name: "total", categories: ["user.financial"] },
      ],
    },
    {
      name: "seats",
      fields: [
        { name: "account_id", primaryKey: true, categories: ["system.operations"] },
        { name: "member_id", primaryKey: true, references: "people.id", categories: ["user.unique_id"] },
        { name: "label", categories: ["user.job_title"] },
      ],
    },
    { name: "newsletter", fields: [{ name: "email", identity: "email", categories: ["user.contact.email"] }, { name: "topic", categories: ["user.behavior"] }] },
  ]);
  const set = (collection: string, field: string, erasure: FieldErasure) => {
    system.collections.find((c) => c.name === collection)!.fields.find((f) => f.name === field)!.erasure = erasure;
  };
  set("people", "email", { strategy: "PSEUDONYMIZE", value: null, reason: null });
  set("people", "name", { strategy: "FIXED_VALUE", value: "Erased person", reason: null });
  set("orders", "person_id", { strategy: "KEEP", value: null, reason: "Points at the pseudonymised person" });
  set("orders", "total", { strategy: "KEEP", value: null, reason: "Invoices are kept 10 years for tax law" });
  set("seats", "label", { strategy: "DELETE_ROW", value: null, reason: null });
  set("newsletter", "email", { strategy: "DELETE_ROW", value: null, reason: null });
  return system;
}

const snapshot = async (engine: Engine) => {
  const [people, orders, seats, newsletter] = await Promise.all(TABLES.map((t) => engine.sql(`SELECT * FROM ${t} ORDER BY 1, 2`)));
  return { people: people!, orders: orders!, seats: seats!, newsletter: newsletter! };
};

describe.each(engines)("erasing on $name", (engine) => {
  it("applies every strategy to the person's rows only, children first, and a second time changes nothing", async () => {
    for (const statement of [...TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).reverse(), ...SCHEMA, ...SEED]) await engine.sql(statement);
    const system = theMap(engine);
    const referenced = new Set(system.collections.flatMap((c) => c.fields.map((f) => f.referencesFieldId)).filter((id): id is string => id !== null));
    const collection = (name: string) => system.collections.find((c) => c.name === name)!;
    const find = (name: string, field: string, values: string[]) => lookupRows(engine.connector, system, { collection: name, field, values }, null);

    // What the run would have found for Alex (in another case than stored).
    const people = await find("people", "email", ["alex.morgan@example.com"]);
    const ids = people.map((p) => String(p.id));
    const found: Record<string, { rows: FoundRow[]; foundBy: string[] }> = {
      newsletter: { rows: await find("newsletter", "email", ["alex.morgan@example.com"]), foundBy: ["email"] },
      seats: { rows: await find("seats", "member_id", ids), foundBy: ["member_id"] },
      orders: { rows: await find("orders", "person_id", ids), foundBy: ["person_id"] },
      people: { rows: people, foundBy: ["email"] },
    };
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.rows.length]))).toEqual({ newsletter: 2, seats: 2, orders: 2, people: 1 });
    const before = await snapshot(engine);

    const session: ErasureSession = await engine.connector.openErasure!(system, null);
    try {
      const erase = (name: string) => session.erase(collection(name), collectionErasure(collection(name), { referenced, foundBy: found[name]!.foundBy }), found[name]!.rows, pseudonymOf);
      // Children before parents (the plan's order reversed).
      const affected = { newsletter: await erase("newsletter"), seats: await erase("seats"), orders: await erase("orders"), people: await erase("people") };
      expect(affected).toEqual({ newsletter: 2, seats: 2, orders: 2, people: 1 });
      const after = await snapshot(engine);

      const alexPseudonym = pseudonymOf("Alex.Morgan@example.com", true);
      expect(after.people.map((p) => [p.id, p.email, p.name, p.phone])).toEqual([
        [1, alexPseudonym, "Erased person", null],
        [2, "priya@example.com", "Priya Shah", "+44 2"],
        [3, "jonas@example.com", "Jonas Weber", null],
      ]);
      // Alex's order notes are emptied, the totals kept (tax law), the others' orders untouched.
      expect(after.orders.map((o) => [o.id, o.person_id, o.note, Number(o.total)])).toEqual([
        [10, 1, null, 49],
        [11, 1, null, 99],
        [12, 2, "priya order", 10],
        [13, 3, null, 5],
      ]);
      // Composite key: only Alex's two seats went; the table keyed only by email: only her rows.
      expect(after.seats.map((s) => [s.account_id, s.member_id])).toEqual([[1, 2]]);
      expect(after.newsletter.map((n) => n.email)).toEqual(["priya@example.com"]);
      expect(after.people.length + after.orders.length).toBe(before.people.length + before.orders.length);

      // The same batches again (a retried job): nothing changes.
      await erase("newsletter");
      await erase("seats");
      await erase("orders");
      expect(await erase("people")).toBeLessThanOrEqual(1);
      expect(await snapshot(engine)).toEqual(after);
    } finally {
      await session.close();
    }
  });

  it("refuses to delete a parent before the rows pointing at it, in words, and changes nothing", async () => {
    for (const statement of [...TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).reverse(), ...SCHEMA, ...SEED]) await engine.sql(statement);
    const system = theMap(engine);
    const people = system.collections.find((c) => c.name === "people")!;
    people.fields.find((f) => f.name === "email")!.erasure = { strategy: "DELETE_ROW", value: null, reason: null };
    const before = await snapshot(engine);
    const session = await engine.connector.openErasure!(system, null);
    try {
      const rows = await lookupRows(engine.connector, system, { collection: "people", field: "email", values: ["alex.morgan@example.com"] }, null);
      const error = await session.erase(people, collectionErasure(people, { referenced: new Set(), foundBy: ["email"] }), rows, pseudonymOf).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).message).toMatch(/rows of people are still pointed at by another table's foreign key/);
      expect((error as ConnectorError).message).not.toContain("Alex");
      expect(await snapshot(engine)).toEqual(before);
    } finally {
      await session.close();
    }
  });
});
