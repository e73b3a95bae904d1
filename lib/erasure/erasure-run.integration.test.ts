import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DEMO_REQUESTER_EMAIL, OPERATOR_TABLES, PRODUCT_ROLE, PRODUCT_ROWS } from "@/lib/demo/product-data";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { demoProductForTests } from "@/lib/testing/demo-product";
import { dryRun } from "@/lib/erasure/dry-run";
import { holdsFor, liftHold, placeHold } from "@/lib/erasure/holds";
import { approveErasure, executeErasure, handleErasureJob, sweepErasures } from "@/lib/erasure/run";
import { getEnv } from "@/lib/env";
import { QUEUE_SCHEMA, QUEUES } from "@/lib/jobs/queue";
import { executeTask } from "@/lib/fulfillment/execute";
import { cancelRun, planRun, startRun } from "@/lib/fulfillment/runs";
import { stopQueue } from "@/lib/jobs/boss";
import { saveTestMap } from "@/lib/fulfillment/test-map";
import { createStaff, eventsOf, expectRefusal, latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import type { ErasureSummary } from "@/lib/erasure/words";
import { listNotices, OWNER_TASK_KINDS } from "@/lib/recipients/notices";
import { completeRequest } from "@/lib/requests/handling/complete";
import { timelineEntry } from "@/lib/requests/timeline";
import { seed } from "@/prisma/seed";

// A deletion request carried out on Jexi's demo product database (real PostgreSQL): the run
// finds the person's rows, waits with its dry run for approval (by a second officer when the
// admin asks for one), erases children before parents with the demo map's strategies, resumes
// after a failure where it stopped, and leaves everybody else's rows as they were.

let product: ProductDatabase;
let starter: StaffUser;
let approver: StaffUser;

const productRows = (sql: string) => withClient(product.url, async (c) => (await c.query(sql)).rows);
const counts = async () =>
  Object.fromEntries(await Promise.all([...OPERATOR_TABLES, "end_users", "messages"].map(async (t) => [t, (await productRows(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n] as const)));

beforeAll(async () => {
  await seed(db);
  starter = await createStaff("OFFICER");
  approver = await createStaff("OFFICER");
  product = await demoProductForTests("erasure_run_demo", starter.id);
}, 120_000);

afterAll(async () => {
  await stopQueue();
  await product?.stop();
});

async function searched(email: string, existing?: string) {
  const requestId = existing ?? (await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } })).requestId;
  const { runId, plan } = await planRun(db, { requestId, staffId: starter.id });
  await startRun(db, runId, starter.id);
  for (let round = 0; round < 5; round++) {
    const queued = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true } });
    if (!queued.length) break;
    for (const task of queued) await executeTask(db, task.id);
  }
  return { requestId, runId, plan };
}

const runRow = (runId: string) => db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId } });

describe("an erasure run", () => {
  it("refuses to write with a read-only database user, in words, and resumes once it may", async () => {
    // A manual system beside the demo's: nobody can search or erase it but its owner.
    const { finance } = await saveTestMap([
      {
        key: "finance",
        name: "Finance spreadsheet",
        kind: "MANUAL",
        ownerEmail: "finance@jexi.example",
        connection: null,
        collections: { invoices: { fields: ["billing_email:email", "amount"], categories: { billing_email: ["user.contact.email"], amount: ["user.financial"] } } },
      },
    ]);
    await db.dataField.updateMany({ where: { name: "amount", collection: { systemId: finance } }, data: { erasureStrategy: "KEEP", retentionReason: "Kept 10 years for tax law" } });
    // As seeded, the demo's role may change the operator's tables and the workspace content (erased
    // only on a customer's instruction, in its workspace), and only read the workspaces themselves.
    const may = (table: string, right: string) => productRows(`SELECT has_table_privilege('${PRODUCT_ROLE}', '${table}', '${right}') AS ok`).then((r) => r[0]!.ok);
    expect([await may("members", "DELETE"), await may("tickets", "UPDATE"), await may("end_users", "UPDATE"), await may("messages", "DELETE"), await may("workspaces", "UPDATE"), await may("workspaces", "DELETE")]).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    // A DBA who granted only SELECT is what this tries.
    await productRows(`REVOKE UPDATE, DELETE ON ${OPERATOR_TABLES.join(", ")} FROM ${PRODUCT_ROLE}`);
    const { requestId, runId, plan } = await searched(DEMO_REQUESTER_EMAIL);
    expect(plan.kind).toBe("ERASURE");
    expect(await runRow(runId)).toMatchObject({ status: "AWAITING_APPROVAL" });
    // Nothing is changed before the approval.
    const before = await counts();
    expect((await dryRun(db, runId)).rowsDeleted).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);

    // The admin asks for a second person: the officer who started the run may not approve it.
    await db.organizationSettings.update({ where: { id: 1 }, data: { erasureSecondApprover: true } });
    await expectRefusal(approveErasure(db, runId, starter.id), "ERASURE_NEEDS_SECOND_APPROVER");
    await approveErasure(db, runId, approver.id);
    expect(await runRow(runId)).toMatchObject({ status: "ERASING", approvedById: approver.id });
    // The finance spreadsheet (manual) cannot be erased by the portal: its owner is asked to, told
    // what the map erases and keeps there. The email provider, a third party, is told on completion.
    expect((await listNotices(db, requestId, OWNER_TASK_KINDS)).map((n) => [n.recipientName, n.kind, n.sentTo])).toEqual([
      ["Finance spreadsheet", "ERASE_BY_HAND", ["finance@jexi.example"]],
    ]);
    expect((await latestEmail(requestId, "recipient-notice")).props).toMatchObject({
      kind: "ERASE_BY_HAND",
      asked: [{ label: "invoices", value: "erase billing email; keep amount: Kept 10 years for tax law." }],
    });
    await expectRefusal(approveErasure(db, runId, approver.id), "ERASURE_NOT_AWAITING");

    // The role may only read: every attempt fails, and after the last the run fails in words.
    await expect(handleErasureJob(db, { data: { runId }, retryCount: 0, retryLimit: 1 })).rejects.toThrow(/may not change or delete rows/);
    expect(await runRow(runId)).toMatchObject({ status: "ERASING" });
    await expect(handleErasureJob(db, { data: { runId }, retryCount: 1, retryLimit: 1 })).rejects.toThrow();
    expect(await runRow(runId)).toMatchObject({ status: "FAILED" });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "run.erasure_failed", data: { reason: expect.stringMatching(/may not change or delete rows of .*Grant it UPDATE and DELETE/) } });
    expect(await counts()).toEqual(before);

    // The DBA grants the operator's own tables back; the officer resumes.
    await productRows(`GRANT UPDATE, DELETE ON ${OPERATOR_TABLES.join(", ")} TO ${PRODUCT_ROLE}`);
    await approveErasure(db, runId, approver.id);
    expect(await executeErasure(db, runId)).toBe("erased");
    expect(await runRow(runId)).toMatchObject({ status: "ERASED", recordsPurgedAt: expect.any(Date) });
    expect(await db.recordChunk.count({ where: { runId } })).toBe(0);

    // Her member row, tickets and their replies are gone; the security log keeps the actions
    // without her; billing contacts are kept for tax law; nobody else's rows changed.
    expect(await productRows("SELECT id FROM members ORDER BY id")).toEqual([{ id: 2 }, { id: 3 }]);
    const hers = PRODUCT_ROWS.tickets!.rows.filter((t) => t[1] === 1).map((t) => t[0]);
    expect(await productRows(`SELECT count(*)::int AS n FROM tickets WHERE id IN (${hers.join(",")})`)).toEqual([{ n: 0 }]);
    expect(await productRows(`SELECT count(*)::int AS n FROM ticket_replies WHERE ticket_id IN (${hers.join(",")})`)).toEqual([{ n: 0 }]);
    const logs = PRODUCT_ROWS.audit_logs!.rows.filter((l) => l[1] === 1).map((l) => l[0]);
    expect(await productRows(`SELECT member_id, ip_address FROM audit_logs WHERE id IN (${logs.join(",")})`)).toEqual(logs.map(() => ({ member_id: null, ip_address: null })));
    expect(await productRows("SELECT count(*)::int AS n FROM billing_contacts WHERE lower(btrim(email)) = 'alex.morgan@example.com'")).toEqual([{ n: 1 }]);
    const after = await counts();
    const repliesOfHers = PRODUCT_ROWS.ticket_replies!.rows.filter((r) => hers.includes(r[1] as number)).length;
    expect(after).toEqual({ ...before, members: before.members - 1, tickets: before.tickets - hers.length, ticket_replies: before.ticket_replies - repliesOfHers });

    const erased = (await eventsOf(requestId)).at(-1)!;
    expect(erased).toMatchObject({ action: "run.erased", data: { rows: 1 + hers.length + repliesOfHers + logs.length, left: 0 } });
    // The proof looked every erased row up again.
    expect((erased.data as { proof: { collection: string; checked: number; left: number }[] }).proof).toEqual(
      expect.arrayContaining([
        { system: "Jexi product database", collection: "members", checked: 1, left: 0 },
        { system: "Jexi product database", collection: "tickets", checked: hers.length, left: 0 },
        { system: "Jexi product database", collection: "audit_logs", checked: logs.length, left: 0 },
      ]),
    );
    // A second delivery of the job changes nothing.
    expect(await executeErasure(db, runId)).toBe("skipped");
    expect(await counts()).toEqual(after);
    await db.organizationSettings.update({ where: { id: 1 }, data: { erasureSecondApprover: false } });

    // Completing the request tells the requester, in words, what was erased and what was kept and why.
    // Had a third party hosted the product database, erasing it through its connection told it;
    // the demo's email provider (no connection) is emailed.
    await db.dataSystem.updateMany({ where: { name: "Jexi product database" }, data: { thirdParty: true } });
    await db.request.update({ where: { id: requestId }, data: { status: "IN_PROGRESS" } });
    await completeRequest(requestId, { outcome: "We erased your Jexi account." }, approver);
    await db.dataSystem.updateMany({ where: { name: "Jexi product database" }, data: { thirdParty: false } });
    const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId, system: { name: "Jexi product database" } } });
    expect((await listNotices(db, requestId)).map((n) => [n.recipientName, n.channel, n.confirmedAt])).toEqual([
      ["Jexi product database", "CONNECTOR", task.erasedAt],
      ["Transactional email provider", "EMAIL", null],
    ]);
    const email = await latestEmail(requestId, "request-completed");
    expect(email.props.recipientsTold).toEqual(["Jexi product database", "Transactional email provider"]);
    const summary = email.props.erasure as ErasureSummary;
    expect(summary.erased).toEqual(
      expect.arrayContaining([
        { system: "Jexi product database", what: "People who sign in to an account: deleted", records: 1 },
        expect.objectContaining({ what: expect.stringMatching(/: member id, ip address removed$/), records: logs.length }),
      ]),
    );
    expect(summary.kept).toEqual(expect.arrayContaining([expect.objectContaining({ what: expect.stringMatching(/: email, name, street, city, country, vat number$/), reason: expect.stringMatching(/tax law/) })]));
    expect(JSON.stringify(summary)).not.toMatch(/alex|morgan/i);
    const completed = (await eventsOf(requestId)).find((e) => e.action === "request.completed")!;
    expect(completed.visibility).toBe("PUBLIC");
    expect(timelineEntry("request.completed", completed.data, "UTC").detail).toMatch(/^We emailed you what we did\. Our answer: We erased your Jexi account\. We erased: .* We kept: .*tax law/);
  });

  it("is not sent twice by the due pass while its job is being fetched, only once its lease has run out", async () => {
    const { runId } = await searched("lena.fischer@globex.example");
    await approveErasure(db, runId, starter.id);
    // A worker fetched the job (pg-boss marks it active) but has not held the run yet.
    await db.$executeRawUnsafe(`UPDATE ${QUEUE_SCHEMA}.job SET state = 'active' WHERE name = $1 AND data->>'runId' = $2`, QUEUES.erasureRun.name, runId);
    expect(await sweepErasures(db, new Date())).toBe(0);
    // Its worker died before holding it: once the reservation runs out, the due pass sends it again.
    expect(await sweepErasures(db, new Date(Date.now() + getEnv().FULFILLMENT_TASK_LEASE_SECONDS * 1000 + 1000))).toBe(1);
    await cancelRun(db, runId, starter.id);
  });

  it("stops at the next batch when the run is cancelled", async () => {
    const { runId } = await searched("jonas.weber@globex.example");
    await approveErasure(db, runId, starter.id);
    await cancelRun(db, runId, starter.id);
    const before = await counts();
    expect(await executeErasure(db, runId)).toBe("skipped");
    expect(await counts()).toEqual(before);
  });

  it("is refused while a legal hold covers the request or the person, and allowed once it is lifted", async () => {
    // A hold on the person, placed from an earlier request with the address in another case.
    const earlier = await verifiedRequest({ email: "Jonas.Weber@Globex.example", type: "DELETION", details: { scope: "ALL" } });
    await placeHold(db, earlier.requestId, { scope: "PERSON", reason: "Court case 12 O 345/26" }, starter.id);
    expect((await eventsOf(earlier.requestId)).at(-1)).toMatchObject({ action: "hold.placed", data: { scope: "PERSON" } });
    expect(JSON.stringify(await db.legalHold.findMany())).not.toMatch(/jonas/i);

    const { requestId } = await verifiedRequest({ email: "jonas.weber@globex.example", type: "DELETION", details: { scope: "ALL" } });
    expect((await holdsFor(db, requestId)).map((h) => [h.scope, h.reason])).toEqual([["PERSON", "Court case 12 O 345/26"]]);
    await expectRefusal(planRun(db, { requestId, staffId: starter.id }), "LEGAL_HOLD");

    // Someone else is not held.
    const other = await verifiedRequest({ email: "lena.fischer@globex.example", type: "DELETION", details: { scope: "ALL" } });
    await planRun(db, { requestId: other.requestId, staffId: starter.id });

    // Lifted: the search can run; a hold placed on the request after the approval stops the erasure.
    const [hold] = await holdsFor(db, requestId);
    await liftHold(db, requestId, hold!.id, starter.id);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "hold.lifted" });
    const { runId } = await searched("jonas.weber@globex.example", requestId);
    await approveErasure(db, runId, starter.id);
    await placeHold(db, requestId, { scope: "REQUEST", reason: "Regulator's inquiry" }, starter.id);
    const before = await counts();
    expect(await executeErasure(db, runId)).toBe("skipped");
    expect(await runRow(runId)).toMatchObject({ status: "FAILED" });
    expect(await counts()).toEqual(before);
    await expectRefusal(approveErasure(db, runId, starter.id), "LEGAL_HOLD");
  });
});

