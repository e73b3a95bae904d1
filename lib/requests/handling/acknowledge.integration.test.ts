import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, eventsOf, expectRefusal, lastEvent, templatesOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

describe("acknowledgeRequest", () => {
  it("moves a received request into work with a public staff event and no email", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    const now = new Date();
    await acknowledgeRequest(requestId, officer, now);

    // Nobody held it: the officer who picked it up now does.
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "IN_PROGRESS", assigneeId: officer.id });
    expect(await lastEvent(requestId)).toMatchObject({ action: "request.assigned", visibility: "INTERNAL", data: { assigneeId: officer.id, previousAssigneeId: null, byAcknowledging: true } });
    expect((await eventsOf(requestId)).find((e) => e.action === "request.acknowledged")).toMatchObject({
      action: "request.acknowledged",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "RECEIVED",
      toStatus: "IN_PROGRESS",
      visibility: "PUBLIC",
      at: now,
    });
    expect(await templatesOf(requestId)).toEqual(["verify-email", "request-acknowledged"]);
    const view = await getStatusView(statusToken);
    expect(view?.events.map((e) => e.action)).toContain("request.acknowledged");
  });

  it("leaves a request someone else holds with them", async () => {
    const other = await createStaff("OFFICER");
    const { requestId } = await verifiedRequest();
    await db.request.update({ where: { id: requestId }, data: { assigneeId: other.id } });
    await acknowledgeRequest(requestId, officer);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).assigneeId).toBe(other.id);
    expect((await eventsOf(requestId)).map((e) => e.action)).not.toContain("request.assigned");
  });

  it("refuses a request already in progress, and one that does not exist", async () => {
    const { requestId } = await verifiedRequest();
    await acknowledgeRequest(requestId, officer);
    await expectRefusal(acknowledgeRequest(requestId, officer), "INVALID_TRANSITION");
    await expectRefusal(acknowledgeRequest("00000000-0000-4000-8000-000000000000", officer), "NOT_FOUND");
    await expectRefusal(acknowledgeRequest("not-a-uuid", officer), "NOT_FOUND");
    expect((await eventsOf(requestId)).filter((e) => e.action === "request.acknowledged")).toHaveLength(1);
  });

  it("decides concurrent acknowledgements one after the other", async () => {
    const { requestId } = await verifiedRequest();
    const results = await Promise.allSettled([acknowledgeRequest(requestId, officer), acknowledgeRequest(requestId, officer)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await eventsOf(requestId)).filter((e) => e.action === "request.acknowledged")).toHaveLength(1);
  });
});
