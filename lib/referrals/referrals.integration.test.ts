import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/actions/domain-error";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { acknowledgeReferral, closeReferral, getCustomerReferralView, requestWorkspaceExport } from "@/lib/referrals/customer";
import { runReferralFollowUps } from "@/lib/referrals/follow-up";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { endUserAnswers, requestInput } from "@/lib/testing/fixtures";
import { latestEmail, referredRequest, templatesOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The referral's life as the requester, the customer and the follow-up job see it, on the real
// database with the demo customers from the seed (Acme Support Ltd runs workspace "acme-help").

beforeAll(async () => {
  await seed(db);
});

const DAY = 86_400_000;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

async function actions(requestId: string) {
  const events = await db.requestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
  return events.map((e) => [e.action, e.toStatus]);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.code;
}

describe("routing at verification", () => {
  it("refers workspace data to the customer and tells the requester who controls it", async () => {
    const { requestId, referral } = await referredRequest();
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ route: "CUSTOMER", status: "REFERRED" });
    expect(referral).toMatchObject({ status: "SENT", remindersSent: 0 });
    expect(referral.nextFollowUpAt!.getTime() - referral.sentAt.getTime()).toBe(getEnv().REFERRAL_REMINDER_DAYS * DAY);
    // The customer's email instead of our acknowledgement.
    expect(await templatesOf(requestId)).toEqual(["verify-email", "referral-to-customer", "request-referred"]);
    const toCustomer = await latestEmail(requestId, "referral-to-customer");
    expect(toCustomer.to).toBe("privacy@acme.example");
    expect(toCustomer.props).toMatchObject({
      customerName: "Acme Support Ltd",
      workspaceName: "Acme Help",
      requestTypeLabel: expect.stringMatching(/delet/i),
      requester: { name: "Ada Lovelace" },
      includesOperatorPart: false,
    });
    expect(toCustomer.props.dueDate).toBe(request.dueAt!.toISOString().slice(0, 10));
    const toRequester = await latestEmail(requestId, "request-referred");
    expect(toRequester.props).toMatchObject({ customerName: "Acme Support Ltd", customerContactEmail: "privacy@acme.example" });
    expect(await actions(requestId)).toEqual([
      ["request.submitted", "PENDING_VERIFICATION"],
      ["request.verified", "RECEIVED"],
      ["request.routed", null],
      ["referral.sent", "REFERRED"],
    ]);
  });

  it("keeps a request about both in the officer's queue and refers the workspace part", async () => {
    const { requestId } = await referredRequest({ dataScope: "WORKSPACE_AND_OPERATOR", workspaceReference: "Globex Kundenservice" });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ route: "SPLIT", status: "RECEIVED" });
    const toCustomer = await latestEmail(requestId, "referral-to-customer");
    expect(toCustomer.to).toBe("datenschutz@globex.example");
    expect(toCustomer.props).toMatchObject({ language: "de", includesOperatorPart: true });
  });

  it("matches by the domain of the company's email address", async () => {
    const { requestId } = await referredRequest({ workspaceReference: "the shop's chat", companyEmail: "Support@help.acme.example" });
    expect((await db.referral.findFirstOrThrow({ where: { requestId }, include: { workspace: true } })).workspace.slug).toBe("acme-help");
  });

  it("leaves an unknown company to the officer and acknowledges as usual", async () => {
    const { requestId } = await verifiedRequest(endUserAnswers({ workspaceReference: "Initech" }));
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ route: "UNRESOLVED", status: "RECEIVED" });
    expect(await db.referral.count({ where: { requestId } })).toBe(0);
    expect(await templatesOf(requestId)).toEqual(["verify-email", "request-acknowledged"]);
    const routed = await db.requestEvent.findFirstOrThrow({ where: { requestId, action: "request.routed" } });
    expect(routed).toMatchObject({ visibility: "INTERNAL", data: { route: "UNRESOLVED", reason: "UNKNOWN", candidateIds: [] } });
  });

  it("routes an account holder to the officer whatever company they name", async () => {
    const { requestId } = await verifiedRequest({ relationship: "ACCOUNT_HOLDER", workspaceReference: "acme-help" });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ route: "OPERATOR", status: "RECEIVED" });
  });

  it("routes an opt-out of sale, which needs no verification, at once", async () => {
    const result = await submitRequest(requestInput(endUserAnswers({ type: "OPT_OUT_SALE", details: {}, country: "US", region: "CA" })), { ip: null });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await db.request.findUniqueOrThrow({ where: { id: result.data.requestId } })).toMatchObject({ route: "CUSTOMER", status: "REFERRED" });
  });
});

describe("the customer's link", () => {
  it("shows the customer what it needs, and a refusal without a note changes nothing", async () => {
    const { token, referral, requestId } = await referredRequest();
    const view = await getCustomerReferralView(token);
    expect(view).toMatchObject({ state: "open", status: "SENT", customerName: "Acme Support Ltd", requester: { name: "Ada Lovelace" } });
    expect(await refusal(closeReferral(token, "REFUSED", "   "))).toBe("REFERRAL_NOTE_REQUIRED");
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "SENT", closedAt: null });
    expect(await getCustomerReferralView("not-a-real-token-but-long-enough")).toBeNull();
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REFERRED" });
  });

  it("acknowledges, asks for an export and completes; the requester sees each step", async () => {
    const { token, referral, requestId, statusToken } = await referredRequest();
    await acknowledgeReferral(token);
    await acknowledgeReferral(token); // twice changes nothing
    const acknowledged = await db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", nextFollowUpAt: null });

    await requestWorkspaceExport(token);
    await requestWorkspaceExport(token);
    expect(await db.emailOutbox.count({ where: { requestId, template: "referral-export-requested" } })).toBe(1);
    const { privacyEmail } = await db.organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect((await latestEmail(requestId, "referral-export-requested")).to).toBe(privacyEmail);

    await closeReferral(token, "COMPLETED", "We deleted your chat history on 3 March.");
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("COMPLETED");
    expect(request.closedAt).not.toBeNull();
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({
      status: "COMPLETED",
      outcomeNote: "We deleted your chat history on 3 March.",
    });
    expect((await latestEmail(requestId, "referral-outcome")).props).toMatchObject({ outcome: "COMPLETED", note: "We deleted your chat history on 3 March." });

    // Valid while open: afterwards the link only says that it is closed.
    expect(await getCustomerReferralView(token)).toMatchObject({ state: "closed", status: "COMPLETED" });
    expect(await refusal(acknowledgeReferral(token))).toBe("REFERRAL_CLOSED");
    expect(await refusal(closeReferral(token, "REFUSED", "Changed our mind"))).toBe("REFERRAL_CLOSED");

    const status = await getStatusView(statusToken);
    expect(status?.events.map((e) => e.action)).toEqual([
      "request.submitted",
      "request.verified",
      "referral.sent",
      "referral.acknowledged",
      "referral.completed",
    ]);
    // The export request is between the customer and us.
    expect(status?.referrals).toMatchObject([{ customerName: "Acme Support Ltd", contactEmail: "privacy@acme.example", status: "COMPLETED" }]);
  });

  it("a refusal denies a wholly referred request, with no appeal to us", async () => {
    const { token, requestId } = await referredRequest({ country: "US", region: "VA" });
    await closeReferral(token, "REFUSED", "We must keep these records for tax law.");
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "DENIED" });
    expect((await latestEmail(requestId, "referral-outcome")).props).toMatchObject({ outcome: "REFUSED" });
  });

  it("a split request stays open for our part when the customer completes its own", async () => {
    const { token, requestId } = await referredRequest({ dataScope: "WORKSPACE_AND_OPERATOR" });
    await closeReferral(token, "COMPLETED", "");
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "RECEIVED", route: "SPLIT" });
  });
});

describe("follow-up of silent customers", () => {
  it("reminds every few days up to the limit, then escalates to the officer", async () => {
    const sent = new Date("2030-01-07T10:00:00Z");
    const { requestId, referral, token } = await referredRequest({}, sent);
    const { REFERRAL_REMINDER_DAYS: days, REFERRAL_MAX_REMINDERS: max } = getEnv();
    const mine = async (at: Date) => {
      await runReferralFollowUps(db, at);
      return db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    };

    // Not yet due: nothing happens.
    expect(await mine(plus(sent, days * DAY - 60_000))).toMatchObject({ status: "SENT", remindersSent: 0 });

    let at = sent;
    for (let n = 1; n <= max; n++) {
      at = plus(at, days * DAY + 1000);
      expect(await mine(at)).toMatchObject({ status: "SENT", remindersSent: n });
      // The same moment again takes no second step.
      expect(await mine(at)).toMatchObject({ remindersSent: n });
      expect((await latestEmail(requestId, "referral-reminder")).props).toMatchObject({ reminderNumber: n, escalatesAfterThis: n === max });
    }
    at = plus(at, days * DAY + 1000);
    expect(await mine(at)).toMatchObject({ status: "ESCALATED", nextFollowUpAt: null });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "RECEIVED" });
    expect(await db.emailOutbox.count({ where: { requestId, template: "referral-escalated" } })).toBe(1);
    expect((await actions(requestId)).slice(4)).toEqual([
      ...Array.from({ length: max }, () => ["referral.reminded", null]),
      ["referral.escalated", "RECEIVED"],
    ]);

    // The first email's link still works: a late answer is taken.
    await acknowledgeReferral(token, plus(at, 1000));
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "ESCALATED" });
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toHaveProperty("acknowledgedAt", plus(at, 1000));
  });

  it("sends no reminder once the customer acknowledged", async () => {
    const sent = new Date("2030-02-04T10:00:00Z");
    const { referral, token } = await referredRequest({}, sent);
    await acknowledgeReferral(token, plus(sent, DAY));
    await runReferralFollowUps(db, plus(sent, 30 * DAY));
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "ACKNOWLEDGED", remindersSent: 0 });
  });
});
