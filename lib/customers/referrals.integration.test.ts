import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { listCustomerReferrals } from "@/lib/customers/queries";
import { db } from "@/lib/db";
import { acknowledgeReferral, closeReferral } from "@/lib/referrals/customer";
import { createStaff, referredRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// A customer's page lists its referrals (issue 13): the open ones with the longest waiting first,
// the closed ones newest first, each with its request, workspace, state in words and dates.

let auditor: StaffUser;

beforeAll(async () => {
  await seed(db);
  auditor = await createStaff("AUDITOR");
});

describe("a customer's referrals", () => {
  it("lists the open ones oldest first and the closed ones newest first, with their states and dates", async () => {
    const waiting = await referredRequest({}, new Date("2026-11-01T09:00:00Z"));
    const acknowledged = await referredRequest({}, new Date("2026-11-02T09:00:00Z"));
    await acknowledgeReferral(acknowledged.token);
    const done = await referredRequest({}, new Date("2026-11-03T09:00:00Z"));
    await closeReferral(done.token, "COMPLETED", "Erased in our workspace.", new Date("2026-11-05T09:00:00Z"));
    const refused = await referredRequest({}, new Date("2026-11-04T09:00:00Z"));
    await closeReferral(refused.token, "REFUSED", "We must keep it.", new Date("2026-11-06T09:00:00Z"));

    const customerId = waiting.referral.customerId;
    const list = await listCustomerReferrals(auditor, customerId);
    const mine = <T extends { requestId: string }>(rows: T[]) => rows.filter((r) => [waiting, acknowledged, done, refused].some((x) => x.requestId === r.requestId));
    expect(mine(list.open).map((r) => [r.requestId, r.state, r.workspace])).toEqual([
      [waiting.requestId, "awaiting acknowledgement", "Acme Help"],
      [acknowledged.requestId, "acknowledged", "Acme Help"],
    ]);
    expect(mine(list.closed).map((r) => [r.requestId, r.state, r.closedAt?.toISOString()])).toEqual([
      [refused.requestId, "refused by customer", "2026-11-06T09:00:00.000Z"],
      [done.requestId, "completed by customer", "2026-11-05T09:00:00.000Z"],
    ]);
    expect(mine(list.open)[0]).toMatchObject({ reference: expect.stringMatching(/^DSR-/), type: "DELETION", sentAt: new Date("2026-11-01T09:00:00Z") });
    // Another customer's page does not show them.
    const other = await db.customer.findFirstOrThrow({ where: { id: { not: customerId } } });
    expect(mine((await listCustomerReferrals(auditor, other.id)).open)).toEqual([]);
  });
});
