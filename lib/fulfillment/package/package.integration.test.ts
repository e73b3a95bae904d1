import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DEMO_REQUESTER_EMAIL, PRODUCT_ROWS } from "@/lib/demo/product-data";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { demoProductForTests } from "@/lib/testing/demo-product";
import { executeTask } from "@/lib/fulfillment/execute";
import { answerOwnerTask } from "@/lib/fulfillment/owner";
import { assemblePackage, handleAssembleJob } from "@/lib/fulfillment/package/assemble";
import { excludeRecord, includeRecord, releaseRun } from "@/lib/fulfillment/package/review";
import { reviewView } from "@/lib/fulfillment/package/review-view";
import { startWorkspaceExportRun } from "@/lib/fulfillment/package/workspace-export";
import { readRecords } from "@/lib/fulfillment/records";
import { cancelRun, planRun, startRun } from "@/lib/fulfillment/runs";
import type { DownloadFile } from "@/lib/http/file-download";
import { stopQueue } from "@/lib/jobs/boss";
import { readPackageParts } from "@/lib/packages/parts";
import { unzip } from "@/lib/packages/unzip";
import { requestWorkspaceExport } from "@/lib/referrals/customer";
import { openWorkspaceExport } from "@/lib/referrals/export";
import { listRequesterPackages, openDataPackage } from "@/lib/requests/handling/complete";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { endUserAnswers } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, latestEmail, referredRequest, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The package a run assembles, from Jexi's demo product database (lib/demo) through the real
// connector and the tasks executed as the job worker executes them: its files hold exactly the
// seeded rows the map calls personal, excluded records are gone after the rebuild, a second
// delivery of the assembly job changes nothing, and release completes the request and hands the
// zip to the requester. A workspace export goes to the referral's customer by itself.

let product: ProductDatabase;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  product = await demoProductForTests("pkg_demo", officer.id);
}, 120_000);

afterAll(async () => {
  await stopQueue();
  await product?.stop();
});

/** Plans and starts a run, then executes its tasks as the worker would until it leaves RUNNING. */
async function runUntilAssembling(requestId: string) {
  const { runId } = await planRun(db, { requestId, staffId: officer.id });
  await startRun(db, runId, officer.id);
  return executeUntilAssembling(runId);
}

async function executeUntilAssembling(runId: string) {
  for (let round = 0; round < 10; round++) {
    const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    if (run.status !== "RUNNING") break;
    const queued = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, orderBy: { position: "asc" }, select: { id: true } });
    for (const task of queued) await executeTask(db, task.id);
  }
  const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, revision: true } });
  expect(run.status).toBe("ASSEMBLING");
  return { runId, revision: run.revision };
}

const runRow = (runId: string) => db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId } });

async function draftFiles(runId: string): Promise<Map<string, Buffer>> {
  const { packageId } = await runRow(runId);
  const out: Buffer[] = [];
  for await (const part of readPackageParts(db, packageId!)) out.push(Buffer.from(part));
  return unzip(Buffer.concat(out));
}

async function downloaded(file: DownloadFile): Promise<Map<string, Buffer>> {
  expect("body" in file).toBe(true);
  if (!("body" in file)) throw new Error("expected a streamed package");
  return unzip(Buffer.from(await new Response(file.body).arrayBuffer()));
}

/** Seeded rows of a table as objects, those `keep` selects. */
function seeded(table: string, keep: (row: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const { columns, rows } = PRODUCT_ROWS[table]!;
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))).filter(keep);
}

function csvLines(file: Buffer | undefined): string[] {
  return file!.toString("utf8").trimEnd().split("\r\n");
}

type DataJson = { request: { reference: string }; systems: { key: string; collections: { name: string; records: Record<string, unknown>[] }[] }[] };

function collectionRecords(data: DataJson, name: string): Record<string, unknown>[] {
  return data.systems.flatMap((s) => s.collections).find((c) => c.name === name)?.records ?? [];
}

describe("an access package", () => {
  it("holds the report, data.json and one CSV per collection with exactly the person's personal fields", async () => {
    const { requestId } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL });
    const { runId, revision } = await runUntilAssembling(requestId);
    expect(await assemblePackage(db, runId, revision)).toBe("built");

    const run = await runRow(runId);
    expect(run).toMatchObject({ status: "READY", builtRevision: revision });
    const pkg = await db.dataPackage.findUniqueOrThrow({ where: { id: run.packageId! } });
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(pkg).toMatchObject({ releasedAt: null, runId, requestId, filename: `${reference}-your-data.zip`, contentType: "application/zip", ciphertext: null, uploadedById: officer.id });

    const files = await draftFiles(runId);
    expect([...files.keys()].slice(0, 2)).toEqual(["index.html", "data.json"]);
    expect(files.has("jexi-product/tickets.csv")).toBe(true);

    // The member's tickets: the personal fields only (no status, no internal id), as seeded.
    const tickets = seeded("tickets", (t) => t.requester_id === 1);
    expect(csvLines(files.get("jexi-product/tickets.csv"))).toEqual([
      "requester_id,subject,body",
      ...tickets.map((t) => [t.requester_id, t.subject, t.body].map((v) => (/[,"]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(",")),
    ]);

    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as DataJson;
    expect(data.request.reference).toBe(reference);
    expect(collectionRecords(data, "tickets").map((t) => t.subject)).toEqual(tickets.map((t) => t.subject));
    expect(collectionRecords(data, "tickets")[0]).not.toHaveProperty("status");
    // Found although stored in another case, with the account she belongs to.
    expect(collectionRecords(data, "members").map((m) => m.email)).toEqual(["Alex.Morgan@example.com"]);
    expect(collectionRecords(data, "accounts").map((a) => a.company_name)).toEqual(seeded("accounts", (a) => a.id === 1).map((a) => a.company_name));
    // Customer workspace content is the customer's to answer for: not searched, and the report says so.
    expect(collectionRecords(data, "end_users")).toEqual([]);
    expect(collectionRecords(data, "messages")).toEqual([]);
    // Someone else's data is not in it.
    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toMatch(/jonas\.weber|Widget colour|lena\.fischer/);

    const html = files.get("index.html")!.toString("utf8");
    expect(html).toContain("Jexi");
    expect(html).toContain(reference);
    expect(html).toContain("Agent seats");
    expect(html).toContain("Providing the Jexi service");
    expect(html).toContain("support tickets 3 years");
    expect(html).toContain("Data we hold for our customers");
    expect(html).not.toMatch(/<script/i);
    // Escaped: the apostrophe in a seeded ticket body.
    expect(html).toContain("last month&#39;s transcripts");
  });

  it("leaves an excluded record out after the rebuild, and a second delivery of the job changes nothing", async () => {
    const { requestId } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL });
    const { runId, revision } = await runUntilAssembling(requestId);
    await assemblePackage(db, runId, revision);
    const first = await runRow(runId);

    // Redelivered: nothing is rebuilt.
    expect(await assemblePackage(db, runId, revision)).toBe("skipped");
    expect((await runRow(runId)).packageId).toBe(first.packageId);
    expect(await db.dataPackage.count({ where: { runId } })).toBe(1);

    // The ticket about a colleague is her data too.
    const tickets = await db.dataCollection.findFirstOrThrow({ where: { name: "tickets", system: { key: "jexi-product" } } });
    let key = "";
    for await (const r of readRecords(db, runId, tickets.id)) if (r.record.subject === "Agent seats") key = r.key;
    expect(key).not.toBe("");
    await excludeRecord(db, runId, tickets.id, key, "Names a colleague (Art. 15(4))", officer);
    await expectRefusal(excludeRecord(db, runId, tickets.id, key, "again", officer), "RECORD_ALREADY_EXCLUDED");
    await expectRefusal(excludeRecord(db, runId, tickets.id, "999.0", "no such record", officer), "RECORD_NOT_FOUND");
    await expectRefusal(excludeRecord(db, runId, tickets.id, key, "   ", officer), "INVALID_INPUT");

    const stale = await runRow(runId);
    expect(stale).toMatchObject({ status: "ASSEMBLING", packageId: null, revision: revision + 1, builtRevision: revision });
    // Release waits for the rebuild.
    await expectRefusal(releaseRun(db, runId, officer), "PACKAGE_NOT_READY");
    // The job of the old revision is stale: it does nothing.
    expect(await assemblePackage(db, runId, revision)).toBe("skipped");
    expect(await assemblePackage(db, runId, revision + 1)).toBe("built");

    const rebuilt = await runRow(runId);
    expect(rebuilt).toMatchObject({ status: "READY", builtRevision: revision + 1 });
    expect(rebuilt.packageId).not.toBe(first.packageId);
    // The earlier draft is gone with its parts.
    expect(await db.dataPackage.count({ where: { runId } })).toBe(1);
    expect(await db.dataPackagePart.count({ where: { packageId: first.packageId! } })).toBe(0);

    const files = await draftFiles(runId);
    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toContain("Agent seats");
    expect(everything).toContain("Invoice address is wrong");
    expect(files.get("index.html")!.toString("utf8")).toContain("1 record was left out");

    // The reason is kept with the exclusion; the timeline has neither it nor the record.
    expect(await db.recordExclusion.findFirstOrThrow({ where: { runId } })).toMatchObject({ reason: "Names a colleague (Art. 15(4))", staffId: officer.id });
    const event = (await eventsOf(requestId)).find((e) => e.action === "run.record_excluded")!;
    expect(event).toMatchObject({ visibility: "INTERNAL", actorId: officer.id, data: { runId, collection: "tickets", reasonLength: 30 } });
    expect(JSON.stringify(event.data)).not.toMatch(/colleague|Agent seats/);

    // The review lists every found record of the collection, the excluded one marked; an auditor sees counts only.
    const review = await reviewView(db, runId, officer, { collectionId: tickets.id });
    expect(review.collections.find((c) => c.id === tickets.id)).toMatchObject({ name: "tickets", count: 2, excluded: 1 });
    expect(review.page).toMatchObject({ fields: ["requester_id", "subject", "body"], page: 1, pages: 1 });
    expect(review.page!.records.filter((r) => r.excluded).map((r) => r.key)).toEqual([key]);
    expect(review.exclusions).toMatchObject([{ collection: "tickets", recordKey: key, reason: "Names a colleague (Art. 15(4))" }]);
    const audited = await reviewView(db, runId, await createStaff("AUDITOR"));
    expect(audited.page).toBeNull();
    expect(audited.exclusions[0]!.reason).not.toMatch(/colleague/);

    // Taken back: it is in the next build again.
    await includeRecord(db, runId, tickets.id, key, officer);
    expect(await assemblePackage(db, runId, revision + 2)).toBe("built");
    expect([...(await draftFiles(runId)).values()].map((b) => b.toString("utf8")).join("\n")).toContain("Agent seats");
  });

  it("gives an export request only what the person provided", async () => {
    const { requestId } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL, type: "PORTABILITY", details: { format: "JSON" } });
    const { runId, revision } = await runUntilAssembling(requestId);
    expect((await runRow(runId)).kind).toBe("EXPORT");
    await assemblePackage(db, runId, revision);
    const files = await draftFiles(runId);
    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as DataJson;
    // Sign-ins are observed, not provided: only the member id is left of them.
    for (const log of collectionRecords(data, "audit_logs")) expect(Object.keys(log)).toEqual(["member_id"]);
    expect(Object.keys(collectionRecords(data, "members")[0]!)).not.toContain("role");
    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toContain("203.0.113.24");
    expect(everything).toContain("Invoice address is wrong");
    expect(files.get("index.html")!.toString("utf8")).toContain("Art. 20");
  });
});

describe("a package that cannot be built", () => {
  it("keeps the run assembling while pg-boss retries, and fails it in words after the last attempt", async () => {
    const { requestId } = await verifiedRequest({ email: "jonas.weber@globex.example" });
    const { runId, revision } = await runUntilAssembling(requestId);
    // A stored chunk that no longer opens (a changed APP_SECRET would do the same).
    const chunk = await db.recordChunk.findFirstOrThrow({ where: { runId } });
    await db.recordChunk.update({ where: { id: chunk.id }, data: { ciphertext: new Uint8Array([1, 2, 3]) } });

    await expect(handleAssembleJob({ data: { runId, revision }, retryCount: 1, retryLimit: 4 })).rejects.toThrow();
    expect(await runRow(runId)).toMatchObject({ status: "ASSEMBLING", packageId: null });
    expect(await db.dataPackage.count({ where: { runId } })).toBe(0);

    await expect(handleAssembleJob({ data: { runId, revision }, retryCount: 4, retryLimit: 4 })).rejects.toThrow();
    expect(await runRow(runId)).toMatchObject({ status: "FAILED", packageId: null });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "run.assembly_failed", data: { runId, revision } });
    // The officer can cancel it and attach a file by hand.
    await cancelRun(db, runId, officer.id);
    expect(await runRow(runId)).toMatchObject({ status: "CANCELLED" });
  });
});

describe("cancelling a run under review", () => {
  it("deletes its draft package with the records, and the request can be run again", async () => {
    // Another seeded member (the demo requester's submissions per day are used up by the other tests).
    const { requestId } = await verifiedRequest({ email: "priya.shah@acme.example" });
    const { runId, revision } = await runUntilAssembling(requestId);
    await assemblePackage(db, runId, revision);
    const { packageId } = await runRow(runId);
    expect(packageId).not.toBeNull();

    await cancelRun(db, runId, officer.id);
    expect(await runRow(runId)).toMatchObject({ status: "CANCELLED", packageId: null });
    expect(await db.dataPackage.count({ where: { id: packageId! } })).toBe(0);
    expect(await db.dataPackagePart.count({ where: { packageId: packageId! } })).toBe(0);
    expect(await db.recordChunk.count({ where: { runId } })).toBe(0);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "run.cancelled", data: expect.objectContaining({ draftsDeleted: 1 }) });
    // A new run can start.
    expect((await planRun(db, { requestId, staffId: officer.id })).runId).not.toBe(runId);
  });
});

describe("releasing a run", () => {
  it("completes the request, emails the requester, and hands over the package, invisible until then", async () => {
    const auditor = await createStaff("AUDITOR");
    const { requestId, statusToken } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL });
    const { runId, revision } = await runUntilAssembling(requestId);
    await assemblePackage(db, runId, revision);
    const { packageId } = await runRow(runId);

    // A draft: not on the status page, not on the request page's package list, not downloadable.
    expect(await listRequesterPackages(requestId)).toEqual([]);
    expect((await getRequestDetail(requestId, officer))!.packages).toEqual([]);
    await expectRefusal(openDataPackage(statusToken, packageId!), "NOT_FOUND");

    await expect(releaseRun(db, runId, auditor)).rejects.toBeInstanceOf(AuthorizationError);
    const { downloadUntil } = await releaseRun(db, runId, officer);

    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "COMPLETED" });
    const email = await latestEmail(requestId, "request-completed");
    expect(email.to).toBe(DEMO_REQUESTER_EMAIL);
    expect(email.props.downloadUntil).toBe(downloadUntil!.toISOString());
    expect(await runRow(runId)).toMatchObject({ status: "RELEASED", releasedById: officer.id });
    expect((await runRow(runId)).recordsPurgedAt).not.toBeNull();
    // The found records are gone: the package holds the data now.
    expect(await db.recordChunk.count({ where: { runId } })).toBe(0);
    expect((await eventsOf(requestId)).map((e) => e.action)).toEqual(expect.arrayContaining(["request.completed", "run.released"]));

    const [listed] = await listRequesterPackages(requestId);
    expect(listed).toMatchObject({ id: packageId, filename: expect.stringMatching(/-your-data\.zip$/), expiresAt: downloadUntil });
    // The requester downloads it through the emailed status link.
    const files = await downloaded(await openDataPackage(tokenOf(String(email.props.statusUrl)), packageId!));
    expect(csvLines(files.get("jexi-product/tickets.csv"))).toHaveLength(1 + seeded("tickets", (t) => t.requester_id === 1).length);

    await expectRefusal(releaseRun(db, runId, officer), "REVIEW_CLOSED");
    const tickets = await db.dataCollection.findFirstOrThrow({ where: { name: "tickets" } });
    await expectRefusal(excludeRecord(db, runId, tickets.id, "0.0", "late", officer), "REVIEW_CLOSED");
  });
});

describe("a workspace export", () => {
  it("is delivered to the referral's customer by itself, scoped to its workspace", async () => {
    const referred = await referredRequest(endUserAnswers({ email: "lena.fischer@example.net", type: "ACCESS" }));
    // The customer asks for the export on its referral page: a run starts instead of waiting for an upload.
    // As the referral page's action does: asked for the first time, a run starts.
    const asked = await requestWorkspaceExport(referred.token);
    expect(asked).toBe(referred.referral.id);
    expect(await startWorkspaceExportRun(db, asked!)).not.toBeNull();
    expect(await requestWorkspaceExport(referred.token)).toBeNull();
    const started = await db.fulfillmentRun.findFirstOrThrow({ where: { referralId: referred.referral.id } });
    expect(started).toMatchObject({ kind: "WORKSPACE_EXPORT", status: "RUNNING", workspaces: ["acme-help"], startedById: null });
    const { runId, revision } = await executeUntilAssembling(started.id);
    expect(await assemblePackage(db, runId, revision)).toBe("built");

    const run = await runRow(runId);
    expect(run).toMatchObject({ kind: "WORKSPACE_EXPORT", status: "RELEASED" });
    const pkg = await db.dataPackage.findUniqueOrThrow({ where: { id: run.packageId! } });
    expect(pkg.referralId).toBe(referred.referral.id);
    expect(pkg.releasedAt).not.toBeNull();
    expect((await db.referral.findUniqueOrThrow({ where: { id: referred.referral.id } })).exportDeliveredAt).not.toBeNull();
    const email = await latestEmail(referred.requestId, "referral-export-ready");
    expect(email.props).toMatchObject({ filename: pkg.filename, downloadUntil: pkg.expiresAt.toISOString() });
    // Never the requester's.
    expect(await listRequesterPackages(referred.requestId)).toEqual([]);

    const files = await downloaded(await openWorkspaceExport(tokenOf(String(email.props.referralUrl)), pkg.id));
    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as DataJson;
    expect(collectionRecords(data, "messages").map((m) => m.body)).toEqual(seeded("messages", (m) => m.conversation_id === 1).map((m) => m.body));
    // Every mapped field of workspace content, the workspace itself included.
    expect(collectionRecords(data, "messages")[0]).toMatchObject({ workspace_slug: "acme-help", author: "end_user" });
    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toMatch(/globex|Alex Morgan/i);
  });
});

describe("a manual system's answer", () => {
  it("puts the owner's file under the system's files folder and their note in the report", async () => {
    await db.dataSystem.create({
      data: {
        key: "sales-sheet",
        name: "Sales team's spreadsheet",
        ownerEmail: "sales@jexi.example",
        purpose: "Following up leads",
        kind: "MANUAL",
        collections: { create: [{ name: "leads", fields: { create: [{ name: "email", categories: ["user.contact.email"], identity: "email" }] } }] },
      },
    });
    const { requestId } = await verifiedRequest({ email: DEMO_REQUESTER_EMAIL });
    const { runId } = await planRun(db, { requestId, staffId: officer.id });
    await startRun(db, runId, officer.id);
    for (const task of await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, orderBy: { position: "asc" } })) await executeTask(db, task.id);
    const { taskUrl } = (await latestEmail(requestId, "manual-task")).props as { taskUrl: string };
    const sheet = Buffer.from("email,first_contact\r\nalex.morgan@example.com,2026-01-12\r\n");
    await answerOwnerTask(db, tokenOf(taskUrl), { file: { filename: "../leads <2026>.csv", contentType: "text/csv", bytes: sheet }, nothingFound: false, note: "From the <b>2026</b> sheet" });
    const { revision, status } = await runRow(runId);
    expect(status).toBe("ASSEMBLING");
    await assemblePackage(db, runId, revision);

    const files = await draftFiles(runId);
    // The name cannot leave its folder.
    expect(files.get("sales-sheet/files/.._leads _2026_.csv")?.equals(sheet)).toBe(true);
    const html = files.get("index.html")!.toString("utf8");
    expect(html).toContain("From the &#60;b&#62;2026&#60;/b&#62; sheet");
    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as { systems: { key: string; files: string[] }[] };
    expect(data.systems.find((s) => s.key === "sales-sheet")!.files).toEqual(["sales-sheet/files/.._leads _2026_.csv"]);

    // Released, the uploaded file is deleted with the records: the package holds it now.
    await releaseRun(db, runId, officer);
    expect(await db.taskFile.findFirstOrThrow({ where: { task: { runId } } })).toMatchObject({ ciphertext: null });
  });
});
