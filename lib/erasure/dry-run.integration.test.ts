import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { FINANCE_SYSTEM_KEY, seedDemoDataMap } from "@/lib/demo/data-map";
import { DEMO_REQUESTER_EMAIL, PRODUCT_ROWS } from "@/lib/demo/product-data";
import { createProductDatabase, type ProductDatabase } from "@/lib/demo/product-database";
import { dryRun } from "@/lib/erasure/dry-run";
import { executeTask } from "@/lib/fulfillment/execute";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { stopQueue } from "@/lib/jobs/boss";
import { createStaff, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// The dry run of an erasure over what a run found in Jexi's demo product database: per
// collection, the rows that would go or change and how, what is kept and why, a few rows as
// they are now; and nothing in the product database changes.

let product: ProductDatabase;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  product = await createProductDatabase("dry_run_demo", process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", 0);
  const { host, port, database } = product;
  await seedDemoDataMap(db, { product: { host, port, database }, appSecret: process.env.APP_SECRET!, actorId: officer.id });
  await db.dataSystem.delete({ where: { key: FINANCE_SYSTEM_KEY } });
}, 120_000);

afterAll(async () => {
  await stopQueue();
  await product?.stop();
});

async function field(collection: string, name: string) {
  return db.dataField.findFirstOrThrow({ where: { name, collection: { name: collection, system: { key: "jexi-product" } } } });
}

describe("an erasure's dry run", () => {
  it("says per collection what would go, change and stay, with a few rows, and writes nothing", async () => {
    // The map's choices for this test: members are deleted, billing details kept for tax law.
    await db.dataField.update({ where: { id: (await field("members", "email")).id }, data: { erasureStrategy: "DELETE_ROW" } });
    await db.dataField.update({ where: { id: (await field("billing_contacts", "vat_number")).id }, data: { erasureStrategy: "KEEP", retentionReason: "Invoices are kept 10 years for tax law" } });
    await db.dataField.update({ where: { id: (await field("tickets", "body")).id }, data: { erasureStrategy: "FIXED_VALUE", erasureValue: "[erased]" } });

    const { requestId } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL });
    const { runId } = await planRun(db, { requestId, staffId: officer.id });
    await startRun(db, runId, officer.id);
    for (let round = 0; round < 5; round++) {
      const queued = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true } });
      if (!queued.length) break;
      for (const task of queued) await executeTask(db, task.id);
    }

    const result = await dryRun(db, runId);
    const line = (name: string) => result.systems.flatMap((s) => s.collections).find((c) => c.name === name)!;
    expect(line("members")).toMatchObject({ rows: 1, action: "delete", changes: [], kept: [] });
    expect(line("members").samples).toEqual([expect.objectContaining({ id: "1", email: "Alex.Morgan@example.com", full_name: "Alex Morgan" })]);

    const tickets = PRODUCT_ROWS.tickets!.rows.filter((t) => t[1] === 1).length;
    expect(line("tickets")).toMatchObject({
      rows: tickets,
      action: "change",
      changes: [
        { field: "requester_id", what: "Empty it (set to null)" },
        { field: "subject", what: "Empty it (set to null)" },
        { field: "body", what: "Replace with “[erased]”" },
      ],
    });
    expect(line("tickets").samples).toHaveLength(Math.min(3, tickets));
    expect(Object.keys(line("tickets").samples[0]!)).toEqual(["id", "requester_id", "subject", "body"]);
    expect(line("billing_contacts").kept).toEqual([{ field: "vat_number", reason: "Invoices are kept 10 years for tax law" }]);
    expect(result.rowsDeleted).toBe(1);
    expect(result.rowsChanged + result.rowsKept).toBeGreaterThan(0);
    // Customer workspace content is not part of an operator's erasure either.
    expect(result.systems.flatMap((s) => s.collections).some((c) => ["end_users", "conversations", "messages"].includes(c.name))).toBe(false);

    // Nothing changed in the product database.
    const rows = await withClient(product.url, async (c) => (await c.query("SELECT count(*)::int AS n FROM members WHERE lower(btrim(email)) = 'alex.morgan@example.com'")).rows);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
