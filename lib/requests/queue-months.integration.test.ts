import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { queryQueue } from "@/lib/requests/queue";
import { parseQueueFilters } from "@/lib/requests/queue-filters";
import { createStaff, requestRow } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The overview's bars open the queue by month: received in, or answered in, a calendar month of
// the operator's time zone (Berlin here), whatever UTC says at the month's edges.

const NOW = new Date("2026-06-15T12:00:00Z");
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
  officer = await createStaff("OFFICER");
  const rows: [string, Date, Partial<{ status: "COMPLETED" | "DENIED" | "IN_PROGRESS"; closedAt: Date }>][] = [
    // 30 April 22:30 UTC is already 1 May in Berlin; 31 May 22:30 UTC is 1 June there.
    ["DSR-MNTH-0001", new Date("2026-04-30T22:30:00Z"), { status: "COMPLETED", closedAt: new Date("2026-05-31T22:30:00Z") }],
    ["DSR-MNTH-0002", new Date("2026-04-30T21:30:00Z"), { status: "DENIED", closedAt: new Date("2026-05-31T21:30:00Z") }],
    ["DSR-MNTH-0003", new Date("2026-05-31T21:59:00Z"), { status: "IN_PROGRESS" }],
    ["DSR-MNTH-0004", new Date("2026-05-31T22:00:00Z"), { status: "COMPLETED", closedAt: new Date("2026-06-02T08:00:00Z") }],
  ];
  for (const [reference, receivedAt, f] of rows) await requestRow(f.status ?? "IN_PROGRESS", { reference, receivedAt, closedAt: f.closedAt ?? null });
});

async function references(params: Record<string, string>): Promise<string[]> {
  const page = await queryQueue(parseQueueFilters({ ...params, sort: "received" }), officer, NOW);
  return page.rows.map((r) => r.reference).filter((r) => r.startsWith("DSR-MNTH-"));
}

describe("the queue's month filters", () => {
  it("takes the requests received in the operator's month, newest first", async () => {
    expect(await references({ received: "2026-05" })).toEqual(["DSR-MNTH-0003", "DSR-MNTH-0001"]);
    expect(await references({ received: "2026-04" })).toEqual(["DSR-MNTH-0002"]);
    expect(await references({ received: "2026-06" })).toEqual(["DSR-MNTH-0004"]);
  });

  it("takes the requests completed or denied in the month, as the on-time chart counts them", async () => {
    expect(await references({ closed: "2026-05" })).toEqual(["DSR-MNTH-0002"]);
    expect(await references({ closed: "2026-06" })).toEqual(["DSR-MNTH-0004", "DSR-MNTH-0001"]);
    // With the other filters: received in May and answered in June.
    expect(await references({ received: "2026-05", closed: "2026-06" })).toEqual(["DSR-MNTH-0001"]);
  });
});
