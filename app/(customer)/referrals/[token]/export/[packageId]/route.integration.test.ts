import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { closeReferral } from "@/lib/referrals/customer";
import { deliverWorkspaceExport } from "@/lib/referrals/export";
import { resendReferral, revokeReferralLinks } from "@/lib/referrals/officer";
import { attachDataPackage } from "@/lib/requests/handling/complete";
import { createStaff, lastEvent, latestEmail, referredRequest, tokenOf } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";
import { GET } from "./route";

// The customer downloads a workspace export from its referral page's link, as the browser asks
// for it, on the real database with the seed's demo customer Acme Support Ltd. The reader's
// language is what proxy.ts would have settled from the address (stood in for here).

const reader = vi.hoisted(() => ({ locale: "en" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => reader.locale }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

afterEach(() => {
  reader.locale = "en";
});

const DAY_MS = 86_400_000;
const CONTENT = new TextEncoder().encode("chat log of Acme Help: Zoë asked about her order");

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

/** A referral with one export delivered at `deliveredAt` (now by default). */
async function delivered(deliveredAt = new Date(), overrides: Record<string, unknown> = {}) {
  const referred = await referredRequest(overrides);
  const { packageId } = await deliverWorkspaceExport(
    referred.referral.id,
    { filename: "Acme Help – Zoë.json", contentType: "application/json", bytes: CONTENT },
    officer,
    deliveredAt,
  );
  return { ...referred, packageId };
}

const download = (token: string, packageId: string) =>
  GET(new Request(`http://localhost/referrals/${token}/export/${packageId}`), { params: Promise.resolve({ token, packageId }) });

const downloads = (requestId: string) => db.requestEvent.count({ where: { requestId, action: "referral.export_downloaded" } });

describe("GET /referrals/<token>/export/<packageId>", () => {
  it("streams the decrypted file as a private attachment and records the download", async () => {
    const { token, packageId, requestId, referral } = await delivered();
    const response = await download(token, packageId);

    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(CONTENT);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/json",
      "content-disposition": `attachment; filename="Acme Help _ Zo_.json"; filename*=UTF-8''Acme%20Help%20%E2%80%93%20Zo%C3%AB.json`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    expect(await lastEvent(requestId)).toMatchObject({
      action: "referral.export_downloaded",
      actorType: "CUSTOMER",
      actorId: referral.customerId,
      visibility: "INTERNAL",
      data: { referralId: referral.id, customerName: "Acme Support Ltd", packageId },
    });
  });

  it("answers 404 for a revoked link, the export email's included, and works again with a re-sent link", async () => {
    const { token, packageId, requestId, referral } = await delivered();
    const ready = tokenOf((await latestEmail(requestId, "referral-export-ready")).props.referralUrl as string);
    await revokeReferralLinks(referral.id, officer);
    for (const link of [token, ready]) expect((await download(link, packageId)).status).toBe(404);
    expect(await downloads(requestId)).toBe(0);

    await resendReferral(referral.id, officer);
    const renewed = tokenOf((await latestEmail(requestId, "referral-to-customer")).props.referralUrl as string);
    expect((await download(renewed, packageId)).status).toBe(200);
    expect(await downloads(requestId)).toBe(1);
  });

  it("answers 404 once the referral is closed", async () => {
    const { token, packageId, requestId } = await delivered();
    await closeReferral(token, "COMPLETED", "Answered.");
    expect((await download(token, packageId)).status).toBe(404);
    expect(await downloads(requestId)).toBe(0);
  });

  it("answers 404 for another referral's export, the requester's package, an unknown id or link", async () => {
    const mine = await delivered();
    const theirs = await delivered();
    const requesters = await delivered(new Date(), { type: "ACCESS", details: {}, dataScope: "WORKSPACE_AND_OPERATOR" });
    const { packageId: requesterPackage } = await attachDataPackage(
      requesters.requestId,
      { filename: "ada.json", contentType: "application/json", bytes: CONTENT },
      officer,
    );
    for (const [token, packageId] of [
      [mine.token, theirs.packageId],
      [requesters.token, requesterPackage],
      [mine.token, randomUUID()],
      [mine.token, "not-a-uuid"],
      ["never-issued-referral-token-0123456789", mine.packageId],
    ] as const) {
      expect((await download(token, packageId)).status, `${token} ${packageId}`).toBe(404);
    }
    expect(await downloads(mine.requestId)).toBe(0);
    expect(await downloads(theirs.requestId)).toBe(0);
  });

  it("sends an expired download back to the referral page, which says so", async () => {
    const { token, packageId, requestId } = await delivered(new Date(Date.now() - 8 * DAY_MS));
    const response = await download(token, packageId);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost/referrals/${token}?download=PACKAGE_EXPIRED`);
    expect(await downloads(requestId)).toBe(0);
  });

  it("sends it back to the page in the language it was opened in", async () => {
    const { token, packageId } = await delivered(new Date(Date.now() - 8 * DAY_MS));
    reader.locale = "de";
    expect((await download(token, packageId)).headers.get("location")).toBe(`http://localhost/de/referrals/${token}?download=PACKAGE_EXPIRED`);
  });
});
