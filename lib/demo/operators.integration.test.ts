import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { parsePolicySections, RIGHTS_SECTION_ID, type PolicySection } from "@/lib/policy/content";
import { fillPlaceholders, fillPolicySections } from "@/lib/policy/render";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { readOfferedTypes } from "@/lib/requests/offered-types-settings";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { OPERATORS } from "@/prisma/seed-data/operators/all";
import { seed, seededOperator } from "@/prisma/seed";

// `npm run db:seed -- --operator <name>`: each demo operator sets an empty database up as itself,
// with a policy the page can show whole; a database set up as one operator refuses another.

const databases: { database: TestDatabase; client: Db }[] = [];

async function emptyDatabase(): Promise<Db> {
  const database = await createTestDatabase("dsar_test_operator");
  const client = createPrismaClient(database.ownerUrl, 2);
  databases.push({ database, client });
  return client;
}

afterAll(async () => {
  for (const { database, client } of databases) {
    await client.$disconnect();
    await database.stop();
  }
});

/** Everything the seed writes, to compare before and after a second run. */
async function snapshot(db: Db) {
  const [settings, policies, customers, workspaces, staff, events] = await Promise.all([
    db.organizationSettings.findUniqueOrThrow({ where: { id: 1 } }),
    db.policyVersion.findMany({ orderBy: { version: "asc" }, select: { version: true, title: true, summary: true, sections: true } }),
    db.customer.findMany({ orderBy: { legalName: "asc" }, select: { legalName: true, privacyEmails: true } }),
    db.workspace.findMany({ orderBy: { slug: "asc" }, select: { slug: true, domains: true } }),
    db.staff.count(),
    db.settingsEvent.count(),
  ]);
  return { settings, policies, customers, workspaces, staff, events };
}

/** Every text a reader sees in a section: heading, paragraphs, list items, table captions and cells. */
function textsOf(section: PolicySection): string[] {
  return [
    section.heading,
    ...section.blocks.flatMap((b) => (b.kind === "p" ? [b.text] : b.kind === "ul" ? b.items : [b.caption, ...b.head, ...b.rows.flat()])),
  ];
}

describe.each(OPERATORS.filter((o) => o.key !== "blank").map((o) => [o.key, o] as const))("the demo operator %s", (key, operator) => {
  let db: Db;

  beforeAll(async () => {
    db = await emptyDatabase();
    await seed(db, { operator: key });
  }, 60_000);

  it("sets the portal up with its details, its offered request types and its customers", async () => {
    const org = await readOrganizationDetails(db);
    expect(org).toEqual(operator.organization);
    expect(await readOfferedTypes(db)).toEqual(operator.offeredRequestTypes);
    expect((await db.customer.findMany({ select: { legalName: true } })).map((c) => c.legalName).sort()).toEqual(operator.customers.map((c) => c.legalName).sort());
  });

  it("publishes a policy that parses, shows the request button and leaves no placeholder once filled", async () => {
    const org = await readOrganizationDetails(db);
    const versions = await db.policyVersion.findMany({ select: { version: true, title: true, summary: true, sections: true } });
    expect(versions.map((v) => v.version).sort()).toEqual(operator.policyVersions.map((v) => v.version).sort());
    for (const version of versions) {
      const sections = parsePolicySections(version.sections);
      expect(sections.map((s) => s.id), version.version).toContain(RIGHTS_SECTION_ID);
      const text = [fillPlaceholders(version.title, org), fillPlaceholders(version.summary, org), ...fillPolicySections(sections, org).flatMap(textsOf)].join("\n");
      expect(text.match(/\{\{[^}]*\}\}/g), version.version).toBeNull();
      expect(text.match(/\[[^\]]+\]/g), version.version).toBeNull();
      expect(text).toContain(org.legalName);
    }
  });

  it("changes nothing when seeded again as itself, named or not (a later start needs no name)", async () => {
    const before = await snapshot(db);
    expect((await seed(db, { operator: key })).key).toBe(key);
    expect((await seed(db)).key).toBe(key);
    expect(await seededOperator(db)).toMatchObject({ key });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses to be set up as another operator, naming the fix, and changes nothing", async () => {
    const before = await snapshot(db);
    for (const other of OPERATORS.filter((o) => o.key !== key)) {
      await expect(seed(db, { operator: other.key })).rejects.toThrow(
        `This database is already set up as ${operator.name} (policy versions ${operator.policyVersions.map((v) => v.version).join(", ")}), so it cannot be set up as ${other.name}. Start with an empty database: remove .data/ or point DATABASE_URL at a new database.`,
      );
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

it("starts a blank portal of the operator's own, which later starts keep and no demo may take over", async () => {
  const db = await emptyDatabase();
  expect((await seed(db, { operator: "blank" })).key).toBe("blank");
  expect(await db.policyVersion.count()).toBe(0);
  expect(await db.customer.count()).toBe(0);
  expect((await readOrganizationDetails(db)).legalName).toBe("Your organisation's legal name (Settings → Organisation)");
  // The admin's own details and policy since: a start without a name keeps them as they are.
  await db.organizationSettings.update({ where: { id: 1 }, data: { legalName: "Acme GmbH" } });
  await db.policyVersion.create({ data: { version: "2026-12-01", title: "Privacy Policy", summary: "Acme's policy", sections: [], effectiveAt: new Date("2026-12-01"), updatedAt: new Date("2026-12-01"), publishedAt: new Date() } });
  const before = await snapshot(db);
  expect((await seed(db)).key).toBe("blank");
  expect(await snapshot(db)).toEqual(before);
  for (const demo of OPERATORS.filter((o) => o.key !== "blank")) {
    await expect(seed(db, { operator: demo.key })).rejects.toThrow(`This database is already set up as your own organisation (blank), so it cannot be set up as ${demo.name}.`);
  }
  expect(await snapshot(db)).toEqual(before);
}, 60_000);

it("sets an empty database up as Jexi when no operator is named", async () => {
  const db = await emptyDatabase();
  expect(await seededOperator(db)).toBeNull();
  expect((await seed(db)).key).toBe("jexi");
  expect(await seededOperator(db)).toMatchObject({ key: "jexi" });
}, 60_000);

it("refuses an operator it does not know, listing the ones it does, and writes nothing", async () => {
  const db = await emptyDatabase();
  await expect(seed(db, { operator: "acme" })).rejects.toThrow('There is no demo operator "acme". Choose one of: jexi, agent-platform, connexcs, blank.');
  expect(await db.organizationSettings.count()).toBe(0);
  expect(await db.policyVersion.count()).toBe(0);
}, 60_000);
