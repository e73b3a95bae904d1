import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { mysqlConnector } from "@/lib/connectors/mysql";
import { postgresConnector } from "@/lib/connectors/postgres";
import type { Connector } from "@/lib/connectors/types";
import { addCollection, addField, updateField } from "@/lib/datamap/collections";
import { exportDataMap } from "@/lib/datamap/fides-yaml";
import { loadDataMap } from "@/lib/datamap/load";
import { CollectionSchema, FieldSchema, SqlConnectionSchema, SystemSchema } from "@/lib/datamap/schema";
import { createSystem, saveConnection } from "@/lib/datamap/systems";
import { testSystemConnection } from "@/lib/datamap/test-connection";
import type { SqlConnection } from "@/lib/datamap/types";
import { db } from "@/lib/db";
import { createScratchMariaDb, createScratchPostgres, mapSystem, type ScratchDatabase } from "@/lib/testing/product-db";
import { DomainError } from "@/lib/actions/domain-error";
import { createStaff } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";

// Erasure strategies in the data map against real databases: what each column's catalogue says
// (NOT NULL, unique, foreign keys pointing at it, its type and length), a strategy the column
// cannot take refused when the field is saved (with the reason, nothing stored), the defaults a
// column cannot take reported by Test connection, and the strategies carried by the YAML export.

let pg: ScratchDatabase;
let maria: ScratchDatabase;
let admin: StaffUser;

const SCHEMA = [
  "CREATE TABLE members (id integer PRIMARY KEY, email varchar(200) NOT NULL, nickname varchar(20), full_name text NOT NULL, age integer, note text)",
  "CREATE TABLE tickets (id integer PRIMARY KEY, requester_id integer NOT NULL REFERENCES members(id), body text)",
];

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  pg = await createScratchPostgres("erasure_pg");
  await withClient(pg.url, async (client) => {
    for (const statement of SCHEMA) await client.query(statement);
    await client.query("CREATE UNIQUE INDEX members_email_key ON members (lower(btrim(email)))");
  });
  maria = await createScratchMariaDb("erasure_my");
  const conn = await mysql.createConnection(maria.url);
  try {
    for (const statement of SCHEMA) await conn.query(statement);
    await conn.query("CREATE UNIQUE INDEX members_email_key ON members (email)");
  } finally {
    await conn.end();
  }
}, 60_000);

afterAll(async () => {
  await pg?.stop();
  await maria?.stop();
});

/** Refused with that code, and a message that says why. */
async function refused(promise: Promise<unknown>, code: string, why: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect((error as DomainError).message).toMatch(why);
}

const engines: [string, () => ScratchDatabase, "POSTGRES" | "MYSQL", Connector][] = [
  ["PostgreSQL", () => pg, "POSTGRES", postgresConnector],
  ["MariaDB", () => maria, "MYSQL", mysqlConnector],
];

describe.each(engines)("%s", (_name, scratch, kind, connector) => {
  const connection = (): SqlConnection => ({ host: scratch().host, port: scratch().port, database: scratch().database, user: scratch().user });

  it("reads what an erasure must respect of each column", async () => {
    const system = mapSystem(kind, connection(), []);
    const members = await connector.columnFacts!(system, null, "members");
    expect(members!.get("id")).toMatchObject({ nullable: false, unique: true, referencedBy: ["tickets.requester_id"], kind: "number" });
    // PostgreSQL: unique through an expression index over it.
    expect(members!.get("email")).toMatchObject({ nullable: false, unique: true, referencedBy: [], kind: "text", maxLength: 200 });
    expect(members!.get("nickname")).toMatchObject({ nullable: true, unique: false, kind: "text", maxLength: 20 });
    expect(members!.get("age")).toMatchObject({ nullable: true, kind: "number", maxLength: null });
    expect(members!.get("note")).toMatchObject({ kind: "text", maxLength: null });
    expect((await connector.columnFacts!(system, null, "tickets"))!.get("requester_id")).toMatchObject({ nullable: false, referencedBy: [] });
    expect(await connector.columnFacts!(system, null, "no_such_table")).toBeUndefined();
  });

  it("refuses, when a field is saved, a strategy its column cannot take, and stores one it can", async () => {
    const { id: systemId } = await createSystem(SystemSchema.parse({ key: `erasure_${kind.toLowerCase()}`, name: `Erasure ${kind}`, ownerEmail: "dba@jexi.example", purpose: "Product", kind }), admin);
    await saveConnection(systemId, SqlConnectionSchema.parse({ ...connection(), port: String(connection().port) }), null, admin);
    const members = await addCollection(systemId, CollectionSchema.parse({ name: "members" }), admin);
    const field = (name: string, categories: string, extra: Record<string, string> = {}) => FieldSchema.parse({ name, categories, ...extra });

    await refused(addField(members.id, field("full_name", "user.name", { erasureStrategy: "SET_NULL" }), admin), "ERASURE_STRATEGY_REFUSED", /full_name is NOT NULL in the database/);
    await refused(addField(members.id, field("email", "user.contact.email", { erasureStrategy: "FIXED_VALUE", erasureValue: "gone@example.invalid" }), admin), "ERASURE_STRATEGY_REFUSED", /email has a unique index/);
    await refused(addField(members.id, field("id", "user.unique_id", { erasureStrategy: "PSEUDONYMIZE" }), admin), "ERASURE_STRATEGY_REFUSED", /does not hold text/);
    await refused(addField(members.id, field("nickname", "user.name", { erasureStrategy: "PSEUDONYMIZE" }), admin), "ERASURE_STRATEGY_REFUSED", /at most 20 characters: a pseudonym needs 37/);
    await refused(addField(members.id, field("age", "user.demographic.age_range", { erasureStrategy: "FIXED_VALUE", erasureValue: "unknown" }), admin), "ERASURE_STRATEGY_REFUSED", /holds numbers/);
    // Nothing of the refused saves was stored.
    expect(await db.dataField.count({ where: { collectionId: members.id } })).toBe(0);

    const email = await addField(members.id, field("email", "user.contact.email", { erasureStrategy: "PSEUDONYMIZE", identity: "email" }), admin);
    await addField(members.id, field("full_name", "user.name", { erasureStrategy: "FIXED_VALUE", erasureValue: "Erased member" }), admin);
    await addField(members.id, field("id", "user.unique_id", { primaryKey: "on" }), admin);
    await addField(members.id, field("note", "user.content.private"), admin);
    // Changing an existing field is checked the same way.
    await refused(updateField(email.id, field("email", "user.contact.email", { erasureStrategy: "SET_NULL", identity: "email" }), admin), "ERASURE_STRATEGY_REFUSED", /NOT NULL/);
    expect(await db.dataField.findUniqueOrThrow({ where: { id: email.id }, select: { erasureStrategy: true } })).toEqual({ erasureStrategy: "PSEUDONYMIZE" });
    await updateField(email.id, field("email", "user.contact.email", { erasureStrategy: "DELETE_ROW", identity: "email" }), admin);

    // Test connection: the default a column cannot take (nickname is fine; a NOT NULL personal column left to its default is not).
    const tickets = await addCollection(systemId, CollectionSchema.parse({ name: "tickets" }), admin);
    await addField(tickets.id, field("body", "user.content.private"), admin);
    const report = await testSystemConnection(systemId, admin);
    expect(report.reachable).toBe(true);
    expect(report.warnings.filter((w) => w.message.startsWith("Erasure:"))).toEqual([]);
    await addField(tickets.id, field("requester_id", "user.unique_id"), admin);
    const again = await testSystemConnection(systemId, admin);
    expect(again.warnings.filter((w) => w.message.startsWith("Erasure:"))).toEqual([
      {
        collection: "tickets",
        field: "requester_id",
        message: expect.stringMatching(/^Erasure: requester_id is NOT NULL in the database: it cannot be emptied\. .* \(This is the default its categories give: choose a strategy for it\.\)$/),
      },
    ]);

    // The YAML export carries the chosen strategies.
    const yaml = exportDataMap((await loadDataMap(db)).filter((s) => s.id === systemId));
    expect(yaml).toMatch(/erasure:\n\s+email:\n\s+strategy: delete_row\n\s+full_name:\n\s+strategy: fixed_value\n\s+value: Erased member/);
  });
});

describe("a system that cannot be reached", () => {
  it("refuses a strategy that would need its catalogue, and takes delete or keep", async () => {
    const { id: systemId } = await createSystem(SystemSchema.parse({ key: "erasure_down", name: "Down", ownerEmail: "dba@jexi.example", purpose: "Product", kind: "POSTGRES" }), admin);
    await saveConnection(systemId, SqlConnectionSchema.parse({ host: "127.0.0.1", port: "1", database: "none", user: "nobody" }), null, admin);
    const members = await addCollection(systemId, CollectionSchema.parse({ name: "members" }), admin);
    await refused(addField(members.id, FieldSchema.parse({ name: "email", categories: "user.contact.email", erasureStrategy: "SET_NULL" }), admin), "ERASURE_UNCHECKED", /could not be checked against Down/);
    await addField(members.id, FieldSchema.parse({ name: "email", categories: "user.contact.email", erasureStrategy: "DELETE_ROW" }), admin);
    await addField(members.id, FieldSchema.parse({ name: "vat", categories: "user.financial", erasureStrategy: "KEEP", retentionReason: "Invoices are kept 10 years (tax law)" }), admin);
    expect(await db.dataField.count({ where: { collectionId: members.id } })).toBe(2);
  });
});
