import { describe, expect, it } from "vitest";
import { computeDashboardStats, countAssignedTo } from "@/lib/dashboard/stats";
import { createStaff, requestRow } from "@/lib/testing/requests";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

const now = new Date("2026-11-22T12:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2026, 10, 22 + offset));

const request = (status: RequestStatus, f: { due?: Date; extended?: Date; received?: Date; closed?: Date; route?: "UNRESOLVED" | "OPERATOR"; assigneeId?: string } = {}) =>
  requestRow(status, { receivedAt: f.received ?? day(-10), dueAt: f.due ?? null, extendedDueAt: f.extended ?? null, closedAt: f.closed ?? null, route: f.route ?? null, assigneeId: f.assigneeId ?? null });

describe("dashboard figures", () => {
  it("counts by status, overdue, due this week, those needing routing and the median days to close", async () => {
    await request("RECEIVED", { due: day(-1), route: "UNRESOLVED" }); // overdue, needs routing
    await request("IN_PROGRESS", { due: day(-5), extended: day(20) }); // extended: not overdue, later
    await request("AWAITING_REQUESTER", { due: day(3) }); // due this week
    await request("IN_PROGRESS", { due: day(7) }); // a week away: later
    await request("REFERRED", { due: day(-2) }); // with the customer, still ours to answer for: overdue
    await request("COMPLETED", { due: day(-30), received: day(-20), closed: day(-18) }); // 2 days to close
    await request("DENIED", { due: day(-30), received: day(-39), closed: day(-29) }); // 10 days
    await request("COMPLETED", { received: day(-300), closed: day(-200) }); // only in the 365-day window
    await request("PENDING_VERIFICATION");
    await request("AWAITING_REQUESTER", { due: day(20), route: "UNRESOLVED" }); // needs routing
    await request("DENIED", { due: day(-30), route: "UNRESOLVED" }); // closed: routes nowhere any more
    await request("IN_PROGRESS", { due: day(20), route: "OPERATOR" });

    const stats = await computeDashboardStats(now);
    expect(stats.byStatus).toMatchObject({ RECEIVED: 1, IN_PROGRESS: 3, AWAITING_REQUESTER: 2, REFERRED: 1, COMPLETED: 2, DENIED: 2, PENDING_VERIFICATION: 1 });
    expect(stats.overdue).toBe(2);
    expect(stats.dueThisWeek).toBe(1);
    expect(stats.needsRouting).toBe(2);
    expect(stats.medianDaysToClose).toEqual([
      { days: 30, median: 6, closed: 2 },
      { days: 90, median: 6, closed: 2 },
      { days: 365, median: 10, closed: 3 },
    ]);
  });

  it("counts the unfinished requests a staff member holds", async () => {
    const officer = await createStaff("OFFICER");
    await request("IN_PROGRESS", { assigneeId: officer.id });
    await request("AWAITING_REQUESTER", { assigneeId: officer.id });
    await request("REFERRED", { assigneeId: officer.id });
    await request("COMPLETED", { assigneeId: officer.id, closed: day(-1) });
    await request("IN_PROGRESS");
    expect(await countAssignedTo(officer.id)).toBe(3);
    expect(await countAssignedTo((await createStaff("OFFICER")).id)).toBe(0);
  });
});
