import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { closeReferral, getCustomerReferralView, requestWorkspaceExport } from "@/lib/referrals/customer";
import { deliverWorkspaceExport } from "@/lib/referrals/export";
import { takeOverReferral } from "@/lib/referrals/officer";
import { attachDataPackage, completeRequest, listRequesterPackages, openDataPackage } from "@/lib/requests/handling/complete";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";
import { hashToken } from "@/lib/security/tokens";
import { createStaff, expectRefusal, lastEvent, latestEmail, referredRequest, tokenOf } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The officer hands a referral's customer the workspace export it needs, on the real database with
// the seed's demo customer Acme Support Ltd (workspace "acme-help", privacy@acme.example).

const DAY_MS = 86_400_000;
const CONTENT = new TextEncoder().encode(JSON.stringify({ chats: ["Hello, where is my order?"] }));
const file = (bytes: Uint8Array = CONTENT) => ({ filename: "acme-help/export.json", contentType: "application/json", bytes });

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const exportEmails = (requestId: string) => db.emailOutbox.count({ where: { requestId, template: "referral-export-ready" } });

describe("deliverWorkspaceExport", () => {
  it("stores the export encrypted for the referral, records it and emails the customer a fresh link", async () => {
    const { requestId, referral, token } = await referredRequest();
    await requestWorkspaceExport(token);
    const now = new Date();
    const { packageId, downloadUntil } = await deliverWorkspaceExport(referral.id, file(), officer, now);

    expect(downloadUntil).toEqual(new Date(now.getTime() + 7 * DAY_MS));
    const stored = await db.dataPackage.findUniqueOrThrow({ where: { id: packageId } });
    expect(stored).toMatchObject({
      requestId,
      referralId: referral.id,
      filename: "export.json",
      contentType: "application/json",
      size: CONTENT.byteLength,
      uploadedById: officer.id,
      expiresAt: downloadUntil,
    });
    expect(Buffer.from(stored.ciphertext!).includes(Buffer.from("where is my order"))).toBe(false);

    expect(await lastEvent(requestId)).toMatchObject({
      action: "referral.export_delivered",
      actorType: "STAFF",
      actorId: officer.id,
      visibility: "INTERNAL",
      fromStatus: null,
      toStatus: null,
      data: { referralId: referral.id, customerName: "Acme Support Ltd", packageId, size: CONTENT.byteLength },
    });

    const email = await latestEmail(requestId, "referral-export-ready");
    expect(email.to).toBe("privacy@acme.example");
    expect(email.props).toMatchObject({
      language: "en",
      customerName: "Acme Support Ltd",
      workspaceName: "Acme Help",
      filename: "export.json",
      downloadUntil: downloadUntil.toISOString(),
    });
    // A new link of its own, stored only as a hash; the first one keeps working too.
    const fresh = tokenOf(email.props.referralUrl as string);
    expect(fresh).not.toBe(token);
    expect(await db.referralToken.count({ where: { referralId: referral.id, revokedAt: null } })).toBe(2);
    expect(await db.referralToken.count({ where: { tokenHash: hashToken(fresh) } })).toBe(1);
    for (const link of [fresh, token]) {
      expect(await getCustomerReferralView(link, now)).toMatchObject({
        state: "open",
        exports: [{ id: packageId, filename: "export.json", size: CONTENT.byteLength, expiresAt: downloadUntil, expired: false }],
      });
    }
    expect(await getCustomerReferralView(fresh, downloadUntil)).toMatchObject({ exports: [{ id: packageId, expired: true }] });
  });

  it("sends an export the customer did not ask for, to every privacy contact", async () => {
    const { requestId, referral } = await referredRequest();
    await db.customer.update({ where: { id: referral.customerId }, data: { privacyEmails: ["privacy@acme.example", "dpo@acme.example"] } });
    try {
      await deliverWorkspaceExport(referral.id, file(), officer);
      expect((await latestEmail(requestId, "referral-export-ready")).to).toBe("privacy@acme.example, dpo@acme.example");
    } finally {
      await db.customer.update({ where: { id: referral.customerId }, data: { privacyEmails: ["privacy@acme.example"] } });
    }
  });

  it("refuses an empty or oversized file, an unknown referral and a closed one, storing and sending nothing", async () => {
    const { requestId, referral, token } = await referredRequest();
    await expectRefusal(deliverWorkspaceExport(referral.id, file(new Uint8Array(0)), officer), "PACKAGE_EMPTY");
    await expectRefusal(deliverWorkspaceExport(referral.id, file(new Uint8Array(MAX_PACKAGE_BYTES + 1)), officer), "PACKAGE_TOO_LARGE");
    await expectRefusal(deliverWorkspaceExport(randomUUID(), file(), officer), "NOT_FOUND");
    await expectRefusal(deliverWorkspaceExport("not-a-uuid", file(), officer), "NOT_FOUND");

    await closeReferral(token, "COMPLETED", "Done.");
    await expectRefusal(deliverWorkspaceExport(referral.id, file(), officer), "REFERRAL_CLOSED");
    expect(await db.dataPackage.count({ where: { requestId } })).toBe(0);
    expect(await exportEmails(requestId)).toBe(0);
    expect(await db.requestEvent.count({ where: { requestId, action: "referral.export_delivered" } })).toBe(0);

    // Taken over (withdrawn) is closed too.
    const other = await referredRequest();
    await takeOverReferral(other.referral.id, officer);
    await expectRefusal(deliverWorkspaceExport(other.referral.id, file(), officer), "REFERRAL_CLOSED");
  });

  it("takes a file of exactly 10 MB", async () => {
    const { referral } = await referredRequest();
    const { packageId } = await deliverWorkspaceExport(referral.id, file(new Uint8Array(MAX_PACKAGE_BYTES).fill(7)), officer);
    expect((await db.dataPackage.findUniqueOrThrow({ where: { id: packageId } })).size).toBe(MAX_PACKAGE_BYTES);
  });
});

describe("the requester and the customer's export", () => {
  it("never lists, counts or serves the customer's export as the requester's package", async () => {
    // An access request with a part of our own: the customer answers for its workspace, we for the rest.
    const { requestId, statusToken, referral } = await referredRequest({ type: "ACCESS", details: {}, dataScope: "WORKSPACE_AND_OPERATOR" });
    const { packageId: customerPackage, downloadUntil } = await deliverWorkspaceExport(referral.id, file(), officer);

    // The customer's export is not the requester's answer.
    await expectRefusal(completeRequest(requestId, {}, officer), "PACKAGE_REQUIRED");
    const detail = (await getRequestDetail(requestId, officer))!;
    expect(detail.packages).toEqual([]);
    // Completing is offered, but only with an answer in words: there is no package of the requester's.
    expect(detail.allowedActions).toContain("complete");
    expect(detail.referrals[0]!.exports).toMatchObject([{ id: customerPackage, filename: "export.json" }]);
    const masked = (await getRequestDetail(requestId, await createStaff("AUDITOR")))!;
    expect(masked.referrals[0]!.exports).toMatchObject([{ id: customerPackage, filename: "•••.json" }]);

    const later = new Date(Date.now() + DAY_MS);
    const { packageId: requesterPackage } = await attachDataPackage(requestId, { ...file(), filename: "ada.json" }, officer);
    await completeRequest(requestId, {}, officer, later);
    expect((await listRequesterPackages(requestId)).map((p) => p.id)).toEqual([requesterPackage]);
    await expectRefusal(openDataPackage(statusToken, customerPackage), "NOT_FOUND");
    expect((await openDataPackage(statusToken, requesterPackage)).filename).toBe("ada.json");
    // Completing starts the requester's download window, not a new one for the customer.
    expect((await db.dataPackage.findUniqueOrThrow({ where: { id: customerPackage } })).expiresAt).toEqual(downloadUntil);
    expect((await latestEmail(requestId, "request-completed")).props).toMatchObject({ downloadUntil: new Date(later.getTime() + 7 * DAY_MS).toISOString() });
  });
});
