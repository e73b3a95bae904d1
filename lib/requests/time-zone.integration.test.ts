import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { computeDashboardStats } from "@/lib/dashboard/stats";
import { db } from "@/lib/db";
import { readOrganizationDetails, readTimeZone } from "@/lib/organization/settings";
import { queryQueue } from "@/lib/requests/queue";
import { submitRequest } from "@/lib/requests/submit";
import { clearSubmissionContextCache } from "@/lib/requests/submission-context";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, latestEmail } from "@/lib/testing/requests";
import { verifyByLink } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

// The operator's time zone decides the calendar day a deadline's clock starts on and what "today"
// is for overdue counts. Sunday 22 November 2026 at 23:30 UTC is already Monday in Berlin.

const LATE_SUNDAY = new Date("2026-11-22T23:30:00Z");

let officer: StaffUser;

async function useZone(timeZone: string) {
  await seed(db, { timeZone });
  clearSubmissionContextCache();
}

async function submitted(overrides: Record<string, unknown>, now: Date) {
  const result = await submitRequest(requestInput(overrides), { ip: null, now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.request.findUniqueOrThrow({ where: { id: result.data.requestId } });
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

afterAll(async () => {
  await useZone("UTC");
});

describe("stored due dates", () => {
  it("count from the operator's date of receipt (CCPA)", async () => {
    await useZone("Europe/Berlin");
    expect(await readTimeZone()).toBe("Europe/Berlin");
    const berlin = await submitted({ country: "US", region: "CA" }, LATE_SUNDAY);
    // From Monday 23 November: 45 days, and 10 business days to confirm receipt.
    expect(day(berlin.dueAt)).toBe("2027-01-07");
    expect(day(berlin.receiptDueAt)).toBe("2026-12-07");

    await useZone("UTC");
    const utc = await submitted({ country: "US", region: "CA" }, LATE_SUNDAY);
    expect(day(utc.dueAt)).toBe("2027-01-06");
    expect(day(utc.receiptDueAt)).toBe("2026-12-04");
  });

  it("count from the operator's date of verification (GDPR)", async () => {
    await useZone("Europe/Berlin");
    const request = await submitted({ country: "FR" }, new Date("2026-01-20T09:00:00Z"));
    // 23:30 UTC on 31 January is 1 February in Berlin: one month from then is 1 March, not 28 February.
    const verifiedAt = new Date("2026-01-31T23:30:00Z");
    await db.verificationChallenge.updateMany({ where: { requestId: request.id }, data: { expiresAt: new Date(verifiedAt.getTime() + 60_000) } });
    const { verifyUrl } = (await latestEmail(request.id, "verify-email")).props as { verifyUrl: string };
    expect(await verifyByLink(verifyUrl.split("/").pop()!, verifiedAt)).toMatchObject({ ok: true });
    expect(day((await db.request.findUniqueOrThrow({ where: { id: request.id } })).dueAt)).toBe("2026-03-01");
    expect((await latestEmail(request.id, "request-acknowledged")).props.dueDate).toBe("2026-03-01");
  });
});

describe("today, for staff", () => {
  it("turns a request overdue at midnight in the operator's zone, in the queue and on the overview", async () => {
    await useZone("UTC");
    // An opt-out is accepted at once, so its deadline runs in the queue from receipt.
    const request = await submitted({ country: "US", region: "CA", type: "OPT_OUT_SALE" }, new Date("2026-11-20T10:00:00Z"));
    expect(day(request.dueAt)).toBe("2026-12-11");
    const overdue = async (now: Date) =>
      (await queryQueue({ sort: "due", due: "overdue", q: request.reference }, officer, now)).rows.length === 1;

    // 23:30 UTC on the due day: still that day in UTC, the next in Berlin.
    const lateOnDueDay = new Date("2026-12-11T23:30:00Z");
    expect(await overdue(lateOnDueDay)).toBe(false);
    const utcFigures = await computeDashboardStats(lateOnDueDay);
    await useZone("Europe/Berlin");
    expect(await overdue(lateOnDueDay)).toBe(true);
    expect((await computeDashboardStats(lateOnDueDay)).overdue).toBe(utcFigures.overdue + 1);
    // And in Los Angeles, 07:30 UTC on the day after is still the due day.
    await useZone("America/Los_Angeles");
    expect(await overdue(new Date("2026-12-12T07:30:00Z"))).toBe(false);
  });
});

describe("the setting", () => {
  it("is written by the seed in its canonical form, and an unknown zone is refused", async () => {
    await useZone("europe/berlin");
    expect((await readOrganizationDetails()).timeZone).toBe("Europe/Berlin");
    await expect(seed(db, { timeZone: "Mars/Olympus_Mons" })).rejects.toThrow(RangeError);
    expect(await readTimeZone()).toBe("Europe/Berlin");
  });

  it("stops every deadline when the stored zone is unknown, rather than counting in UTC", async () => {
    await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "Atlantis/Capital" } });
    clearSubmissionContextCache();
    await expect(readTimeZone()).rejects.toThrow(/Unknown time zone/);
    await expect(submitRequest(requestInput({ country: "US", region: "CA" }), { ip: null })).rejects.toThrow(/Unknown time zone/);
    await useZone("UTC");
  });

  it("is kept when the seed runs without one, as on every start", async () => {
    await useZone("Asia/Singapore");
    await seed(db);
    expect(await readTimeZone()).toBe("Asia/Singapore");
  });
});
