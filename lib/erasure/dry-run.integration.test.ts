import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DEMO_REQUESTER_EMAIL, PRODUCT_ROWS } from "@/lib/demo/product-data";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { demoProductForTests } from "@/lib/testing/demo-product";
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
  product = await demoProductForTests("dry_run_demo", officer.id);
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
    // The demo map's choices (lib/demo/data-map.ts), and one of this test's: IP addresses replaced.
    await db.dataField.update({ where: { id: (await field("audit_logs", "ip_address")).id }, data: { erasureStrategy: "FIXED_VALUE", erasureValue: "0.0.0.0" } });

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

    // Her tickets and their replies go with her (they point at her row).
    const tickets = PRODUCT_ROWS.tickets!.rows.filter((t) => t[1] === 1).length;
    expect(line("tickets")).toMatchObject({ rows: tickets, action: "delete" });
    expect(line("ticket_replies")).toMatchObject({ action: "delete" });
    // The security log loses who did it and from where, and keeps what was done.
    expect(line("audit_logs")).toMatchObject({
      action: "change",
      changes: [
        { field: "member_id", what: "Empty it (set to null)" },
        { field: "ip_address", what: "Replace with “0.0.0.0”" },
      ],
      kept: [{ field: "action", reason: expect.stringMatching(/^The security log keeps what was done/) }],
    });
    expect(Object.keys(line("audit_logs").samples[0]!)).toEqual(["id", "member_id", "ip_address"]);
    // Billing contacts are kept for tax law, every field with the reason; the company keeps its name.
    expect(line("billing_contacts")).toMatchObject({ action: "keep", changes: [] });
    expect(line("billing_contacts").kept.map((k) => k.field)).toEqual(["email", "name", "street", "city", "country", "vat_number"]);
    expect(line("billing_contacts").kept[0]!.reason).toMatch(/kept 10 years for tax law/);
    expect(line("accounts")).toMatchObject({ action: "keep", kept: [{ field: "company_name", reason: expect.any(String) }] });
    expect(result.rowsDeleted).toBe(1 + tickets + line("ticket_replies").rows);
    expect(result.rowsChanged).toBe(line("audit_logs").rows);
    // Customer workspace content is not part of an operator's erasure either.
    expect(result.systems.flatMap((s) => s.collections).some((c) => ["end_users", "conversations", "messages"].includes(c.name))).toBe(false);

    // Nothing changed in the product database.
    const rows = await withClient(product.url, async (c) => (await c.query("SELECT count(*)::int AS n FROM members WHERE lower(btrim(email)) = 'alex.morgan@example.com'")).rows);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
