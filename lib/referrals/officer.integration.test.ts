import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getCustomerReferralView } from "@/lib/referrals/customer";
import { runReferralFollowUps } from "@/lib/referrals/follow-up";
import { rerouteRequest, resendReferral, revokeReferralLinks, takeOverReferral } from "@/lib/referrals/officer";
import { denyRequest } from "@/lib/requests/handling/deny";
import { endUserAnswers } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The officer's four referral actions on the real database, with the demo customers of the seed:
// Acme Support Ltd runs "acme-help", Globex Retail GmbH runs "globex".

const DAY = 86_400_000;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

let officer: StaffUser;
let acmeHelp: string;
let globex: string;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  acmeHelp = (await db.workspace.findUniqueOrThrow({ where: { slug: "acme-help" } })).id;
  globex = (await db.workspace.findUniqueOrThrow({ where: { slug: "globex" } })).id;
});

/** A chatbot user of a company nobody registered: the rules leave it to the officer. */
async function needsRouting(now = new Date()) {
  const request = await verifiedRequest(endUserAnswers({ workspaceReference: "Initech Helpdesk" }), now);
  expect(await db.request.findUniqueOrThrow({ where: { id: request.requestId } })).toMatchObject({ route: "UNRESOLVED", status: "RECEIVED" });
  return request;
}

/** An unresolved request the officer referred to Acme, as the customer's link would open it. */
async function referredToAcme(now = new Date(), includesOperatorPart = false) {
  const request = await needsRouting(now);
  await rerouteRequest(request.requestId, { kind: "WORKSPACE", workspaceId: acmeHelp, includesOperatorPart }, officer, now);
  const referral = await db.referral.findFirstOrThrow({ where: { requestId: request.requestId } });
  return { ...request, referral };
}

const referralOf = (id: string) => db.referral.findUniqueOrThrow({ where: { id } });
const requestOf = (id: string) => db.request.findUniqueOrThrow({ where: { id } });
const activeLinks = (referralId: string) => db.referralToken.count({ where: { referralId, revokedAt: null } });
const referralEmails = (requestId: string) => db.emailOutbox.count({ where: { requestId, template: "referral-to-customer" } });
const tokenIn = async (requestId: string) => ((await latestEmail(requestId, "referral-to-customer")).props.referralUrl as string).split("/").pop()!;

describe("routing by the officer", () => {
  it("refers an unresolved request to the workspace the officer chose, and says so in the audit trail", async () => {
    const now = new Date();
    const { requestId } = await needsRouting(now);
    const before = (await eventsOf(requestId)).length;
    await rerouteRequest(requestId, { kind: "WORKSPACE", workspaceId: acmeHelp, includesOperatorPart: false }, officer, now);

    expect(await requestOf(requestId)).toMatchObject({ route: "CUSTOMER", status: "REFERRED" });
    const referral = await db.referral.findFirstOrThrow({ where: { requestId } });
    expect(referral).toMatchObject({ status: "SENT", workspaceId: acmeHelp, remindersSent: 0 });
    expect(await activeLinks(referral.id)).toBe(1);
    expect((await latestEmail(requestId, "referral-to-customer")).to).toBe("privacy@acme.example");
    expect((await latestEmail(requestId, "request-referred")).props).toMatchObject({ customerName: "Acme Support Ltd" });
    const added = (await eventsOf(requestId)).slice(before);
    expect(added.map((e) => [e.action, e.actorType, e.actorId, e.toStatus])).toEqual([
      ["request.rerouted", "STAFF", officer.id, null],
      ["referral.sent", "STAFF", officer.id, "REFERRED"],
    ]);
    expect(added[0]!.data).toMatchObject({ kind: "WORKSPACE", workspaceId: acmeHelp, includesOperatorPart: false, fromRoute: "UNRESOLVED" });
  });

  it("keeps a request with a part of our own in the queue while the customer answers for its workspace", async () => {
    const { requestId, referral } = await referredToAcme(new Date(), true);
    expect(await requestOf(requestId)).toMatchObject({ route: "SPLIT", status: "RECEIVED" });
    expect(referral.status).toBe("SENT");
    expect((await latestEmail(requestId, "referral-to-customer")).props).toMatchObject({ includesOperatorPart: true });
  });

  it("withdraws the open referral before sending the request elsewhere", async () => {
    const { requestId, referral } = await referredToAcme();
    const token = await tokenIn(requestId);
    await rerouteRequest(requestId, { kind: "WORKSPACE", workspaceId: globex, includesOperatorPart: false }, officer);

    expect(await referralOf(referral.id)).toMatchObject({ status: "WITHDRAWN", nextFollowUpAt: null, closedAt: expect.any(Date) });
    expect(await activeLinks(referral.id)).toBe(0);
    expect(await getCustomerReferralView(token)).toBeNull();
    const next = await db.referral.findFirstOrThrow({ where: { requestId, status: "SENT" } });
    expect(next.workspaceId).toBe(globex);
    expect(await requestOf(requestId)).toMatchObject({ route: "CUSTOMER", status: "REFERRED" });
    expect((await latestEmail(requestId, "referral-to-customer")).to).toBe("datenschutz@globex.example");
    const actions = (await eventsOf(requestId)).slice(-3).map((e) => [e.action, e.fromStatus, e.toStatus]);
    // Withdrawn first (the request is back with us for a moment), then routed and sent again.
    expect(actions).toEqual([
      ["referral.withdrawn", "REFERRED", "RECEIVED"],
      ["request.rerouted", null, null],
      ["referral.sent", "RECEIVED", "REFERRED"],
    ]);
  });

  it("keeps a request with the privacy team only", async () => {
    const { requestId, referral } = await referredToAcme();
    await rerouteRequest(requestId, { kind: "OPERATOR" }, officer);
    expect(await requestOf(requestId)).toMatchObject({ route: "OPERATOR", status: "RECEIVED" });
    expect(await referralOf(referral.id)).toMatchObject({ status: "WITHDRAWN" });
    const last = (await eventsOf(requestId)).slice(-2);
    expect(last.map((e) => e.action)).toEqual(["referral.withdrawn", "request.rerouted"]);
    expect(last[1]!.data).toEqual({ route: "OPERATOR", fromRoute: "CUSTOMER" });
  });

  it("refuses an unknown workspace, an unknown request and a closed request, and changes nothing", async () => {
    const { requestId } = await needsRouting();
    const before = (await eventsOf(requestId)).length;
    await expectRefusal(rerouteRequest(requestId, { kind: "WORKSPACE", workspaceId: randomUUID(), includesOperatorPart: false }, officer), "ROUTE_TARGET_INVALID");
    await expectRefusal(rerouteRequest(requestId, { kind: "WORKSPACE", workspaceId: "acme-help", includesOperatorPart: false }, officer), "ROUTE_TARGET_INVALID");
    await expectRefusal(rerouteRequest(randomUUID(), { kind: "OPERATOR" }, officer), "NOT_FOUND");
    expect(await requestOf(requestId)).toMatchObject({ route: "UNRESOLVED", status: "RECEIVED" });
    expect(await eventsOf(requestId)).toHaveLength(before);
    expect(await db.referral.count({ where: { requestId } })).toBe(0);

    await denyRequest(requestId, { reason: "Not a customer of ours.", basis: "OTHER" }, officer);
    await expectRefusal(rerouteRequest(requestId, { kind: "WORKSPACE", workspaceId: acmeHelp, includesOperatorPart: false }, officer), "INVALID_TRANSITION");
    await expectRefusal(rerouteRequest(requestId, { kind: "OPERATOR" }, officer), "INVALID_TRANSITION");
    expect(await requestOf(requestId)).toMatchObject({ route: "UNRESOLVED", status: "DENIED" });
  });
});

describe("the officer's hold on a referral", () => {
  it("sends it again with a new link, and the reminders start over", async () => {
    const sent = new Date("2031-03-03T09:00:00Z");
    const { requestId, referral } = await referredToAcme(sent);
    const firstToken = await tokenIn(requestId);
    await runReferralFollowUps(db, plus(sent, getEnv().REFERRAL_REMINDER_DAYS * DAY + 1000));
    expect(await referralOf(referral.id)).toMatchObject({ status: "SENT", remindersSent: 1 });

    const at = plus(sent, 6 * DAY);
    await resendReferral(referral.id, officer, at);
    expect(await referralOf(referral.id)).toMatchObject({
      status: "SENT",
      remindersSent: 0,
      nextFollowUpAt: plus(at, getEnv().REFERRAL_REMINDER_DAYS * DAY),
    });
    expect(await referralEmails(requestId)).toBe(2);
    const secondToken = await tokenIn(requestId);
    expect(secondToken).not.toBe(firstToken);
    // The reminder's link and the new one, and the first: all still work.
    expect(await activeLinks(referral.id)).toBe(3);
    expect(await getCustomerReferralView(secondToken)).toMatchObject({ state: "open" });
    const last = (await eventsOf(requestId)).at(-1)!;
    expect(last).toMatchObject({ action: "referral.resent", actorType: "STAFF", actorId: officer.id, toStatus: null, visibility: "INTERNAL" });
    expect(last.data).toMatchObject({ referralId: referral.id, customerName: "Acme Support Ltd" });
  });

  it("sends an escalated referral back to the customer, and the request with it", async () => {
    const sent = new Date("2031-05-05T09:00:00Z");
    const { requestId, referral } = await referredToAcme(sent);
    const { REFERRAL_REMINDER_DAYS: days, REFERRAL_MAX_REMINDERS: max } = getEnv();
    let at = sent;
    for (let step = 0; step <= max; step++) {
      at = plus(at, days * DAY + 1000);
      await runReferralFollowUps(db, at);
    }
    expect(await referralOf(referral.id)).toMatchObject({ status: "ESCALATED" });
    expect(await requestOf(requestId)).toMatchObject({ status: "RECEIVED", route: "CUSTOMER" });

    await resendReferral(referral.id, officer, plus(at, DAY));
    expect(await referralOf(referral.id)).toMatchObject({ status: "SENT", escalatedAt: null, remindersSent: 0 });
    expect(await requestOf(requestId)).toMatchObject({ status: "REFERRED" });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "referral.resent", fromStatus: "RECEIVED", toStatus: "REFERRED" });
  });

  it("revokes every link the customer holds and leaves the referral open", async () => {
    const { requestId, referral } = await referredToAcme();
    const token = await tokenIn(requestId);
    await resendReferral(referral.id, officer);
    expect(await activeLinks(referral.id)).toBe(2);

    await revokeReferralLinks(referral.id, officer);
    expect(await activeLinks(referral.id)).toBe(0);
    expect(await getCustomerReferralView(token)).toBeNull();
    expect(await getCustomerReferralView(await tokenIn(requestId))).toBeNull();
    expect(await referralOf(referral.id)).toMatchObject({ status: "SENT" });
    expect(await requestOf(requestId)).toMatchObject({ status: "REFERRED" });
    const last = (await eventsOf(requestId)).at(-1)!;
    expect(last).toMatchObject({ action: "referral.links_revoked", actorId: officer.id, visibility: "INTERNAL" });
    expect(last.data).toEqual({ referralId: referral.id, revoked: 2 });

    // Sending it again is how the customer gets a working link back.
    await resendReferral(referral.id, officer);
    expect(await getCustomerReferralView(await tokenIn(requestId))).toMatchObject({ state: "open" });
  });

  it("takes a referral over: the request comes back to the queue, routed to us", async () => {
    const { requestId, referral } = await referredToAcme();
    const token = await tokenIn(requestId);
    await takeOverReferral(referral.id, officer);

    expect(await referralOf(referral.id)).toMatchObject({ status: "WITHDRAWN", nextFollowUpAt: null, closedAt: expect.any(Date) });
    expect(await requestOf(requestId)).toMatchObject({ status: "RECEIVED", route: "OPERATOR" });
    expect(await activeLinks(referral.id)).toBe(0);
    expect(await getCustomerReferralView(token)).toBeNull();
    const last = (await eventsOf(requestId)).at(-1)!;
    // The requester sees who answers now.
    expect(last).toMatchObject({ action: "referral.taken_over", fromStatus: "REFERRED", toStatus: "RECEIVED", visibility: "PUBLIC", actorId: officer.id });
    expect(last.data).toMatchObject({ referralId: referral.id, customerName: "Acme Support Ltd" });
  });

  it("refuses every action on a closed referral or an unknown one, and records nothing", async () => {
    const { requestId, referral } = await referredToAcme();
    await takeOverReferral(referral.id, officer);
    const before = (await eventsOf(requestId)).length;
    const emails = await referralEmails(requestId);
    await expectRefusal(resendReferral(referral.id, officer), "REFERRAL_CLOSED");
    await expectRefusal(revokeReferralLinks(referral.id, officer), "REFERRAL_CLOSED");
    await expectRefusal(takeOverReferral(referral.id, officer), "REFERRAL_CLOSED");
    for (const unknown of [randomUUID(), "not-an-id"]) {
      await expectRefusal(resendReferral(unknown, officer), "NOT_FOUND");
      await expectRefusal(revokeReferralLinks(unknown, officer), "NOT_FOUND");
      await expectRefusal(takeOverReferral(unknown, officer), "NOT_FOUND");
    }
    expect(await eventsOf(requestId)).toHaveLength(before);
    expect(await referralEmails(requestId)).toBe(emails);
    expect(await referralOf(referral.id)).toMatchObject({ status: "WITHDRAWN" });
  });
});
