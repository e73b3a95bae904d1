import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redirectOf } from "@/lib/testing/redirect";
import { latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";
import { acknowledgeAction, closeAction, requestExportAction } from "./actions";
import { INITIAL_CLOSE_STATE } from "./page-state";

// The referral page's actions as a browser posts them (form data), on the real database with
// the demo customer Acme Support Ltd from the seed.

beforeAll(async () => {
  await seed(db);
});

async function referral() {
  const { requestId } = await verifiedRequest({ relationship: "CUSTOMER_END_USER", workspaceReference: "acme-help", dataScope: "WORKSPACE" });
  const { referralUrl } = (await latestEmail(requestId, "referral-to-customer")).props as { referralUrl: string };
  const { id } = await db.referral.findFirstOrThrow({ where: { requestId }, select: { id: true } });
  return { requestId, referralId: id, token: referralUrl.split("/").pop()! };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("closeAction", () => {
  it("returns each mistake on its field with what was entered, and changes nothing", async () => {
    const { token, referralId, requestId } = await referral();
    const long = "a".repeat(5001);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ token, note: "Done." }, { outcome: "Choose whether you completed or refused the request." }],
      [{ token, outcome: "WITHDRAWN", note: "" }, { outcome: "Choose whether you completed or refused the request." }],
      [{ token, outcome: "REFUSED", note: "   " }, { note: "Explain the refusal: the requester will read this note." }],
      [{ token, outcome: "COMPLETED", note: long }, { note: "Keep the note under 5,000 characters." }],
    ];
    for (const [fields, fieldErrors] of cases) {
      const state = await closeAction(INITIAL_CLOSE_STATE, form(fields));
      expect(state).toEqual({ values: { outcome: fields.outcome ?? "", note: fields.note }, fieldErrors });
    }
    expect(await db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ status: "SENT", closedAt: null, outcomeNote: null });
    expect(await db.emailOutbox.count({ where: { requestId, template: "referral-outcome" } })).toBe(0);
  });

  it("closes with a trimmed note and redirects to the page's confirmation", async () => {
    const { token, referralId } = await referral();
    const to = await redirectOf(closeAction(INITIAL_CLOSE_STATE, form({ token, outcome: "REFUSED", note: "  We must keep invoices.\n" })));
    expect(to).toBe(`/referrals/${token}?done=refused`);
    expect(await db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ status: "REFUSED", outcomeNote: "We must keep invoices." });

    // Posting again finds it closed: back to the page, which says so, with no confirmation.
    expect(await redirectOf(closeAction(INITIAL_CLOSE_STATE, form({ token, outcome: "COMPLETED", note: "" })))).toBe(`/referrals/${token}`);
    expect(await db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ status: "REFUSED" });
  });
});

describe("acknowledgeAction and requestExportAction", () => {
  it("record the step and redirect to its confirmation", async () => {
    const { token, referralId } = await referral();
    expect(await redirectOf(acknowledgeAction(form({ token })))).toBe(`/referrals/${token}?done=acknowledged`);
    expect(await redirectOf(requestExportAction(form({ token })))).toBe(`/referrals/${token}?done=export`);
    const row = await db.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(row.status).toBe("ACKNOWLEDGED");
    expect(row.exportRequestedAt).not.toBeNull();
  });

  it("send an unknown or missing link back to the page, which says it no longer works", async () => {
    expect(await redirectOf(acknowledgeAction(form({ token: "never-issued-token-0123456789abcdef" })))).toBe(
      "/referrals/never-issued-token-0123456789abcdef",
    );
    expect(await redirectOf(requestExportAction(form({ token: "../../admin?x=1" })))).toBe("/referrals/..%2F..%2Fadmin%3Fx%3D1");
    expect(await redirectOf(acknowledgeAction(new FormData()))).toBe("/referrals/");
  });
});
