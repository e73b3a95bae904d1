import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { advanceClock, now, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { purgeExpiredPackages } from "@/lib/packages/purge";
import { deliverWorkspaceExport } from "@/lib/referrals/export";
import { attachDataPackage, completeRequest, listRequesterPackages, openDataPackage } from "@/lib/requests/handling/complete";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { createStaff, expectRefusal, referredRequest, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// Housekeeping deletes the bytes of data packages a grace period after their download link
// expired, for the requester's answers and the customers' workspace exports alike.

const DAY_MS = 86_400_000;
const CONTENT = new TextEncoder().encode(JSON.stringify({ conversations: ["Hello, I need help with my order"] }));
// Named after the person, as staff sometimes do: the name must not reach the audit trail.
const file = (filename = "ada-lovelace-export.json") => ({ filename, contentType: "application/json", bytes: CONTENT });

let officer: StaffUser;
let graceDays: number;
let linkDays: number;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  ({ PACKAGE_PURGE_GRACE_DAYS: graceDays, DATA_PACKAGE_LINK_DAYS: linkDays } = getEnv());
});

afterEach(() => {
  resetClock();
});

const packageRow = (id: string) => db.dataPackage.findUniqueOrThrow({ where: { id } });
const purgeEvents = (requestId: string) => db.requestEvent.findMany({ where: { requestId, action: "package.purged" } });

describe("purgeExpiredPackages", () => {
  it("deletes a package's bytes only after the link expired and the grace period passed, and records it", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    const { packageId } = await attachDataPackage(requestId, file(), officer, now());
    const { downloadUntil } = await completeRequest(requestId, {}, officer, now());
    const referred = await referredRequest();
    const { packageId: exportId } = await deliverWorkspaceExport(referred.referral.id, file("acme-help/ada.json"), officer, now());
    // An open request's package: its link is not even offered yet, however old the file is.
    const open = await verifiedRequest();
    const { packageId: waitingId } = await attachDataPackage(open.requestId, file(), officer, new Date(now().getTime() - 400 * DAY_MS));
    expect(downloadUntil!.getTime()).toBeCloseTo(now().getTime() + linkDays * DAY_MS, -4);

    // The day before the grace period ends: nothing is purged.
    advanceClock((linkDays + graceDays - 1) * DAY_MS);
    expect(await purgeExpiredPackages()).toBe(0);
    expect((await packageRow(packageId)).ciphertext).not.toBeNull();
    expect((await packageRow(exportId)).ciphertext).not.toBeNull();
    expect(await purgeEvents(requestId)).toEqual([]);

    // Two days later: both are purged, the open request's file is not.
    advanceClock(2 * DAY_MS);
    const purgedAt = now();
    expect(await purgeExpiredPackages(purgedAt)).toBe(2);
    for (const id of [packageId, exportId]) {
      const row = await packageRow(id);
      expect(row.ciphertext).toBeNull();
      expect(row.purgedAt).toEqual(purgedAt);
      // The record of the file stays.
      expect(row).toMatchObject({ size: CONTENT.byteLength });
      expect(row.filename).toMatch(/ada/);
    }
    expect((await packageRow(waitingId)).ciphertext).not.toBeNull();
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("COMPLETED");

    const [event] = await purgeEvents(requestId);
    expect(event).toMatchObject({ actorType: "SYSTEM", visibility: "INTERNAL", fromStatus: "COMPLETED", toStatus: "COMPLETED", at: purgedAt });
    expect(event!.data).toEqual({ packageId, workspaceExport: false, linkExpiredAt: downloadUntil!.toISOString(), graceDays });
    expect(JSON.stringify(event!.data)).not.toMatch(/ada|lovelace/i);
    const [exportEvent] = await purgeEvents(referred.requestId);
    expect(exportEvent!.data).toMatchObject({ packageId: exportId, workspaceExport: true });

    // Once only, however often housekeeping runs.
    expect(await purgeExpiredPackages()).toBe(0);
    expect(await purgeEvents(requestId)).toHaveLength(1);

    // The requester's status page and the officer's request page say the file was deleted, and
    // the download answers "expired".
    const [listed] = await listRequesterPackages(requestId, now());
    expect(listed).toMatchObject({ id: packageId, expired: true, purgedAt });
    await expectRefusal(openDataPackage(statusToken, packageId, now()), "PACKAGE_EXPIRED");
    const detail = await getRequestDetail(requestId, officer, now());
    expect(detail!.packages).toMatchObject([{ id: packageId, purgedAt }]);
  });

  it("purges a package of a request closed without it (denied) the grace period after the request closed", async () => {
    const { requestId } = await verifiedRequest();
    const { packageId } = await attachDataPackage(requestId, file(), officer, now());
    // Closed a long while after the file's provisional link window.
    const closedAt = new Date(now().getTime() + 60 * DAY_MS);
    await db.request.update({ where: { id: requestId }, data: { status: "DENIED", closedAt } });

    advanceClock(60 * DAY_MS + (graceDays - 1) * DAY_MS);
    expect(await purgeExpiredPackages()).toBe(0);
    advanceClock(2 * DAY_MS);
    expect(await purgeExpiredPackages()).toBe(1);
    expect((await packageRow(packageId)).ciphertext).toBeNull();
  });
});
