import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { assignRequest, bulkAcknowledge, bulkAssign } from "@/lib/requests/handling/assign";
import { denyRequest } from "@/lib/requests/handling/deny";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, eventsOf, expectRefusal, lastEvent, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

describe("assignRequest", () => {
  it("assigns to an officer with an internal event, and unassigns", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    const other = await createStaff("OFFICER");
    await assignRequest(requestId, other.id, officer);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).assigneeId).toBe(other.id);
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.assigned",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "RECEIVED",
      toStatus: "RECEIVED",
      visibility: "INTERNAL",
      data: { assigneeId: other.id, previousAssigneeId: null },
    });

    await assignRequest(requestId, null, officer);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).assigneeId).toBeNull();
    expect(await lastEvent(requestId)).toMatchObject({ action: "request.unassigned", data: { assigneeId: null, previousAssigneeId: other.id } });
    // The requester never sees who handles the request.
    const view = await getStatusView(statusToken);
    expect(view?.events.map((e) => e.action)).not.toContain("request.assigned");
  });

  it("records nothing when the assignee does not change", async () => {
    const { requestId } = await verifiedRequest();
    await assignRequest(requestId, officer.id, officer);
    const count = (await eventsOf(requestId)).length;
    await assignRequest(requestId, officer.id, officer);
    expect(await eventsOf(requestId)).toHaveLength(count);
  });

  it("refuses auditors, deactivated staff and unknown ids as assignees", async () => {
    const { requestId } = await verifiedRequest();
    const auditor = await createStaff("AUDITOR");
    const gone = await createStaff("OFFICER", { deactivatedAt: new Date() });
    await expectRefusal(assignRequest(requestId, auditor.id, officer), "ASSIGNEE_INVALID");
    await expectRefusal(assignRequest(requestId, gone.id, officer), "ASSIGNEE_INVALID");
    await expectRefusal(assignRequest(requestId, "00000000-0000-4000-8000-000000000000", officer), "ASSIGNEE_INVALID");
    const admin = await createStaff("ADMIN");
    await assignRequest(requestId, admin.id, officer);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).assigneeId).toBe(admin.id);
  });

  it("refuses to assign a closed request", async () => {
    const { requestId } = await verifiedRequest();
    await denyRequest(requestId, { reason: "Duplicate of an earlier request.", basis: "OTHER" }, officer);
    await expectRefusal(assignRequest(requestId, officer.id, officer), "INVALID_TRANSITION");
  });
});

describe("bulk actions", () => {
  it("assigns each request in its own transaction and reports what it skipped", async () => {
    const a = await verifiedRequest();
    const b = await verifiedRequest();
    const closed = await verifiedRequest();
    await denyRequest(closed.requestId, { reason: "Duplicate of an earlier request.", basis: "OTHER" }, officer);
    const missing = "00000000-0000-4000-8000-000000000001";

    const result = await bulkAssign([a.requestId, b.requestId, closed.requestId, missing, a.requestId], officer.id, officer);
    expect(result).toEqual({
      done: [a.requestId, b.requestId],
      skipped: [
        { id: closed.requestId, code: "INVALID_TRANSITION" },
        { id: missing, code: "NOT_FOUND" },
      ],
    });
    const assigned = await db.request.findMany({ where: { assigneeId: officer.id, id: { in: [a.requestId, b.requestId] } } });
    expect(assigned).toHaveLength(2);
  });

  it("refuses the whole batch for an invalid assignee or more than 100 ids", async () => {
    const a = await verifiedRequest();
    const auditor = await createStaff("AUDITOR");
    await expectRefusal(bulkAssign([a.requestId], auditor.id, officer), "ASSIGNEE_INVALID");
    const tooMany = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    await expectRefusal(bulkAssign(tooMany, officer.id, officer), "BULK_LIMIT");
    await expectRefusal(bulkAcknowledge(tooMany, officer), "BULK_LIMIT");
    expect((await db.request.findUniqueOrThrow({ where: { id: a.requestId } })).assigneeId).toBeNull();
  });

  it("acknowledges the received requests and skips the others", async () => {
    const a = await verifiedRequest();
    const b = await verifiedRequest();
    await acknowledgeRequest(b.requestId, officer);
    const result = await bulkAcknowledge([a.requestId, b.requestId], officer);
    expect(result).toEqual({ done: [a.requestId], skipped: [{ id: b.requestId, code: "INVALID_TRANSITION" }] });
    expect((await eventsOf(a.requestId)).find((e) => e.action === "request.acknowledged")).toMatchObject({ actorId: officer.id, toStatus: "IN_PROGRESS" });
    // Acknowledging in bulk takes the unassigned ones too.
    expect((await db.request.findUniqueOrThrow({ where: { id: a.requestId } })).assigneeId).toBe(officer.id);
  });
});
