import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, eventsOf, expectRefusal, lastEvent, latestEmail, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const BASIS = "We could not match the account to the address you gave.";
const APPEAL = "The account is mine; I signed up with this address in 2024.";

/** A request refused under a US state law, which gives the requester an appeal. */
async function deniedInVirginia(now = new Date()) {
  const request = await verifiedRequest({ country: "US", region: "VA", type: "DELETION", details: { scope: "ALL" }, name: "Grace Hopper" }, now);
  await denyRequest(request.requestId, { reason: BASIS, basis: "OTHER" }, officer, now);
  return request;
}

describe("appealDecision", () => {
  it("opens a linked APPEAL request with the requester's details, its own 60-day deadline and a status link", async () => {
    const original = await deniedInVirginia(new Date("2026-03-01T08:00:00Z"));
    const now = new Date("2026-03-05T10:00:00Z");
    const outcome = await appealDecision(original.statusToken, { reason: APPEAL }, now);

    const appeal = await db.request.findUniqueOrThrow({ where: { id: outcome.requestId } });
    const denied = await db.request.findUniqueOrThrow({ where: { id: original.requestId } });
    expect(appeal).toMatchObject({
      type: "APPEAL",
      status: "RECEIVED",
      appealOfId: original.requestId,
      requesterName: "Grace Hopper",
      requesterEmail: original.email,
      country: "US",
      region: "VA",
      jurisdiction: "US_STATE",
      relationship: denied.relationship,
      details: { reason: APPEAL },
      receivedAt: now,
      verifiedAt: now,
      // Our own decision appealed: routed to the privacy team, never offered to a customer.
      route: "OPERATOR",
      dueAt: new Date("2026-05-04T00:00:00.000Z"),
      reference: outcome.reference,
    });
    expect(denied.status).toBe("DENIED");

    expect(await eventsOf(appeal.id)).toMatchObject([
      {
        action: "request.submitted",
        actorType: "REQUESTER",
        toStatus: "RECEIVED",
        visibility: "PUBLIC",
        data: { type: "APPEAL", jurisdiction: "US_STATE", appealOf: denied.reference },
      },
      { action: "request.routed", actorType: "SYSTEM", visibility: "INTERNAL", data: { route: "OPERATOR", appealOf: denied.reference } },
    ]);
    expect(await lastEvent(original.requestId)).toMatchObject({
      action: "request.appealed",
      actorType: "REQUESTER",
      fromStatus: "DENIED",
      toStatus: "DENIED",
      visibility: "PUBLIC",
      data: { appealRequestId: appeal.id, appealReference: appeal.reference },
    });
    // The appeal's reason is the requester's words: never in the audit trail.
    for (const event of [...(await eventsOf(appeal.id)), ...(await eventsOf(original.requestId))]) {
      expect(JSON.stringify(event.data)).not.toContain("signed up");
    }

    const sent = await latestEmail(appeal.id, "request-acknowledged");
    expect(sent.to).toBe(original.email);
    expect(sent.props).toMatchObject({
      reference: appeal.reference,
      requestTypeLabel: "Appeal a decision",
      dueDate: "2026-05-04",
      verificationRequired: false,
    });
    expect(await getStatusView(tokenOf(outcome.statusPath))).toMatchObject({ id: appeal.id, type: "APPEAL", status: "RECEIVED", appeal: { ofReference: denied.reference, reason: expect.stringContaining("signed up") } });
    expect(await getStatusView(tokenOf(String(sent.props.statusUrl)))).toMatchObject({ id: appeal.id });
  });

  it("allows one appeal per request, even when two arrive at once", async () => {
    const original = await deniedInVirginia();
    const results = await Promise.allSettled([
      appealDecision(original.statusToken, { reason: APPEAL }),
      appealDecision(original.statusToken, { reason: APPEAL }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expectRefusal(appealDecision(original.statusToken, { reason: APPEAL }), "APPEAL_ALREADY_OPEN");
    expect(await db.request.count({ where: { appealOfId: original.requestId } })).toBe(1);
  });

  it("is not available where the law gives no appeal (GDPR, CCPA)", async () => {
    for (const where of [{ country: "DE" }, { country: "US", region: "CA" }]) {
      const { requestId, statusToken } = await verifiedRequest(where);
      await denyRequest(requestId, { reason: BASIS, basis: "OTHER" }, officer);
      await expectRefusal(appealDecision(statusToken, { reason: APPEAL }), "APPEAL_NOT_AVAILABLE");
      expect(await db.request.count({ where: { appealOfId: requestId } })).toBe(0);
    }
  });

  it("is not available for a request that was not denied", async () => {
    const open = await verifiedRequest({ country: "US", region: "VA" });
    await expectRefusal(appealDecision(open.statusToken, { reason: APPEAL }), "APPEAL_NOT_AVAILABLE");
    const done = await verifiedRequest({ country: "US", region: "VA", type: "DELETION", details: { scope: "ALL" } });
    await completeRequest(done.requestId, { outcome: "Erased." }, officer);
    await expectRefusal(appealDecision(done.statusToken, { reason: APPEAL }), "APPEAL_NOT_AVAILABLE");
  });

  it("ends with the appeal: refusing it points to the Attorney General, and it cannot be appealed again", async () => {
    const original = await deniedInVirginia();
    const appeal = await appealDecision(original.statusToken, { reason: APPEAL });
    await denyRequest(appeal.requestId, { reason: "We reviewed the records again and reached the same result.", basis: "OTHER" }, officer);

    expect((await latestEmail(appeal.requestId, "request-denied")).props).toMatchObject({
      isAppeal: true,
      appealAvailable: false,
      regulator: "the Virginia Attorney General (www.oag.state.va.us)",
    });
    await expectRefusal(appealDecision(tokenOf(appeal.statusPath), { reason: APPEAL }), "APPEAL_NOT_AVAILABLE");
  });

  it("refuses an unknown link and an empty reason", async () => {
    const original = await deniedInVirginia();
    await expectRefusal(appealDecision("y".repeat(43), { reason: APPEAL }), "NOT_FOUND");
    await expectRefusal(appealDecision(original.statusToken, { reason: "" }), "INVALID_INPUT");
  });
});
