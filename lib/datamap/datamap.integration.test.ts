import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { openSecret } from "@/lib/connectors/credentials";
import { addCollection, addField, removeField, updateCollection, updateField } from "@/lib/datamap/collections";
import { describeEvent } from "@/lib/datamap/events";
import { exportDataMap } from "@/lib/datamap/fides-yaml";
import { importDataMap } from "@/lib/datamap/import";
import { loadDataMap } from "@/lib/datamap/load";
import { getSystemPage, mapWideHistory } from "@/lib/datamap/queries";
import { CollectionSchema, FieldSchema, SqlConnectionSchema, SystemSchema } from "@/lib/datamap/schema";
import { clearSecret, createSystem, deleteSystem, saveConnection, setAutoRunTypes, updateSystem } from "@/lib/datamap/systems";
import { testSystemConnection } from "@/lib/datamap/test-connection";
import { applyDiscovery, discoverSystem } from "@/lib/datamap/discover";
import { DiscoverySelectionSchema } from "@/lib/datamap/schema";
import { db } from "@/lib/db";
import { createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import { createStaff, expectRefusal } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";

// The data map's domain against the real database: every change audited in its own transaction,
// secrets sealed and never in an event or on a page, admins only, imports all or nothing.

let admin: StaffUser;
let officer: StaffUser;
let auditor: StaffUser;
let n = 0;

const systemInput = (overrides: Record<string, string> = {}) =>
  SystemSchema.parse({ key: `sys_${++n}`, name: `System ${n}`, ownerEmail: "Owner@Jexi.Example", purpose: "Running the product", kind: "POSTGRES", ...overrides });
const fieldInput = (overrides: Record<string, unknown> = {}) => FieldSchema.parse({ name: "email", categories: "user.contact.email", identity: "email", ...overrides });
const eventsOf = (systemId: string) => db.dataMapEvent.findMany({ where: { systemId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, data: true } });

async function expectForbidden(promise: Promise<unknown>) {
  await expect(promise).rejects.toBeInstanceOf(AuthorizationError);
}

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  officer = await createStaff("OFFICER");
  auditor = await createStaff("AUDITOR");
});

describe("systems", () => {
  it("creates a system and its audit event, and refuses a key already used without writing anything", async () => {
    const { id } = await createSystem(systemInput({ key: "product_db" }), admin);
    expect(await db.dataSystem.findUniqueOrThrow({ where: { id } })).toMatchObject({ key: "product_db", ownerEmail: "owner@jexi.example", kind: "POSTGRES" });
    expect(await eventsOf(id)).toEqual([
      {
        action: "system.created",
        actorId: admin.id,
        data: {
          changed: {
            key: { from: null, to: "product_db" },
            name: { from: null, to: expect.any(String) },
            ownerEmail: { from: null, to: "owner@jexi.example" },
            purpose: { from: null, to: "Running the product" },
            thirdParty: { from: null, to: false },
            kind: { from: null, to: "POSTGRES" },
          },
        },
      },
    ]);
    const before = await db.dataMapEvent.count();
    await expectRefusal(createSystem(systemInput({ key: "product_db" }), admin), "KEY_TAKEN");
    expect(await db.dataSystem.count({ where: { key: "product_db" } })).toBe(1);
    expect(await db.dataMapEvent.count()).toBe(before);
  });

  it("lets only admins change the map; officers and auditors may read it", async () => {
    const { id } = await createSystem(systemInput(), admin);
    await expectForbidden(createSystem(systemInput(), officer));
    await expectForbidden(updateSystem(id, systemInput({ name: "Renamed" }), officer));
    await expectForbidden(saveConnection(id, SqlConnectionSchema.parse({ host: "db", port: "5432", database: "d", user: "u" }), "pw", auditor));
    await expectForbidden(addCollection(id, CollectionSchema.parse({ name: "users" }), officer));
    await expectForbidden(deleteSystem(id, officer));
    await expectForbidden(importDataMap("dataset: []", {}, officer));
    await expectForbidden(testSystemConnection(id, officer));
    expect(await eventsOf(id)).toHaveLength(1);
    expect((await getSystemPage(auditor, id))?.system.id).toBe(id);
    expect((await getSystemPage(officer, id))?.history).toHaveLength(1);
  });

  it("seals the secret, never puts it in an event or on the page, and says since when one is stored", async () => {
    const { id } = await createSystem(systemInput(), admin);
    const secret = "correct-horse-battery-staple";
    await saveConnection(id, SqlConnectionSchema.parse({ host: "db.internal", port: "5432", database: "product", user: "reader" }), secret, admin);
    const row = await db.dataSystem.findUniqueOrThrow({ where: { id }, select: { secret: true, secretSetAt: true, connection: true } });
    expect(Buffer.from(row.secret!).toString("latin1")).not.toContain(secret);
    expect(openSecret(row.secret)).toBe(secret);
    expect(row.connection).toEqual({ host: "db.internal", port: 5432, database: "product", user: "reader", ssl: false });
    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["system.created", "connection.updated", "secret.set"]);
    expect(JSON.stringify(events)).not.toContain(secret);
    const page = await getSystemPage(admin, id);
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(page?.secretSetAt).toEqual(row.secretSetAt);
    expect(page?.system.hasSecret).toBe(true);

    // Saving the settings again without typing a secret keeps it.
    await saveConnection(id, SqlConnectionSchema.parse({ host: "db2.internal", port: "5432", database: "product", user: "reader" }), null, admin);
    expect(openSecret((await db.dataSystem.findUniqueOrThrow({ where: { id } })).secret)).toBe(secret);
    await clearSecret(id, admin);
    expect((await db.dataSystem.findUniqueOrThrow({ where: { id } })).secret).toBeNull();
    expect((await eventsOf(id)).map((e) => e.action).slice(-2)).toEqual(["connection.updated", "secret.cleared"]);
  });

  it("saves a third party's notice address, audits it before and after, and shows it on the system", async () => {
    const mailer = { key: "mailer", name: "Mail provider", thirdParty: "on", country: "United States" };
    const { id } = await createSystem(systemInput({ ...mailer, noticeEmail: " Privacy@Mailer.Example " }), admin);
    expect((await eventsOf(id))[0]!.data).toMatchObject({ changed: { noticeEmail: { from: null, to: "privacy@mailer.example" } } });
    await updateSystem(id, systemInput({ ...mailer, noticeEmail: "dpo@mailer.example" }), admin);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ action: "system.updated", data: { changed: { noticeEmail: { from: "privacy@mailer.example", to: "dpo@mailer.example" } } } });
    expect((await getSystemPage(auditor, id))?.system.noticeEmail).toBe("dpo@mailer.example");
    // Emptied: the owner is told again.
    await updateSystem(id, systemInput({ ...mailer, noticeEmail: "" }), admin);
    expect((await eventsOf(id)).at(-1)!.data).toEqual({ changed: { noticeEmail: { from: "dpo@mailer.example", to: null } } });
    expect((await db.dataSystem.findUniqueOrThrow({ where: { id } })).noticeEmail).toBeNull();
  });

  it("saves a system's data uses and audits them before and after", async () => {
    const crm = { key: "crm_uses", name: "CRM" };
    const { id } = await createSystem(systemInput({ ...crm, dataUses: "marketing.communications.email" }), admin);
    expect((await eventsOf(id))[0]!.data).toMatchObject({ changed: { dataUses: { from: null, to: ["marketing.communications.email"] } } });
    await updateSystem(id, systemInput({ ...crm, dataUses: "marketing.communications.email, analytics.reporting" }), admin);
    expect((await eventsOf(id)).at(-1)!.data).toEqual({ changed: { dataUses: { from: ["marketing.communications.email"], to: ["marketing.communications.email", "analytics.reporting"] } } });
    expect((await getSystemPage(auditor, id))?.system.dataUses).toEqual(["marketing.communications.email", "analytics.reporting"]);

    await updateSystem(id, systemInput({ ...crm, dataUses: "" }), admin);
    expect((await eventsOf(id)).at(-1)!.data).toEqual({ changed: { dataUses: { from: ["marketing.communications.email", "analytics.reporting"], to: null } } });
    expect((await db.dataSystem.findUniqueOrThrow({ where: { id } })).dataUses).toEqual([]);
  });

  it("drops the connection and secret of another kind when the kind changes", async () => {
    const { id } = await createSystem(systemInput({ key: "switching" }), admin);
    await saveConnection(id, SqlConnectionSchema.parse({ host: "db", port: "5432", database: "d", user: "u" }), "pw", admin);
    await updateSystem(id, systemInput({ key: "switching", kind: "MANUAL" }), admin);
    expect(await db.dataSystem.findUniqueOrThrow({ where: { id }, select: { connection: true, secret: true } })).toEqual({ connection: null, secret: null });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ action: "system.updated", data: { changed: { kind: { from: "POSTGRES", to: "MANUAL" } }, connectionCleared: true, secretCleared: true } });
  });

  it("records the automatic-run setting", async () => {
    await db.organizationSettings.upsert({
      where: { id: 1 },
      create: { legalName: "Jexi Ltd", productName: "Jexi", websiteUrl: "https://jexi.example", privacyEmail: "privacy@jexi.example", supportEmail: "help@jexi.example", registeredAddress: "1 Street" },
      update: {},
    });
    expect(await setAutoRunTypes(["PORTABILITY", "ACCESS"], admin)).toEqual({ changed: true });
    expect(await setAutoRunTypes(["ACCESS", "PORTABILITY"], admin)).toEqual({ changed: false });
    expect((await db.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).autoRunTypes).toEqual(["ACCESS", "PORTABILITY"]);
    const event = await db.dataMapEvent.findFirstOrThrow({ where: { action: "settings.auto_run" } });
    expect(event.data).toEqual({ changed: { autoRunTypes: { from: null, to: ["ACCESS", "PORTABILITY"] } } });
    await expectForbidden(setAutoRunTypes([], officer));

    // The map page's own history shows it (and a removed system, whose page is gone), never a system's own changes.
    const { id } = await createSystem(systemInput({ key: "short_lived" }), admin);
    await deleteSystem(id, admin);
    const wide = await mapWideHistory(officer);
    expect(wide.history.slice(0, 2).map((e) => [e.action, e.actorEmail])).toEqual([
      ["system.deleted", admin.email],
      ["settings.auto_run", admin.email],
    ]);
    expect(wide.history.some((e) => e.action === "system.created")).toBe(false);
    expect(describeEvent(wide.history[1]!.data)).toEqual(["autoRunTypes: ACCESS, PORTABILITY"]);
  });
});

describe("collections and fields", () => {
  it("adds, edits and removes them with events naming the collection and field", async () => {
    const { id } = await createSystem(systemInput(), admin);
    const users = await addCollection(id, CollectionSchema.parse({ name: "users" }), admin);
    const tickets = await addCollection(id, CollectionSchema.parse({ name: "tickets" }), admin);
    const userId = await addField(users.id, fieldInput({ name: "id", categories: "user.unique_id", identity: "account_id", primaryKey: "on" }), admin);
    const requester = await addField(tickets.id, fieldInput({ name: "requester_id", categories: "", identity: "", referencesFieldId: userId.id }), admin);
    await addField(tickets.id, fieldInput({ name: "workspace", categories: "system.operations", identity: "" }), admin);
    await expectRefusal(addField(tickets.id, fieldInput({ name: "workspace" }), admin), "FIELD_EXISTS");
    await expectRefusal(updateField(requester.id, fieldInput({ name: "requester_id", identity: "", referencesFieldId: requester.id }), admin), "SELF_REFERENCE");
    await expectRefusal(updateCollection(tickets.id, CollectionSchema.parse({ name: "tickets", workspaceField: "tenant" }), admin), "WORKSPACE_FIELD_UNKNOWN");
    await updateCollection(tickets.id, CollectionSchema.parse({ name: "tickets", workspaceField: "workspace" }), admin);

    const [system] = (await loadDataMap(db)).filter((s) => s.id === id);
    expect(system!.collections.find((c) => c.name === "tickets")).toMatchObject({
      workspaceField: "workspace",
      fields: [{ name: "requester_id", referencesFieldId: userId.id }, { name: "workspace" }],
    });
    const wsField = system!.collections[1]!.fields[1]!;
    await expectRefusal(removeField(wsField.id, admin), "FIELD_IS_WORKSPACE");
    await removeField(requester.id, admin);

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["system.created", "collection.added", "collection.added", "field.added", "field.added", "field.added", "collection.updated", "field.removed"]);
    expect(events[4]!.data).toMatchObject({ collection: "tickets", field: "requester_id", changed: { references: { from: null, to: `${system!.key}.users.id` } } });
    expect(events[7]!.data).toEqual({ collection: "tickets", field: "requester_id" });
  });
});

describe("importing and exporting", () => {
  const good = `dataset:
- fides_key: crm
  name: CRM
  meta: { kind: manual, owner_email: sales@jexi.example, purpose: Sales contacts, third_party: true, notice_email: privacy@crm.example, data_uses: [marketing.communications.email] }
  collections:
  - name: people
    fields:
    - name: id
      data_categories: [user.unique_id]
      fides_meta: { primary_key: true }
    - name: email
      data_categories: [user.contact.email]
      fides_meta: { identity: email }
  - name: notes
    fields:
    - name: person_id
      fides_meta: { references: [{ dataset: crm, field: people.id, direction: from }] }
    - name: body
      data_categories: [user.content.private]
`;

  it("changes nothing when any part of the file is wrong", async () => {
    const before = { systems: await db.dataSystem.count(), events: await db.dataMapEvent.count() };
    const bad = `${good}- fides_key: warehouse
  meta: { kind: manual, owner_email: data@jexi.example, purpose: Reports }
  collections:
  - name: facts
    fields:
    - name: region
      data_categories: [user.contact.state]
`;
    const outcome = await importDataMap(bad, {}, admin);
    expect(outcome).toEqual({ ok: false, problems: [{ line: 26, where: "warehouse.facts.region", message: "Unknown data category “user.contact.state”: not a key of the fideslang taxonomy." }] });
    expect(await db.dataSystem.count()).toBe(before.systems);
    expect(await db.dataSystem.findUnique({ where: { key: "crm" } })).toBeNull();
    expect(await db.dataMapEvent.count()).toBe(before.events);
  });

  it("creates the systems with references, audits the counts, then updates by key and removes what the file dropped", async () => {
    const outcome = await importDataMap(good, {}, admin);
    expect(outcome).toEqual({ ok: true, counts: { systemsCreated: 1, systemsUpdated: 0, collections: 2, collectionsRemoved: 0, fields: 4, fieldsRemoved: 0, references: 1 } });
    const crm = await db.dataSystem.findUniqueOrThrow({ where: { key: "crm" }, select: { id: true, kind: true, thirdParty: true, ownerEmail: true, noticeEmail: true, dataUses: true } });
    expect(crm).toMatchObject({ kind: "MANUAL", thirdParty: true, ownerEmail: "sales@jexi.example", noticeEmail: "privacy@crm.example", dataUses: ["marketing.communications.email"] });
    const personId = await db.dataField.findFirstOrThrow({ where: { name: "person_id" }, select: { referencesField: { select: { name: true } } } });
    expect(personId.referencesField?.name).toBe("id");
    expect(await eventsOf(crm.id)).toMatchObject([
      { action: "map.imported", data: { changed: { noticeEmail: { from: null, to: "privacy@crm.example" }, dataUses: { from: null, to: ["marketing.communications.email"] } } } },
    ]);
    expect(await db.dataMapEvent.findFirst({ where: { systemId: null, action: "map.imported" }, orderBy: { id: "desc" }, select: { data: true } })).toMatchObject({
      data: { systems: ["crm"], systemsCreated: 1, fields: 4, references: 1 },
    });

    const again = await importDataMap(good.replace(/    - name: body\n.*\n/, "").replace("data_uses: [marketing.communications.email]", "data_uses: [analytics.reporting]"), {}, admin);
    expect(again).toMatchObject({ ok: true, counts: { systemsCreated: 0, systemsUpdated: 1, fields: 3, fieldsRemoved: 1 } });
    expect(await db.dataField.count({ where: { collection: { systemId: crm.id } } })).toBe(3);
    expect((await eventsOf(crm.id)).at(-1)).toMatchObject({ action: "map.imported", data: { changed: { dataUses: { from: ["marketing.communications.email"], to: ["analytics.reporting"] } } } });
  });

  it("gives back the same map after export and import (round trip)", async () => {
    const first = exportDataMap(await loadDataMap(db));
    // Import into an empty map: remove every system first, as a fresh installation would be.
    await db.dataSystem.deleteMany({});
    expect(await importDataMap(first, {}, admin)).toMatchObject({ ok: true });
    expect(exportDataMap(await loadDataMap(db))).toBe(first);
    expect(first).toContain("fides_key: crm");
    expect(first).toContain("fides_key: product_db");
    expect(first).toContain("notice_email: privacy@crm.example");
  });
});

describe("testing a connection", () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchPostgres("datamap_test");
    await withClient(scratch.url, (c) =>
      c.query(
        "CREATE TABLE users (id serial PRIMARY KEY, email text, name text); INSERT INTO users (email) SELECT 'u' || g || '@x.example' FROM generate_series(1, 50) g; ANALYZE users;" +
          "CREATE TABLE tickets (id serial PRIMARY KEY, requester_id int REFERENCES users(id), subject text, created_at timestamptz);",
      ),
    );
  });
  afterAll(async () => scratch?.stop());

  it("stores and audits what the connector found: a missing column and a lookup column without an index", async () => {
    const { id } = await createSystem(systemInput({ key: "scratch_pg" }), admin);
    const password = new URL(scratch.url).password;
    await saveConnection(id, SqlConnectionSchema.parse({ host: scratch.host, port: String(scratch.port), database: scratch.database, user: scratch.user }), password || null, admin);
    const users = await addCollection(id, CollectionSchema.parse({ name: "users" }), admin);
    await addField(users.id, fieldInput({ name: "id", categories: "user.unique_id", identity: "", primaryKey: "on" }), admin);
    await addField(users.id, fieldInput({ name: "email" }), admin);
    await addField(users.id, fieldInput({ name: "full_name", categories: "user.name", identity: "" }), admin);

    const report = await testSystemConnection(id, admin);
    expect(report).toMatchObject({ ok: false, reachable: true });
    expect(report.problems).toEqual([expect.objectContaining({ collection: "users", field: "full_name" })]);
    expect(report.warnings).toEqual([expect.objectContaining({ collection: "users", field: "email" })]);
    const stored = await db.dataSystem.findUniqueOrThrow({ where: { id }, select: { testedAt: true, testOk: true, testReport: true } });
    expect(stored.testOk).toBe(false);
    expect(stored.testReport).toEqual(report);
    expect((await eventsOf(id)).at(-1)).toEqual({ action: "test.ran", actorId: admin.id, data: { ok: false, reachable: true, problems: 1, warnings: 1 } });
  });

  it("reports an unreachable system in words", async () => {
    const { id } = await createSystem(systemInput({ key: "down_pg" }), admin);
    await saveConnection(id, SqlConnectionSchema.parse({ host: "127.0.0.1", port: "1", database: "x", user: "y" }), null, admin);
    const report = await testSystemConnection(id, admin);
    expect(report).toMatchObject({ ok: false, reachable: false, error: expect.any(String) });
    expect((await getSystemPage(admin, id))?.test).toMatchObject({ ok: false, report: { reachable: false } });
  });

  it("discovers tables with suggestions, and adds only the ticked columns", async () => {
    const { id } = await createSystem(systemInput({ key: "scratch_discover" }), admin);
    await saveConnection(id, SqlConnectionSchema.parse({ host: scratch.host, port: String(scratch.port), database: scratch.database, user: scratch.user }), new URL(scratch.url).password || null, admin);
    const discovery = await discoverSystem(id, admin);
    expect(discovery.ok).toBe(true);
    if (!discovery.ok) return;
    const tickets = discovery.collections.find((c) => c.name === "tickets")!;
    expect(tickets.fields.find((f) => f.name === "requester_id")).toMatchObject({ references: "users.id" });
    expect(discovery.collections.find((c) => c.name === "users")!.fields.find((f) => f.name === "email")?.suggestedCategories).toEqual(["user.contact.email"]);
    // Discovering saved nothing.
    expect(await db.dataCollection.count({ where: { systemId: id } })).toBe(0);

    const selection = DiscoverySelectionSchema.parse({
      systemId: id,
      columns: [
        { collection: "users", name: "id", primaryKey: true, categories: ["user.unique_id"], identity: null, references: null },
        { collection: "users", name: "email", primaryKey: false, categories: ["user.contact.email"], identity: "email", references: null },
        { collection: "tickets", name: "requester_id", primaryKey: false, categories: [], identity: null, references: "users.id" },
      ],
    });
    expect(await applyDiscovery(selection, admin)).toEqual({ collectionsAdded: 2, fieldsAdded: 3, skipped: 0 });
    const [system] = (await loadDataMap(db)).filter((s) => s.id === id);
    const usersId = system!.collections.find((c) => c.name === "users")!.fields.find((f) => f.name === "id")!.id;
    expect(system!.collections.find((c) => c.name === "tickets")!.fields).toEqual([expect.objectContaining({ name: "requester_id", referencesFieldId: usersId })]);
    expect(await applyDiscovery(selection, admin)).toEqual({ collectionsAdded: 0, fieldsAdded: 0, skipped: 3 });
    await expectForbidden(discoverSystem(id, officer));
    expect((await eventsOf(id)).filter((e) => e.action === "discover.applied")).toHaveLength(1);
  });
});
