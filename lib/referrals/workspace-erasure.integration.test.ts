import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { placeHold } from "@/lib/erasure/holds";
import { executeErasure } from "@/lib/erasure/run";
import { executeTask } from "@/lib/fulfillment/execute";
import type { RunPlan } from "@/lib/fulfillment/plan";
import { saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { listNotices, OWNER_TASK_KINDS } from "@/lib/recipients/notices";
import { closeReferral } from "@/lib/referrals/customer";
import { approveWorkspaceErasure, cancelClosedReferralRuns, cancelWorkspaceErasure, startWorkspaceErasure } from "@/lib/referrals/workspace-erasure";
import { customerWorkspaceErasure, officerWorkspaceErasure } from "@/lib/referrals/workspace-erasure-view";
import { staffEventWording } from "@/lib/requests/staff-timeline";
import { demoProductForTests } from "@/lib/testing/demo-product";
import { createStaff, eventsOf, expectRefusal, latestEmail, referredRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// The processor case on Jexi's demo product database (real PostgreSQL): a referred customer (Acme
// Support Ltd, workspace "acme-help") instructs the erasure of the requester's data in its own
// workspace. The same person is also an end user of another customer's workspace ("globex") and a
// member of Jexi's own accounts under the same address: those rows are out of the run's scope, and
// every one of them is still there afterwards.

let product: ProductDatabase;
let officer: StaffUser;
let nextId = 1000;

const TABLES = ["accounts", "members", "workspaces", "end_users", "conversations", "messages", "tickets", "ticket_replies", "billing_contacts", "audit_logs"];
const productRows = (sql: string, values: unknown[] = []) => withClient(product.url, async (c) => (await c.query(sql, values)).rows);
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await productRows(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n as number] as const)));
const runRow = (runId: string) => db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId } });

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  product = await demoProductForTests("workspace_erasure", officer.id);
}, 120_000);

afterAll(async () => {
  await stopQueue();
  await product?.stop();
});

/**
 * The person in the product database under `email`: an end user of Acme's workspace with a
 * conversation of two messages, an end user of Globex's workspace with one, and a member of
 * Jexi's own customer account with a billing contact. Returns the ids, by place.
 */
async function person(email: string) {
  const id = (nextId += 10);
  const at = "2026-10-01T10:00:00Z";
  await withClient(product.url, async (c) => {
    await c.query("INSERT INTO end_users VALUES ($1, 'acme-help', $2, 'Nia Brandt', 'acme-x', $3), ($4, 'globex', $2, 'Nia B.', 'gx-x', $3)", [id, email, at, id + 1]);
    await c.query("INSERT INTO conversations VALUES ($1, 'acme-help', $1, 'chat', 'Refund', $2), ($3, 'globex', $3, 'email', 'Parcel', $2)", [id, at, id + 1]);
    await c.query(
      "INSERT INTO messages VALUES ($1, $1, 'acme-help', 'end_user', 'My order never came.', $2), ($3, $1, 'acme-help', 'ai', 'I have refunded it.', $2), ($4, $5, 'globex', 'end_user', 'Where is my parcel?', $2)",
      [id, at, id + 1, id + 2, id + 1],
    );
    await c.query("INSERT INTO members VALUES ($1, 2, $2, 'Nia Brandt', 'agent', $3, NULL)", [id, email, at]);
    await c.query("INSERT INTO billing_contacts VALUES ($1, 2, $2, 'Nia Brandt', '1 Main St', 'Köln', 'DE', NULL)", [id, email]);
  });
  return { acme: id, globex: id + 1 };
}

/** What is left of the person, by place. */
async function leftOf(email: string) {
  const n = async (sql: string) => (await productRows(sql, [email]))[0]!.n as number;
  return {
    acmeEndUsers: await n("SELECT count(*)::int AS n FROM end_users WHERE email = $1 AND workspace_slug = 'acme-help'"),
    acmeMessages: await n("SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN end_users u ON u.id = c.end_user_id WHERE u.email = $1 AND m.workspace_slug = 'acme-help'"),
    globexEndUsers: await n("SELECT count(*)::int AS n FROM end_users WHERE email = $1 AND workspace_slug = 'globex'"),
    globexMessages: await n("SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN end_users u ON u.id = c.end_user_id WHERE u.email = $1 AND m.workspace_slug = 'globex'"),
    members: await n("SELECT count(*)::int AS n FROM members WHERE email = $1"),
    billingContacts: await n("SELECT count(*)::int AS n FROM billing_contacts WHERE email = $1"),
  };
}

/** The job worker's part of the search, done here in turn. */
async function searchEnds(runId: string): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const queued = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, orderBy: { position: "asc" }, select: { id: true } });
    if (!queued.length) break;
    for (const task of queued) await executeTask(db, task.id);
  }
}

let emailCounter = 0;
const uniqueEmail = () => `nia.${Date.now().toString(36)}.${++emailCounter}@example.test`;

describe("a workspace erasure instructed by the referred customer", () => {
  it("erases the person's rows in the referral's workspace only, after the customer approves its dry run, and proves it", async () => {
    const email = uniqueEmail();
    const ids = await person(email);
    const { requestId, referral, token } = await referredRequest({ email });
    const before = await counts();

    const runId = await startWorkspaceErasure(token);
    const started = await runRow(runId);
    expect(started).toMatchObject({ kind: "WORKSPACE_ERASURE", referralId: referral.id, workspaces: ["acme-help"], startedById: null, status: "RUNNING" });
    // Its plan holds the workspace content only: none of Jexi's own tables is even searched.
    const plan = started.plan as unknown as RunPlan;
    expect(plan.systems.flatMap((s) => s.collections.map((c) => c.name)).sort()).toEqual(["conversations", "end_users", "messages"]);
    // Finding the data implies acknowledging the referral.
    expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).acknowledgedAt).not.toBeNull();

    await searchEnds(runId);
    expect(await runRow(runId)).toMatchObject({ status: "AWAITING_APPROVAL" });
    // The customer reads the dry run, sample rows included (its own workspace's data).
    const section = await customerWorkspaceErasure(db, token);
    if (!section?.offered || !section.run?.dryRun) throw new Error("expected a dry run for the customer");
    const lines = Object.fromEntries(section.run.dryRun.systems.flatMap((s) => s.collections).map((c) => [c.name, [c.rows, c.action]]));
    expect(lines).toEqual({ end_users: [1, "delete"], conversations: [1, "delete"], messages: [2, "delete"] });
    expect(JSON.stringify(section.run.dryRun)).toContain(email);
    expect(JSON.stringify(section.run.dryRun)).not.toContain("globex");
    // The officer sees the counts, not the rows.
    const officerView = await officerWorkspaceErasure(db, referral.id);
    expect(officerView?.dryRun?.rowsDeleted).toBe(4);
    expect(JSON.stringify(officerView)).not.toContain(email);
    // Nothing changed before the approval.
    expect(await counts()).toEqual(before);

    expect(await approveWorkspaceErasure(token, runId)).toBe("approved");
    expect(await runRow(runId)).toMatchObject({ status: "ERASING", approvedByCustomerId: referral.customerId, approvedById: null });
    // Approving twice does nothing twice.
    expect(await approveWorkspaceErasure(token, runId)).toBe("already");
    const approvals = (await eventsOf(requestId)).filter((e) => e.action === "run.erasure_approved");
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ actorType: "CUSTOMER", visibility: "INTERNAL", data: { runId, kind: "WORKSPACE_ERASURE" } });
    await expectRefusal(cancelWorkspaceErasure(token, runId), "NOT_CANCELLABLE");

    expect(await executeErasure(db, runId)).toBe("erased");
    expect(await runRow(runId)).toMatchObject({ status: "ERASED" });

    // Gone in Acme's workspace; the same address in Globex's workspace and in Jexi's own records kept every row.
    expect(await leftOf(email)).toEqual({ acmeEndUsers: 0, acmeMessages: 0, globexEndUsers: 1, globexMessages: 1, members: 1, billingContacts: 1 });
    expect(await productRows("SELECT id FROM conversations WHERE id = ANY($1) ORDER BY id", [[ids.acme, ids.globex]])).toEqual([{ id: ids.globex }]);
    expect(await counts()).toEqual({ ...before, end_users: before.end_users! - 1, conversations: before.conversations! - 1, messages: before.messages! - 2 });

    // The proof, on the referral page, the request's record and in the customer's email.
    const after = await customerWorkspaceErasure(db, token);
    expect(after?.offered && after.run?.proof).toMatchObject({ rows: 4, checked: 4, left: 0 });
    const mail = await latestEmail(requestId, "referral-workspace-erased");
    expect(mail.to).toBe((await db.customer.findUniqueOrThrow({ where: { id: referral.customerId } })).privacyEmails.join(", "));
    expect(mail.props).toMatchObject({ workspaceName: "Acme Help", rows: 4, checked: 4, left: 0, referralUrl: expect.stringContaining("/referrals/") });
    const told = (await eventsOf(requestId)).find((e) => e.action === "referral.workspace_erased")!;
    expect(told).toMatchObject({ visibility: "INTERNAL", data: { referralId: referral.id, runId, rows: 4, checked: 4, left: 0 } });
    expect(JSON.stringify((await eventsOf(requestId)).map((e) => e.data))).not.toContain(email);
    expect(staffEventWording(told.action, told.data).title).toBe("Acme Support Ltd told that the workspace erasure is done");

    // Once erased, there is nothing more to erase.
    await expectRefusal(startWorkspaceErasure(token), "ALREADY_ERASED");
  });

  it("is refused for a request that is not a deletion, a closed referral, under legal hold, and for another referral's link", async () => {
    const access = await referredRequest({ email: uniqueEmail(), type: "ACCESS", details: {} });
    await expectRefusal(startWorkspaceErasure(access.token), "NOT_A_DELETION");
    expect(await customerWorkspaceErasure(db, access.token)).toEqual({ offered: false });

    const closed = await referredRequest({ email: uniqueEmail() });
    await closeReferral(closed.token, "COMPLETED", "Done on our side.");
    await expectRefusal(startWorkspaceErasure(closed.token), "REFERRAL_CLOSED");

    const held = await referredRequest({ email: uniqueEmail() });
    await placeHold(db, held.requestId, { scope: "REQUEST", reason: "Court case 12 O 345/26" }, officer.id);
    await expectRefusal(startWorkspaceErasure(held.token), "LEGAL_HOLD");
    expect(await db.fulfillmentRun.count({ where: { referralId: held.referral.id } })).toBe(0);

    // A hold placed after the search stops the approval; nothing is erased.
    const email = uniqueEmail();
    await person(email);
    const late = await referredRequest({ email });
    const runId = await startWorkspaceErasure(late.token);
    await searchEnds(runId);
    await placeHold(db, late.requestId, { scope: "PERSON", reason: "Authority's order" }, officer.id);
    await expectRefusal(approveWorkspaceErasure(late.token, runId), "LEGAL_HOLD");
    expect(await runRow(runId)).toMatchObject({ status: "AWAITING_APPROVAL", approvedAt: null });

    // Another referral's link neither approves nor cancels this run, nor learns it exists.
    const other = await referredRequest({ email: uniqueEmail() });
    await expectRefusal(approveWorkspaceErasure(other.token, runId), "RUN_NOT_FOUND");
    await expectRefusal(cancelWorkspaceErasure(other.token, runId), "RUN_NOT_FOUND");
    await expectRefusal(approveWorkspaceErasure(late.token, "not-a-run"), "RUN_NOT_FOUND");
    expect(await leftOf(email)).toMatchObject({ acmeEndUsers: 1, acmeMessages: 2 });

    // The customer's own link cancels it before any approval: nothing is erased.
    await cancelWorkspaceErasure(late.token, runId);
    expect(await runRow(runId)).toMatchObject({ status: "CANCELLED" });
    expect(await db.recordChunk.count({ where: { runId } })).toBe(0);
    expect((await eventsOf(late.requestId)).at(-1)).toMatchObject({ action: "referral.erasure_cancelled", actorType: "CUSTOMER", data: { referralId: late.referral.id, runId } });
    expect(await leftOf(email)).toMatchObject({ acmeEndUsers: 1, acmeMessages: 2 });
  });

  it("does not keep the rows it found once the referral closes without an approval; an approved erasure goes on", async () => {
    const email = uniqueEmail();
    await person(email);
    const waiting = await referredRequest({ email });
    const runId = await startWorkspaceErasure(waiting.token);
    await searchEnds(runId);
    expect(await db.recordChunk.count({ where: { runId } })).toBeGreaterThan(0);
    // The customer answers the referral without approving the erasure it asked for.
    await closeReferral(waiting.token, "COMPLETED", "Handled in our own tools.");
    const other = uniqueEmail();
    await person(other);
    const approved = await referredRequest({ email: other });
    const approvedRun = await startWorkspaceErasure(approved.token);
    await searchEnds(approvedRun);
    await approveWorkspaceErasure(approved.token, approvedRun);
    await closeReferral(approved.token, "COMPLETED", "Erased.");

    expect(await cancelClosedReferralRuns(db)).toBe(1);
    expect(await runRow(runId)).toMatchObject({ status: "CANCELLED", recordsPurgedAt: expect.any(Date) });
    expect(await db.recordChunk.count({ where: { runId } })).toBe(0);
    expect(await runRow(approvedRun)).toMatchObject({ status: "ERASING" });
    expect(await cancelClosedReferralRuns(db)).toBe(0);
    expect(await executeErasure(db, approvedRun)).toBe("erased");
    expect(await leftOf(email)).toMatchObject({ acmeEndUsers: 1, acmeMessages: 2 });
    expect(await leftOf(other)).toMatchObject({ acmeEndUsers: 0, acmeMessages: 0 });
  });

  it("emails the owner of a manual system with workspace content an erase-by-hand task for the workspace, once", async () => {
    await saveTestMap([
      {
        key: "chat-archive",
        name: "Chat archive",
        kind: "MANUAL",
        ownerEmail: "archive@jexi.example",
        collections: {
          transcripts: { fields: ["email:email", "text", "workspace"], categories: { email: ["user.contact.email"], text: ["user.content.private"] }, workspaceField: "workspace" },
          staff_notes: { fields: ["author:email", "note"], categories: { author: ["user.contact.email"], note: ["user.content.private"] } },
        },
      },
    ]);
    const email = uniqueEmail();
    await person(email);
    const { requestId, token } = await referredRequest({ email });
    const runId = await startWorkspaceErasure(token);
    await searchEnds(runId);
    const section = await customerWorkspaceErasure(db, token);
    expect(section?.offered && section.run?.byHand).toEqual(["Chat archive"]);
    expect(await listNotices(db, requestId, OWNER_TASK_KINDS)).toEqual([]);

    await approveWorkspaceErasure(token, runId);
    await approveWorkspaceErasure(token, runId);
    expect((await listNotices(db, requestId, OWNER_TASK_KINDS)).map((n) => [n.recipientName, n.kind, n.sentTo])).toEqual([
      ["Chat archive (workspace Acme Help)", "ERASE_BY_HAND", ["archive@jexi.example"]],
    ]);
    // The task is about the workspace: the archive's own staff notes are not listed for erasure.
    expect((await latestEmail(requestId, "recipient-notice")).props).toMatchObject({ kind: "ERASE_BY_HAND", recipientName: "Chat archive (workspace Acme Help)", asked: [] });
    expect((await eventsOf(requestId)).find((e) => e.action === "referral.erasure_owners_asked")).toMatchObject({ actorType: "CUSTOMER", data: { systems: ["Chat archive"] } });
  });

  it("is refused in words when the data map describes no workspace content", async () => {
    const content = await db.dataCollection.findMany({ where: { workspaceField: { not: null } }, select: { id: true, workspaceField: true } });
    await db.dataCollection.updateMany({ where: { id: { in: content.map((c) => c.id) } }, data: { workspaceField: null } });
    try {
      const { token } = await referredRequest({ email: uniqueEmail() });
      expect(await customerWorkspaceErasure(db, token)).toMatchObject({ offered: true, workspaceContent: false, run: null });
      await expectRefusal(startWorkspaceErasure(token), "NO_WORKSPACE_CONTENT");
    } finally {
      for (const c of content) await db.dataCollection.update({ where: { id: c.id }, data: { workspaceField: c.workspaceField } });
    }
  });
});
