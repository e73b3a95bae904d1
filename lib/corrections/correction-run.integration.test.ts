import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DEMO_REQUESTER_EMAIL } from "@/lib/demo/product-data";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { demoProductForTests } from "@/lib/testing/demo-product";
import { correctableFields, CorrectionValueError, proposeCorrections } from "@/lib/corrections/proposal";
import type { CorrectionSummary } from "@/lib/corrections/words";
import { dryRun } from "@/lib/erasure/dry-run";
import { approveErasure, executeErasure } from "@/lib/erasure/run";
import { placeHold } from "@/lib/erasure/holds";
import { executeTask } from "@/lib/fulfillment/execute";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { listNotices, OWNER_TASK_KINDS } from "@/lib/recipients/notices";
import { completeRequest } from "@/lib/requests/handling/complete";
import { timelineEntry } from "@/lib/requests/timeline";
import { createStaff, eventsOf, expectRefusal, latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// A correction request carried out on Jexi's demo product database (real PostgreSQL): the run
// finds the person's rows, the officer proposes new values for the correctable fields, a second
// officer approves, the connector writes them, the proof reads them back, the owners of the other
// systems get a task, and nobody else's rows change.

let product: ProductDatabase;
let proposer: StaffUser;
let approver: StaffUser;

const productRows = (sql: string) => withClient(product.url, async (c) => (await c.query(sql)).rows);
const everything = async () =>
  Object.fromEntries(
    await Promise.all(["members", "billing_contacts", "tickets", "end_users"].map(async (t) => [t, await productRows(`SELECT * FROM ${t} ORDER BY id`)] as const)),
  );

beforeAll(async () => {
  await seed(db);
  proposer = await createStaff("OFFICER");
  approver = await createStaff("OFFICER");
  product = await demoProductForTests("correction_run_demo", proposer.id);
  // A manual system beside the demo's: nobody can correct it but its owner.
  await saveTestMap([
    {
      key: "finance",
      name: "Finance spreadsheet",
      kind: "MANUAL",
      ownerEmail: "finance@jexi.example",
      connection: null,
      collections: { invoices: { fields: ["billing_email:email", "billing_name"], categories: { billing_email: ["user.contact.email"], billing_name: ["user.name"] } } },
    },
  ]);
}, 120_000);

afterAll(async () => {
  await stopQueue();
  await product?.stop();
});

const CORRECTION = { whatIsWrong: "My surname is missing and my billing city is out of date", correctValue: "Alex Morgan-Reed, living in Bath" };

async function searched(email: string) {
  const { requestId } = await verifiedRequest({ email, type: "CORRECTION", details: CORRECTION });
  const { runId, plan } = await planRun(db, { requestId, staffId: proposer.id });
  await startRun(db, runId, proposer.id);
  for (let round = 0; round < 5; round++) {
    const queued = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true } });
    if (!queued.length) break;
    for (const task of queued) await executeTask(db, task.id);
  }
  return { requestId, runId, plan };
}

describe("a correction run", () => {
  it("writes the approved new values in the person's rows only, proves them, and asks the other systems' owners", async () => {
    const before = await everything();
    const { requestId, runId, plan } = await searched(DEMO_REQUESTER_EMAIL);
    expect(plan.kind).toBe("CORRECTION");
    expect(plan.skipped.find((s) => s.name === "Finance spreadsheet")?.reason).toMatch(/emailed a task to correct/);
    expect(await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "AWAITING_APPROVAL" });

    // The correctable fields where her rows were found, with what they hold now.
    const fields = await correctableFields(db, runId);
    const byName = Object.fromEntries(fields.map((f) => [`${f.collection}.${f.field}`, f]));
    expect(Object.keys(byName).sort()).toEqual([
      "People who sign in to an account.full_name",
      "People who sign in to an account.role",
      "Who receives an account's invoices.city",
      "Who receives an account's invoices.country",
      "Who receives an account's invoices.name",
      "Who receives an account's invoices.street",
    ]);
    expect(byName["People who sign in to an account.full_name"]!.current).toEqual(["Alex Morgan"]);
    const name = byName["People who sign in to an account.full_name"]!.key;
    const city = byName["Who receives an account's invoices.city"]!.key;

    // Nothing to approve before a proposal; an empty one, or a field that is not correctable, is refused.
    await expectRefusal(approveErasure(db, runId, approver.id), "CORRECTION_NOTHING_PROPOSED");
    await expectRefusal(proposeCorrections(db, runId, { [name]: "  " }, proposer.id), "CORRECTION_EMPTY");
    const email = name.replace(/:full_name$/, ":email");
    await expectRefusal(proposeCorrections(db, runId, { [email]: "someone@else.example" }, proposer.id), "CORRECTION_FIELD_UNKNOWN");
    await expect(proposeCorrections(db, runId, { [name]: "x".repeat(2001) }, proposer.id)).rejects.toBeInstanceOf(CorrectionValueError);

    await proposeCorrections(db, runId, { [name]: "Alex Morgan-Reed", [city]: "Bath" }, proposer.id);
    // The values are sealed on the run and never in the audit trail.
    const sealed = (await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { corrections: true } })).corrections!;
    expect(Buffer.from(sealed).toString("latin1")).not.toMatch(/Bath|Morgan-Reed/);
    const proposed = (await eventsOf(requestId)).at(-1)!;
    expect(proposed).toMatchObject({ action: "run.correction_proposed", data: { fields: ["Jexi product database: members.full_name", "Jexi product database: billing_contacts.city"] } });
    expect(JSON.stringify(proposed.data)).not.toMatch(/Bath|Morgan-Reed/);
    expect((await correctableFields(db, runId)).find((f) => f.key === city)!.proposed).toBe("Bath");

    // The dry run shows the two rows that change, and nothing has changed yet.
    const dry = await dryRun(db, runId);
    expect(dry.rowsChanged).toBe(2);
    expect(dry.systems.flatMap((s) => s.collections.map((c) => [c.name, c.changes]))).toEqual([
      ["members", [{ field: "full_name", what: "Replace with “Alex Morgan-Reed”" }]],
      ["billing_contacts", [{ field: "city", what: "Replace with “Bath”" }]],
    ]);
    expect(await everything()).toEqual(before);

    // With a second person required, the officer who proposed the values may not approve them.
    await db.organizationSettings.update({ where: { id: 1 }, data: { erasureSecondApprover: true } });
    try {
      await expectRefusal(approveErasure(db, runId, proposer.id), "CORRECTION_NEEDS_SECOND_APPROVER");
      await approveErasure(db, runId, approver.id);
    } finally {
      await db.organizationSettings.update({ where: { id: 1 }, data: { erasureSecondApprover: false } });
    }
    // No more proposals once approved.
    await expectRefusal(proposeCorrections(db, runId, { [name]: "Someone Else" }, approver.id), "CORRECTION_NOT_PROPOSING");
    // The finance spreadsheet (manual) cannot be corrected by the portal: its owner is asked, told what the person said.
    expect((await listNotices(db, requestId, OWNER_TASK_KINDS)).map((n) => [n.recipientName, n.kind])).toEqual([["Finance spreadsheet", "CORRECT_BY_HAND"]]);
    expect((await latestEmail(requestId, "recipient-notice")).props).toMatchObject({
      kind: "CORRECT_BY_HAND",
      asked: [
        { label: "What is wrong", value: CORRECTION.whatIsWrong },
        { label: "What it should say", value: CORRECTION.correctValue },
      ],
    });

    expect(await executeErasure(db, runId)).toBe("erased");
    const after = await everything();
    expect(after.members!.find((m) => m.id === 1)).toMatchObject({ full_name: "Alex Morgan-Reed", email: "Alex.Morgan@example.com", role: "owner" });
    expect(after.billing_contacts!.find((b) => b.email === DEMO_REQUESTER_EMAIL)).toMatchObject({ city: "Bath", street: "12 Harbour Road" });
    // Everybody else's rows, and hers in the other tables, as they were.
    const others = (rows: Record<string, unknown>[], mine: (r: Record<string, unknown>) => boolean) => rows.filter((r) => !mine(r));
    expect(others(after.members!, (m) => m.id === 1)).toEqual(others(before.members!, (m) => m.id === 1));
    expect(others(after.billing_contacts!, (b) => b.email === DEMO_REQUESTER_EMAIL)).toEqual(others(before.billing_contacts!, (b) => b.email === DEMO_REQUESTER_EMAIL));
    expect([after.tickets, after.end_users]).toEqual([before.tickets, before.end_users]);

    const corrected = (await eventsOf(requestId)).at(-1)!;
    expect(corrected).toMatchObject({ action: "run.erased", data: { kind: "CORRECTION", rows: 2, left: 0 } });
    expect(JSON.stringify(corrected.data)).not.toMatch(/Bath|Morgan-Reed/);
    // Applied once: a second delivery changes nothing.
    expect(await executeErasure(db, runId)).toBe("skipped");
    expect(await everything()).toEqual(after);

    // Completing tells the requester what was corrected, and the third party as a recipient.
    await db.request.update({ where: { id: requestId }, data: { status: "IN_PROGRESS" } });
    await completeRequest(requestId, { outcome: "We corrected your name and billing address." }, approver);
    const done = await latestEmail(requestId, "request-completed");
    const summary = done.props.correction as CorrectionSummary;
    expect(summary).toEqual({
      corrected: [
        { system: "Jexi product database", what: "People who sign in to an account: full name", records: 1 },
        { system: "Jexi product database", what: "Who receives an account's invoices: city", records: 1 },
      ],
      byHand: ["Finance spreadsheet"],
    });
    expect(done.props.recipientsTold).toEqual(["Transactional email provider"]);
    expect((await listNotices(db, requestId)).map((n) => [n.recipientName, n.kind])).toEqual([["Transactional email provider", "CORRECTION"]]);
    const completed = (await eventsOf(requestId)).find((e) => e.action === "request.completed")!;
    expect(timelineEntry("request.completed", completed.data, "UTC").detail).toMatch(
      /^We emailed you what we did\. Our answer: We corrected your name and billing address\. We corrected: People who sign in to an account: full name \(1 record, Jexi product database\); .* We asked the people who run these systems to correct them too: Finance spreadsheet\.$/,
    );
  });

  it("is not refused by a legal hold, which only keeps data from erasure", async () => {
    const { requestId } = await verifiedRequest({ email: "jonas.weber@globex.example", type: "CORRECTION", details: CORRECTION });
    await placeHold(db, requestId, { scope: "PERSON", reason: "Court case 12 O 345/26" }, proposer.id);
    const { runId } = await planRun(db, { requestId, staffId: proposer.id });
    await startRun(db, runId, proposer.id);
    for (const task of await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true } })) await executeTask(db, task.id);
    const [field] = (await correctableFields(db, runId)).filter((f) => f.field === "full_name");
    await proposeCorrections(db, runId, { [field!.key]: "Jonas Weber-Lang" }, proposer.id);
    await approveErasure(db, runId, approver.id);
    expect(await executeErasure(db, runId)).toBe("erased");
    expect(await productRows("SELECT full_name FROM members WHERE lower(email) = 'jonas.weber@globex.example'")).toEqual([{ full_name: "Jonas Weber-Lang" }]);
  });
});
