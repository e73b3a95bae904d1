import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { correctableFields, CorrectionValueError, proposeCorrections } from "@/lib/corrections/proposal";
import { addCollection, addField } from "@/lib/datamap/collections";
import { exportDataMap } from "@/lib/datamap/fides-yaml";
import { loadDataMap } from "@/lib/datamap/load";
import { CollectionSchema, FieldSchema, SqlConnectionSchema, SystemSchema } from "@/lib/datamap/schema";
import { createSystem, saveConnection } from "@/lib/datamap/systems";
import { db } from "@/lib/db";
import { approveErasure, executeErasure } from "@/lib/erasure/run";
import { executeTask } from "@/lib/fulfillment/execute";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { stopQueue } from "@/lib/jobs/boss";
import { createScratchMariaDb, createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import { createStaff, eventsOf, expectRefusal, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// Corrections against real PostgreSQL and MariaDB: a field is marked correctable in the data map
// only when its column can take a new value (not a key, nothing pointing at it), a proposed value
// its column cannot hold is refused with the reason, and the approved values are written in the
// person's rows only, read back by the proof.

let pg: ScratchDatabase;
let maria: ScratchDatabase;
let admin: StaffUser;
let approver: StaffUser;

const SCHEMA = [
  "CREATE TABLE members (id integer PRIMARY KEY, email varchar(200) NOT NULL, nickname varchar(20), age integer, full_name text NOT NULL)",
  "CREATE TABLE tickets (id integer PRIMARY KEY, requester_id integer NOT NULL REFERENCES members(id), body text)",
  "INSERT INTO members VALUES (1, 'kim@example.com', 'Kimmy', 40, 'Kim Lee'), (2, 'sam@example.com', 'Sam', 33, 'Sam Ortiz'), (3, 'kim@example.com', NULL, NULL, 'Kim Lee (second account)')",
  "INSERT INTO tickets VALUES (10, 1, 'Hello'), (11, 2, 'Hi')",
];

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  approver = await createStaff("OFFICER");
  pg = await createScratchPostgres("correction_pg");
  await withClient(pg.url, async (client) => {
    for (const statement of SCHEMA) await client.query(statement);
  });
  maria = await createScratchMariaDb("correction_my");
  const conn = await mysql.createConnection(maria.url);
  try {
    for (const statement of SCHEMA) await conn.query(statement);
  } finally {
    await conn.end();
  }
}, 60_000);

afterAll(async () => {
  await stopQueue();
  await pg?.stop();
  await maria?.stop();
});

async function members(kind: "POSTGRES" | "MYSQL"): Promise<Record<string, unknown>[]> {
  if (kind === "POSTGRES") return withClient(pg.url, async (c) => (await c.query("SELECT id, nickname, age, full_name FROM members ORDER BY id")).rows);
  const conn = await mysql.createConnection(maria.url);
  try {
    const [rows] = await conn.query("SELECT id, nickname, age, full_name FROM members ORDER BY id");
    return (rows as Record<string, unknown>[]).map((r) => ({ ...r }));
  } finally {
    await conn.end();
  }
}

describe.each([
  ["PostgreSQL", () => pg, "POSTGRES"],
  ["MariaDB", () => maria, "MYSQL"],
] as const)("%s", (_name, scratch, kind) => {
  it("marks only the fields a correction can write, refuses values their columns cannot hold, and writes the approved ones in the person's rows", async () => {
    const { id: systemId } = await createSystem(SystemSchema.parse({ key: `correction_${kind.toLowerCase()}`, name: `Members ${kind}`, ownerEmail: "dba@jexi.example", purpose: "Product", kind }), admin);
    const { host, port, database, user } = scratch();
    await saveConnection(systemId, SqlConnectionSchema.parse({ host, port: String(port), database, user }), null, admin);
    const collection = await addCollection(systemId, CollectionSchema.parse({ name: "members" }), admin);
    const field = (name: string, categories: string, extra: Record<string, string> = {}) => FieldSchema.parse({ name, categories, ...extra });

    // A key is never correctable; nor a column a foreign key points at (the map does not know it is a key).
    expect(FieldSchema.safeParse({ name: "id", categories: "user.unique_id", primaryKey: "on", correctable: "on" }).error?.issues[0]).toMatchObject({ path: ["correctable"], message: expect.stringMatching(/primary key cannot be corrected/) });
    await expectRefusal(addField(collection.id, field("id", "user.unique_id", { correctable: "on" }), admin), "CORRECTION_REFUSED", /tickets\.requester_id points at id \(a foreign key\)/);
    expect(await db.dataField.count({ where: { collectionId: collection.id } })).toBe(0);

    await addField(collection.id, field("id", "user.unique_id", { primaryKey: "on" }), admin);
    await addField(collection.id, field("email", "user.contact.email", { identity: "email" }), admin);
    for (const [name, categories] of [["nickname", "user.name"], ["age", "user.demographic.age_range"], ["full_name", "user.name"]]) {
      await addField(collection.id, field(name!, categories!, { correctable: "on" }), admin);
    }
    // The YAML export lists them.
    expect(exportDataMap((await loadDataMap(db)).filter((s) => s.id === systemId))).toMatch(/correctable:\n\s+- nickname\n\s+- age\n\s+- full_name/);

    const { requestId } = await verifiedRequest({ email: "Kim@Example.com", type: "CORRECTION", details: { whatIsWrong: "Nickname and age", correctValue: "Kim, 41" } });
    const { runId } = await planRun(db, { requestId, staffId: admin.id });
    await startRun(db, runId, admin.id);
    for (const task of await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true } })) await executeTask(db, task.id);
    const fields = Object.fromEntries((await correctableFields(db, runId)).filter((f) => f.system === `Members ${kind}`).map((f) => [f.field, f]));
    expect(fields.nickname).toMatchObject({ rows: 2, current: ["Kimmy"] });

    // The database's word on each value: a number column takes numbers, a varchar(20) 20 characters.
    const refusal = async (values: Record<string, string>) => proposeCorrections(db, runId, values, admin.id).then(() => null, (e: unknown) => e as CorrectionValueError);
    expect(await refusal({ [fields.age!.key]: "forty-one" })).toMatchObject({ code: "CORRECTION_VALUE_NUMBER", field: fields.age!.key });
    expect(await refusal({ [fields.nickname!.key]: "K".repeat(21) })).toMatchObject({ code: "CORRECTION_VALUE_LONG", field: fields.nickname!.key, max: 20 });
    expect(await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { corrections: true } })).toEqual({ corrections: null });

    const before = await members(kind);
    await proposeCorrections(db, runId, { [fields.nickname!.key]: "Kim", [fields.age!.key]: "41" }, admin.id);
    await approveErasure(db, runId, approver.id);
    expect(await executeErasure(db, runId)).toBe("erased");
    // Both of her rows (she has two accounts) are corrected; Sam's is as it was; nothing else of hers changed.
    expect(await members(kind)).toEqual([
      { id: 1, nickname: "Kim", age: 41, full_name: "Kim Lee" },
      before[1],
      { id: 3, nickname: "Kim", age: 41, full_name: "Kim Lee (second account)" },
    ]);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "run.erased", data: { kind: "CORRECTION", rows: 2, left: 0 } });
  });
});
