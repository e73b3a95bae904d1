import { describe, expect, it } from "vitest";
import { finishedMonths, lastMonths, overviewCharts } from "@/lib/dashboard/charts";
import { db } from "@/lib/db";
import { requestRow } from "@/lib/testing/requests";

// The overview's charts against hand-counted rows: months in the operator's time zone (an empty
// month stays in the series), on time or late, days to close, and the open requests by time left.

const now = new Date("2026-11-20T12:00:00Z");

describe("overview charts", () => {
  it("counts the last 12 months by type, on-time closes and days to close, and open requests by time left per law", async () => {
    expect(lastMonths(now, "UTC")).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    // 1 December 2025 00:30 in Berlin is still 30 November in UTC: in Berlin's series, not in UTC's.
    await requestRow("RECEIVED", { type: "DELETION", receivedAt: new Date("2025-11-30T23:30:00Z"), dueAt: new Date("2026-11-19"), jurisdiction: "GDPR" }); // overdue
    await requestRow("COMPLETED", { receivedAt: new Date("2026-10-01T10:00:00Z"), closedAt: new Date("2026-10-03T10:00:00Z"), dueAt: new Date("2026-10-31") }); // 2 days, on time
    await requestRow("DENIED", { type: "DELETION", receivedAt: new Date("2026-09-01T10:00:00Z"), closedAt: new Date("2026-10-11T10:00:00Z"), dueAt: new Date("2026-10-01") }); // 40 days, late
    await requestRow("COMPLETED", { receivedAt: new Date("2026-10-05T10:00:00Z"), closedAt: new Date("2026-10-15T10:00:00Z"), dueAt: new Date("2026-10-01"), extendedDueAt: new Date("2026-11-30") }); // 10 days, on time (extended)
    await requestRow("IN_PROGRESS", { receivedAt: new Date("2026-11-10T10:00:00Z"), dueAt: new Date("2026-11-25"), jurisdiction: "CCPA" }); // this week
    await requestRow("AWAITING_REQUESTER", { receivedAt: new Date("2026-11-11T10:00:00Z"), dueAt: new Date("2026-12-20"), jurisdiction: "CCPA" }); // later
    await requestRow("REFERRED", { receivedAt: new Date("2026-11-12T10:00:00Z"), dueAt: new Date("2026-11-01"), jurisdiction: "CCPA" }); // overdue, with the customer
    await requestRow("COMPLETED", { receivedAt: new Date("2024-01-01T10:00:00Z"), closedAt: new Date("2024-01-05T10:00:00Z") }); // long before

    const utc = await overviewCharts(db, now, "UTC");
    const month = (m: string) => utc.months.find((x) => x.month === m)!;
    expect(utc.months).toHaveLength(12);
    expect(month("2025-12").receivedTotal).toBe(0);
    expect(month("2026-09")).toMatchObject({ receivedTotal: 1, received: { DELETION: 1 }, closed: 0 });
    expect(month("2026-10")).toMatchObject({ receivedTotal: 2, received: { ACCESS: 2 }, closed: 3, onTime: 2, medianDays: 10 });
    expect(month("2026-10").p90Days).toBeCloseTo(34, 5);
    expect(month("2026-11")).toMatchObject({ receivedTotal: 3, closed: 0, medianDays: null });
    expect(utc.open).toEqual([
      { jurisdiction: "GDPR", overdue: 1, week: 0, later: 0 },
      { jurisdiction: "CCPA", overdue: 1, week: 1, later: 1 },
    ].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction)));

    const berlin = await overviewCharts(db, now, "Europe/Berlin");
    expect(berlin.months.find((x) => x.month === "2025-12")).toMatchObject({ receivedTotal: 1, received: { DELETION: 1 } });
  });

  it("aggregates a finished month once and keeps it; the month under way is counted on every view", async () => {
    const later = new Date("2027-03-15T12:00:00Z");
    await requestRow("COMPLETED", { receivedAt: new Date("2027-01-10T10:00:00Z"), closedAt: new Date("2027-01-12T10:00:00Z"), dueAt: new Date("2027-02-09") });
    await requestRow("RECEIVED", { receivedAt: new Date("2027-03-02T10:00:00Z") });
    const first = await overviewCharts(db, later, "UTC");
    expect(first.months.find((m) => m.month === "2027-01")).toMatchObject({ receivedTotal: 1, closed: 1, onTime: 1, medianDays: 2 });
    expect(first.months.find((m) => m.month === "2027-03")).toMatchObject({ receivedTotal: 1 });
    expect((await db.chartMonth.findMany({ where: { timeZone: "UTC" } })).map((r) => r.month)).toEqual(expect.arrayContaining(["2026-04", "2027-01", "2027-02"]));
    expect(await db.chartMonth.count({ where: { timeZone: "UTC", month: "2027-03" } })).toBe(0);

    // A row written straight into a finished month afterwards (nothing in the portal does that) is
    // not seen: the month's figures were kept. The month under way takes its new rows at once.
    await requestRow("RECEIVED", { receivedAt: new Date("2027-01-20T10:00:00Z") });
    await requestRow("RECEIVED", { receivedAt: new Date("2027-03-10T10:00:00Z") });
    const second = await overviewCharts(db, later, "UTC");
    expect(second.months.find((m) => m.month === "2027-01")).toMatchObject({ receivedTotal: 1 });
    expect(second.months.find((m) => m.month === "2027-03")).toMatchObject({ receivedTotal: 2 });
    // Kept per time zone: Berlin's months are aggregated on their own.
    expect((await overviewCharts(db, later, "Europe/Berlin")).months.find((m) => m.month === "2027-01")).toMatchObject({ receivedTotal: 2 });
  });

  it("keeps last month live on the first day of the next, when a late close may still land in it", () => {
    const months = lastMonths(new Date("2027-03-01T12:00:00Z"), "UTC");
    expect(finishedMonths(months, new Date("2027-03-01T12:00:00Z"), "UTC").at(-1)).toBe("2027-01");
    expect(finishedMonths(months, new Date("2027-03-02T00:30:00Z"), "UTC").at(-1)).toBe("2027-02");
    // 1 March 00:30 in Berlin is still 28 February in UTC: February is under way there.
    expect(finishedMonths(lastMonths(new Date("2027-02-28T23:30:00Z"), "Europe/Berlin"), new Date("2027-02-28T23:30:00Z"), "Europe/Berlin").at(-1)).toBe("2027-01");
  });
});
