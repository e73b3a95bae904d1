import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { redirectOf } from "@/lib/testing/redirect";
import { latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";
import { acknowledgeAction, closeAction, requestExportAction } from "./actions";
import { INITIAL_CLOSE_STATE } from "./page-state";

// The referral page's actions as a browser posts them (form data), on the real database with
// the demo customer Acme Support Ltd from the seed. The reader's language is what proxy.ts would
// have settled from the page's address (next-intl's request config, stood in for here).

const reader = vi.hoisted(() => ({ locale: "en", pinned: false }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  return {
    getLocale: async () => reader.locale,
    getTranslations: async (namespace: string) => translatorFor(reader.locale as never, namespace as never),
  };
});
vi.mock("next/headers", async () => {
  const { PINNED_HEADER } = await import("@/lib/i18n/path-header");
  return { headers: async () => new Headers(reader.pinned ? { [PINNED_HEADER]: "1" } : {}) };
});

afterEach(() => {
  reader.locale = "en";
  reader.pinned = false;
});

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

describe("in the reader's language", () => {
  it("words the close form's mistakes in German and comes back to the German page", async () => {
    reader.locale = "de";
    const { token, referralId } = await referral();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ token, note: "" }, { outcome: "Wählen Sie aus, ob Sie den Antrag erledigt oder abgelehnt haben." }],
      [{ token, outcome: "REFUSED", note: " " }, { note: "Begründen Sie die Ablehnung: Die antragstellende Person liest diese Notiz." }],
      [{ token, outcome: "COMPLETED", note: "a".repeat(5001) }, { note: "Die Notiz darf höchstens 5.000 Zeichen lang sein." }],
      [{ token, outcome: "COMPLETED", note: "bell\u0007" }, { note: "Entfernen Sie das unsichtbare Steuerzeichen aus diesem Feld." }],
    ];
    for (const [fields, fieldErrors] of cases) {
      expect((await closeAction(INITIAL_CLOSE_STATE, form(fields))).fieldErrors).toEqual(fieldErrors);
    }
    expect(await redirectOf(closeAction(INITIAL_CLOSE_STATE, form({ token, outcome: "COMPLETED", note: "Erledigt." })))).toBe(`/de/referrals/${token}?done=completed`);
    expect(await db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ status: "COMPLETED", outcomeNote: "Erledigt." });
  });

  it("keeps Portuguese, and an English address that named its language, on the way back", async () => {
    const { token } = await referral();
    reader.locale = "pt-BR";
    expect(await redirectOf(acknowledgeAction(form({ token })))).toBe(`/pt-BR/referrals/${token}?done=acknowledged`);
    reader.locale = "en";
    reader.pinned = true;
    expect(await redirectOf(requestExportAction(form({ token })))).toBe(`/en/referrals/${token}?done=export`);
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
