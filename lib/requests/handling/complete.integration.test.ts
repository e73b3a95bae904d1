import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { attachDataPackage, completeRequest, listRequesterPackages, openDataPackage } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";
import { getStatusView } from "@/lib/requests/status-view";
import { timelineEntry } from "@/lib/requests/timeline";
import { createStaff, eventsOf, expectRefusal, lastEvent, latestEmail, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const DAY_MS = 86_400_000;
const CONTENT = new TextEncoder().encode(JSON.stringify({ conversations: ["Hello, I need help with my order"] }));
const file = (bytes: Uint8Array = CONTENT) => ({ filename: "export.json", contentType: "application/json", bytes });

describe("attachDataPackage", () => {
  it("stores the file encrypted, with an internal event that names no file", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    const { packageId } = await attachDataPackage(requestId, { ...file(), filename: "../Ada Lovelace\u0000.json" }, officer);

    const stored = await db.dataPackage.findUniqueOrThrow({ where: { id: packageId } });
    expect(stored).toMatchObject({ requestId, size: CONTENT.byteLength, contentType: "application/json", uploadedById: officer.id });
    expect(stored.filename).toBe("Ada Lovelace_.json");
    expect(Buffer.from(stored.ciphertext!).includes(Buffer.from("Hello, I need help"))).toBe(false);
    // Nothing is offered to the requester before completion.
    expect(await listRequesterPackages(requestId)).toEqual([]);
    expect(await lastEvent(requestId)).toMatchObject({
      action: "package.attached",
      actorType: "STAFF",
      actorId: officer.id,
      visibility: "INTERNAL",
      data: { packageId, size: CONTENT.byteLength, sha256: stored.sha256 },
    });
    expect(JSON.stringify((await lastEvent(requestId)).data)).not.toContain("Lovelace");
    // Not downloadable before the request is completed.
    await expectRefusal(openDataPackage(statusToken, packageId), "PACKAGE_NOT_READY");
  });

  it("refuses a package for a deletion request", async () => {
    const { requestId } = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await expectRefusal(attachDataPackage(requestId, file(), officer), "PACKAGE_NOT_APPLICABLE");
    expect(await db.dataPackage.count({ where: { requestId } })).toBe(0);
  });

  it("refuses a file over 10 MB and an empty one, and accepts exactly 10 MB", async () => {
    const { requestId } = await verifiedRequest({ type: "PORTABILITY", details: { format: "JSON" } });
    await expectRefusal(attachDataPackage(requestId, file(new Uint8Array(MAX_PACKAGE_BYTES + 1)), officer), "PACKAGE_TOO_LARGE");
    await expectRefusal(attachDataPackage(requestId, file(new Uint8Array(0)), officer), "PACKAGE_EMPTY");
    expect(await db.dataPackage.count({ where: { requestId } })).toBe(0);
    await attachDataPackage(requestId, file(new Uint8Array(MAX_PACKAGE_BYTES).fill(7)), officer);
    expect(await db.dataPackage.count({ where: { requestId } })).toBe(1);
  });

  it("refuses a package for a closed request", async () => {
    const { requestId } = await verifiedRequest();
    await denyRequest(requestId, { reason: "Duplicate of an earlier request.", basis: "OTHER" }, officer);
    await expectRefusal(attachDataPackage(requestId, file(), officer), "INVALID_TRANSITION");
  });
});

describe("completeRequest", () => {
  it("completes an access request with its package, opens a 7-day download window and emails it", async () => {
    const { requestId, email } = await verifiedRequest();
    const { packageId } = await attachDataPackage(requestId, file(), officer);
    const now = new Date();
    const result = await completeRequest(requestId, {}, officer, now);
    const until = new Date(now.getTime() + 7 * DAY_MS);
    expect(result).toEqual({ downloadUntil: until });

    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "COMPLETED", closedAt: now });
    expect((await db.dataPackage.findUniqueOrThrow({ where: { id: packageId } })).expiresAt).toEqual(until);
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.completed",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "RECEIVED",
      toStatus: "COMPLETED",
      visibility: "PUBLIC",
      data: { outcome: null, packages: 1, downloadUntil: until.toISOString() },
    });
    expect((await templatesOf(requestId)).at(-1)).toBe("request-completed");
    const sent = await latestEmail(requestId, "request-completed");
    expect(sent.to).toBe(email);
    expect(sent.props).toMatchObject({ outcome: null, downloadUntil: until.toISOString() });

    expect(await listRequesterPackages(requestId, now)).toEqual([
      { id: packageId, filename: "export.json", contentType: "application/json", size: CONTENT.byteLength, expiresAt: until, expired: false, purgedAt: null },
    ]);
    expect((await listRequesterPackages(requestId, until))[0]?.expired).toBe(true);

    // The emailed link downloads the file, even though the request is closed, and each download is recorded.
    const token = tokenOf(String(sent.props.statusUrl));
    const opened = await openDataPackage(token, packageId, new Date(now.getTime() + DAY_MS));
    expect(opened).toEqual({ filename: "export.json", contentType: "application/json", bytes: CONTENT });
    await openDataPackage(token, packageId, new Date(now.getTime() + 2 * DAY_MS));
    const downloads = (await eventsOf(requestId)).filter((e) => e.action === "package.downloaded");
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ actorType: "REQUESTER", visibility: "PUBLIC", data: { packageId }, toStatus: "COMPLETED" });
    expect((await getStatusView(token))?.events.at(-1)?.action).toBe("package.downloaded");
  });

  it("refuses the download once the window has closed", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    const { packageId } = await attachDataPackage(requestId, file(), officer);
    const now = new Date();
    await completeRequest(requestId, {}, officer, now);
    await expectRefusal(openDataPackage(statusToken, packageId, new Date(now.getTime() + 7 * DAY_MS)), "PACKAGE_EXPIRED");
    expect((await eventsOf(requestId)).some((e) => e.action === "package.downloaded")).toBe(false);
  });

  it("never opens another request's package, or with an unknown link", async () => {
    const mine = await verifiedRequest();
    const theirs = await verifiedRequest();
    const { packageId } = await attachDataPackage(theirs.requestId, file(), officer);
    await completeRequest(theirs.requestId, {}, officer);
    await expectRefusal(openDataPackage(mine.statusToken, packageId), "NOT_FOUND");
    await expectRefusal(openDataPackage("z".repeat(43), packageId), "NOT_FOUND");
    await expectRefusal(openDataPackage(theirs.statusToken, "not-a-uuid"), "NOT_FOUND");
  });

  it("requires a package or a written answer for access and export requests", async () => {
    const { requestId } = await verifiedRequest();
    await expectRefusal(completeRequest(requestId, {}, officer), "PACKAGE_REQUIRED");
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });

  it("completes an access request with a written answer alone: emailed and on the status page, with nothing to download", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    await completeRequest(requestId, { outcome: "We searched every system and hold no data about you." }, officer);
    expect((await latestEmail(requestId, "request-completed")).props).toMatchObject({ outcome: "We searched every system and hold no data about you.", downloadUntil: null });
    const view = await getStatusView(statusToken);
    expect(view?.status).toBe("COMPLETED");
    const completed = view!.events.find((e) => e.action === "request.completed")!;
    expect(timelineEntry(completed.action, completed.data, "UTC").detail).toBe("We emailed you what we did. Our answer: We searched every system and hold no data about you.");
  });

  it("requires the outcome for other types, and emails it", async () => {
    const { requestId } = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await expectRefusal(completeRequest(requestId, {}, officer), "OUTCOME_REQUIRED");
    await expectRefusal(completeRequest(requestId, { outcome: "   " }, officer), "OUTCOME_REQUIRED");

    await completeRequest(requestId, { outcome: "We erased your account and its conversations." }, officer);
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.completed",
      toStatus: "COMPLETED",
      data: { outcome: "We erased your account and its conversations.", packages: 0, downloadUntil: null },
    });
    expect((await latestEmail(requestId, "request-completed")).props).toMatchObject({
      outcome: "We erased your account and its conversations.",
      downloadUntil: null,
    });
  });

  it("refuses to complete a denied or already completed request", async () => {
    const denied = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await denyRequest(denied.requestId, { reason: "We hold no data about this address.", basis: "OTHER" }, officer);
    await expectRefusal(completeRequest(denied.requestId, { outcome: "Erased." }, officer), "INVALID_TRANSITION");
    expect((await db.request.findUniqueOrThrow({ where: { id: denied.requestId } })).status).toBe("DENIED");

    const done = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await completeRequest(done.requestId, { outcome: "Erased." }, officer);
    await expectRefusal(completeRequest(done.requestId, { outcome: "Erased again." }, officer), "INVALID_TRANSITION");
    expect((await templatesOf(done.requestId)).filter((t) => t === "request-completed")).toHaveLength(1);
  });
});
