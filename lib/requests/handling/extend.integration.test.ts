import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { denyRequest } from "@/lib/requests/handling/deny";
import { extendDeadline } from "@/lib/requests/handling/extend";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, expectRefusal, lastEvent, latestEmail, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const REASON = "Your data sits in three customers' workspaces and we must collect it from each.";
const day = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

async function row(requestId: string) {
  return db.request.findUniqueOrThrow({ where: { id: requestId } });
}

describe("extendDeadline", () => {
  it("adds the GDPR's two months to the original date, audits and tells the requester why", async () => {
    // Verified 31 January: due 28 February, extended to 28 April.
    const { requestId, email, statusToken } = await verifiedRequest({ country: "FR" }, new Date("2026-01-31T09:00:00Z"));
    const now = new Date("2026-02-20T10:00:00Z");
    expect(await extendDeadline(requestId, { reason: REASON }, officer, now)).toEqual({ extendedDueDate: "2026-04-28" });

    const request = await row(requestId);
    expect(request.dueAt).toEqual(day("2026-02-28"));
    expect(request.extendedDueAt).toEqual(day("2026-04-28"));
    expect(request.status).toBe("RECEIVED");
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.deadline_extended",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "RECEIVED",
      toStatus: "RECEIVED",
      visibility: "PUBLIC",
      data: { originalDueDate: "2026-02-28", extendedDueDate: "2026-04-28", reason: REASON },
      at: now,
    });
    expect((await templatesOf(requestId)).at(-1)).toBe("deadline-extended");
    const sent = await latestEmail(requestId, "deadline-extended");
    expect(sent.to).toBe(email);
    expect(sent.props).toMatchObject({
      originalDueDate: "2026-02-28",
      newDueDate: "2026-04-28",
      reason: REASON,
      regimeLabel: "GDPR (European Economic Area)",
    });
    expect(await getStatusView(tokenOf(String(sent.props.statusUrl)))).toMatchObject({ extendedDueAt: day("2026-04-28") });
    expect((await getStatusView(statusToken))?.events.at(-1)?.action).toBe("request.deadline_extended");
  });

  it("adds 45 days under the CCPA, counted from receipt", async () => {
    const { requestId } = await verifiedRequest({ country: "US", region: "CA" }, new Date("2026-11-20T12:00:00Z"));
    await extendDeadline(requestId, { reason: REASON }, officer, new Date("2026-12-01T12:00:00Z"));
    const request = await row(requestId);
    expect(request.dueAt).toEqual(day("2027-01-04"));
    expect(request.extendedDueAt).toEqual(day("2027-02-18"));
  });

  it("refuses a second extension", async () => {
    const { requestId } = await verifiedRequest({ country: "FR" }, new Date("2026-01-31T09:00:00Z"));
    await extendDeadline(requestId, { reason: REASON }, officer, new Date("2026-02-01T09:00:00Z"));
    await expectRefusal(extendDeadline(requestId, { reason: "Again" }, officer, new Date("2026-02-02T09:00:00Z")), "EXTENSION_ALREADY_USED");
    expect((await row(requestId)).extendedDueAt).toEqual(day("2026-04-28"));
    expect(await templatesOf(requestId)).toEqual(["verify-email", "request-acknowledged", "deadline-extended"]);
  });

  it("refuses where the law allows none (LGPD)", async () => {
    const { requestId } = await verifiedRequest({ country: "BR" }, new Date("2026-02-20T09:00:00Z"));
    await expectRefusal(extendDeadline(requestId, { reason: REASON }, officer, new Date("2026-02-21T09:00:00Z")), "EXTENSION_NOT_ALLOWED");
    expect((await row(requestId)).extendedDueAt).toBeNull();
    expect((await lastEvent(requestId)).action).toBe("request.verified");
  });

  it("allows it on the due day and refuses it once the original deadline has passed", async () => {
    const late = await verifiedRequest({ country: "FR" }, new Date("2026-01-31T09:00:00Z"));
    await expectRefusal(extendDeadline(late.requestId, { reason: REASON }, officer, new Date("2026-03-01T00:00:00Z")), "EXTENSION_TOO_LATE");
    expect((await row(late.requestId)).extendedDueAt).toBeNull();

    const onTime = await verifiedRequest({ country: "FR" }, new Date("2026-01-31T09:00:00Z"));
    await extendDeadline(onTime.requestId, { reason: REASON }, officer, new Date("2026-02-28T23:59:00Z"));
    expect((await row(onTime.requestId)).extendedDueAt).toEqual(day("2026-04-28"));
  });

  it("refuses a closed request and an empty reason", async () => {
    const { requestId } = await verifiedRequest({ country: "FR" });
    await expectRefusal(extendDeadline(requestId, { reason: "  " }, officer), "INVALID_INPUT");
    await denyRequest(requestId, { reason: "Duplicate of an earlier request.", basis: "OTHER" }, officer);
    await expectRefusal(extendDeadline(requestId, { reason: REASON }, officer), "INVALID_TRANSITION");
  });
});
