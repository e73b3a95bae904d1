import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { handlingDefaults, handlingHistory, readHandling, readHandlingOverrides, updateHandling } from "@/lib/organization/handling";
import { HANDLING_KEYS, type HandlingInput } from "@/lib/organization/handling-schema";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { mintStatusToken, statusLinkRequestId } from "@/lib/requests/status-token";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff } from "@/lib/testing/requests";
import { readReminderSchedule, reminderStageDue } from "@/lib/verification/reminders";
import { seed } from "@/prisma/seed";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const allDefaults: HandlingInput = Object.fromEntries(HANDLING_KEYS.map((key) => [key, ""]));

let admin: StaffUser;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
});

beforeEach(async () => {
  await updateHandling(db, allDefaults, admin);
});

async function unverified(receivedAt: Date) {
  const result = await submitRequest(requestInput({ email: `handling.${receivedAt.getTime()}.${Math.random()}@example.com` }), { ip: null, now: receivedAt });
  if (!result.ok || !result.data.verificationRequired) throw new Error("expected a request waiting for verification");
  return result.data.requestId;
}

describe("request-handling settings", () => {
  it("take the environment's defaults until an admin overrides one, and the default again once the field is emptied", async () => {
    expect(await readHandling(db)).toEqual(handlingDefaults());
    expect((await readHandling(db)).packageLinkDays).toBe(getEnv().DATA_PACKAGE_LINK_DAYS);

    const { changes } = await updateHandling(db, { ...allDefaults, packageLinkDays: "14", referralMaxReminders: 0 }, admin);
    expect(changes).toEqual([
      { field: "packageLinkDays", from: null, to: 14 },
      { field: "referralMaxReminders", from: null, to: 0 },
    ]);
    // Saving clears this process's cache: the next read sees the change at once.
    expect(await readHandling(db)).toMatchObject({ packageLinkDays: 14, referralMaxReminders: 0, duplicateWindowDays: getEnv().DUPLICATE_WINDOW_DAYS });

    await updateHandling(db, { ...allDefaults, referralMaxReminders: "0" }, admin);
    expect((await readHandling(db)).packageLinkDays).toBe(getEnv().DATA_PACKAGE_LINK_DAYS);
    expect(await readHandlingOverrides(db)).toMatchObject({ packageLinkDays: null, referralMaxReminders: 0 });
  });

  it("keeps each change in the settings history with who made it, and records nothing when nothing changed", async () => {
    await updateHandling(db, { ...allDefaults, statusLinkDaysAfterClose: "30" }, admin);
    const before = await db.settingsEvent.count({ where: { area: "handling" } });
    const { changes } = await updateHandling(db, { ...allDefaults, statusLinkDaysAfterClose: "30" }, admin);
    expect(changes).toEqual([]);
    expect(await db.settingsEvent.count({ where: { area: "handling" } })).toBe(before);

    await updateHandling(db, allDefaults, admin);
    const [latest, earlier] = await handlingHistory(db);
    expect(latest).toMatchObject({ by: admin.email, changes: [{ field: "statusLinkDaysAfterClose", from: 30, to: null }] });
    expect(earlier).toMatchObject({ by: admin.email, changes: [{ field: "statusLinkDaysAfterClose", from: null, to: 30 }] });
  });

  it("refuses a value out of range, or a reminder that would fall outside the time a request waits, and changes nothing", async () => {
    await updateHandling(db, { ...allDefaults, duplicateWindowDays: "10" }, admin);
    const events = await db.settingsEvent.count({ where: { area: "handling" } });

    const outOfRange = updateHandling(db, { ...allDefaults, packageLinkDays: "0" }, admin);
    await expect(outOfRange).rejects.toThrow(ZodError);
    await expect(outOfRange).rejects.toThrow("Enter a whole number from 1 to 90, or leave it empty for the default");
    await expect(updateHandling(db, { ...allDefaults, referralReminderDays: "2.5" }, admin)).rejects.toThrow("Enter a whole number from 1 to 60");
    // Two days' wait with the default last reminder of 24 hours is fine; 48 hours before closing is the moment it was sent.
    await updateHandling(db, { ...allDefaults, duplicateWindowDays: "10", unverifiedExpiryDays: "2" }, admin);
    await expect(updateHandling(db, { ...allDefaults, unverifiedExpiryDays: "2", verificationLastReminderHours: "48" }, admin)).rejects.toThrow(
      "The last reminder must go after the request was sent: less than 48 hours before it closes",
    );
    await expect(updateHandling(db, { ...allDefaults, unverifiedExpiryDays: "1" }, admin)).rejects.toThrow(
      "The first reminder must go before the request closes (24 hours after it was sent)",
    );
    expect(await readHandlingOverrides(db)).toMatchObject({ duplicateWindowDays: 10, unverifiedExpiryDays: 2, verificationLastReminderHours: null });
    expect(await db.settingsEvent.count({ where: { area: "handling" } })).toBe(events + 1);
  });

  it("closes unconfirmed requests after the wait an admin set, and reminds before that close", async () => {
    const now = new Date();
    const threeDaysOld = await unverified(new Date(now.getTime() - 3 * DAY - HOUR));
    // The default wait (7 days): still open.
    await expireUnverifiedRequests(now);
    expect((await db.request.findUniqueOrThrow({ where: { id: threeDaysOld } })).status).toBe("PENDING_VERIFICATION");

    await updateHandling(db, { ...allDefaults, unverifiedExpiryDays: "3" }, admin);
    const schedule = await readReminderSchedule(db);
    expect(schedule.expiryDays).toBe(3);
    // The last reminder now falls 24 hours before the third day ends, not the seventh.
    expect(reminderStageDue(now, new Date(now.getTime() + 48 * HOUR), schedule)).toBe(2);

    await expireUnverifiedRequests(now);
    expect((await db.request.findUniqueOrThrow({ where: { id: threeDaysOld } })).status).toBe("CLOSED_UNVERIFIED");
    const closed = await db.requestEvent.findFirstOrThrow({ where: { requestId: threeDaysOld, action: "request.closed_unverified" } });
    expect(closed.data).toEqual({ afterDays: 3 });
  });

  it("ends a closed request's status link after the days an admin set", async () => {
    const requestId = await unverified(new Date());
    const closedAt = new Date(Date.now() - 10 * DAY);
    await db.request.update({ where: { id: requestId }, data: { status: "CLOSED_UNVERIFIED", closedAt } });
    const token = await db.$transaction((tx) => mintStatusToken(tx, requestId, new Date(closedAt.getTime() - DAY)));

    expect(await statusLinkRequestId(db, token)).toBe(requestId);
    await updateHandling(db, { ...allDefaults, statusLinkDaysAfterClose: "7" }, admin);
    expect(await statusLinkRequestId(db, token)).toBeNull();
  });
});
