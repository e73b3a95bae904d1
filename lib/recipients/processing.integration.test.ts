import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { clearTestMap, saveTestMap, type TestSystem } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { openOutboxPayload } from "@/lib/mail/payload";
import { confirmNotice, getNoticeView } from "@/lib/recipients/notice-answer";
import { listNotices, OWNER_TASK_KINDS } from "@/lib/recipients/notices";
import { askOwners, useChoices } from "@/lib/recipients/processing";
import { completeRequest } from "@/lib/requests/handling/complete";
import { createStaff, eventsOf, expectRefusal, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// Objection and restriction: the owners of the systems whose map lists the uses concerned are
// emailed a task to stop (or restrict) them for the person, and confirm from their link.

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  await clearTestMap();
  officer = await createStaff("OFFICER");
});

afterAll(async () => {
  await stopQueue();
});

afterEach(async () => {
  await clearTestMap();
});

const MAP: TestSystem[] = [
  { key: "crm", name: "Marketing CRM", kind: "MANUAL", ownerEmail: "marketing@jexi.test", dataUses: ["marketing.communications.email", "analytics.reporting"], connection: null, collections: { contacts: { fields: ["email:email"] } } },
  { key: "billing", name: "Billing", kind: "MANUAL", ownerEmail: "finance@jexi.test", dataUses: ["essential.service.payment_processing"], connection: null, collections: { invoices: { fields: ["email:email"] } } },
  { key: "ads", name: "Ads platform", kind: "MANUAL", ownerEmail: "growth@jexi.test", thirdParty: true, dataUses: ["marketing.advertising.third_party.targeted"], connection: null, collections: { audiences: { fields: ["email:email"] } } },
];

async function tasksEmailed(requestId: string) {
  const rows = await db.emailOutbox.findMany({ where: { requestId, template: "recipient-notice" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => openOutboxPayload(r.payload!) as { to: string; props: Record<string, unknown> });
}

describe("asking owners to stop or restrict a use", () => {
  it("proposes an objection's uses, emails the owners of the systems using them, and tracks each confirmation", async () => {
    await saveTestMap(MAP);
    const { requestId, email } = await verifiedRequest({ type: "OBJECTION", details: { processing: "DIRECT_MARKETING", reason: "" } });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    // Every use on the map is offered; the marketing ones are ticked for a direct-marketing objection.
    expect(await useChoices(db, request)).toEqual([
      { key: "analytics.reporting", label: expect.any(String), proposed: false },
      { key: "essential.service.payment_processing", label: expect.any(String), proposed: false },
      { key: "marketing.advertising.third_party.targeted", label: expect.any(String), proposed: true },
      { key: "marketing.communications.email", label: expect.any(String), proposed: true },
    ]);

    // Bad input changes nothing.
    await expect(askOwners(db, requestId, { uses: [] }, officer.id)).rejects.toThrow(/at least one use/);
    await expect(askOwners(db, requestId, { uses: ["marketng"] }, officer.id)).rejects.toThrow(/from the list/);
    await expectRefusal(askOwners(db, requestId, { uses: ["employment"] }, officer.id), "NO_SYSTEM_USES");
    expect(await listNotices(db, requestId, OWNER_TASK_KINDS)).toEqual([]);

    expect(await askOwners(db, requestId, { uses: ["marketing"] }, officer.id)).toEqual({ asked: ["Ads platform", "Marketing CRM"] });
    const tasks = await listNotices(db, requestId, OWNER_TASK_KINDS);
    expect(tasks.map((t) => [t.recipientName, t.sentTo, t.dataUses])).toEqual([
      ["Ads platform", ["growth@jexi.test"], ["marketing.advertising.third_party.targeted"]],
      ["Marketing CRM", ["marketing@jexi.test"], ["marketing.communications.email"]],
    ]);
    const emails = await tasksEmailed(requestId);
    const crm = emails.find((e) => e.to === "marketing@jexi.test")!;
    expect(crm.props).toMatchObject({ kind: "STOP_PROCESSING", recipientName: "Marketing CRM", identities: [{ label: "Email", value: email }], uses: [{ key: "marketing.communications.email" }] });
    // Asking again reaches only systems not asked yet.
    expect(await askOwners(db, requestId, { uses: ["marketing", "analytics"] }, officer.id)).toEqual({ asked: [] });
    expect(await tasksEmailed(requestId)).toHaveLength(2);

    const token = tokenOf(String(crm.props.noticeUrl));
    expect(await getNoticeView(db, token)).toMatchObject({ state: "open", kind: "STOP_PROCESSING", uses: [{ key: "marketing.communications.email" }] });
    await confirmNotice(db, token, { outcome: "DONE", note: "Unsubscribed from every list." });
    const confirmed = (await listNotices(db, requestId, OWNER_TASK_KINDS)).find((t) => t.recipientName === "Marketing CRM")!;
    expect([confirmed.confirmedAt !== null, confirmed.note]).toEqual([true, "Unsubscribed from every list."]);
    // Owners' tasks are the staff's to follow: on the staff timeline only, never among the recipients told.
    const events = (await eventsOf(requestId)).filter((e) => e.action.startsWith("processing."));
    expect(events.map((e) => [e.action, e.visibility])).toEqual([
      ["processing.owners_asked", "INTERNAL"],
      ["processing.owners_asked", "INTERNAL"],
      ["processing.confirmed", "INTERNAL"],
    ]);
    expect(await listNotices(db, requestId)).toEqual([]);
  });

  it("asks owners to restrict, and completing the restriction then tells the third parties too", async () => {
    await saveTestMap(MAP);
    const { requestId } = await verifiedRequest({ type: "RESTRICTION", details: { activity: "Marketing emails", ground: "ACCURACY_CONTESTED" } });
    expect(await askOwners(db, requestId, { uses: ["marketing.communications"] }, officer.id)).toEqual({ asked: ["Marketing CRM"] });
    expect((await tasksEmailed(requestId))[0]!.props).toMatchObject({ kind: "RESTRICT_PROCESSING", asked: [{ value: "Marketing emails" }, { label: "Why" }] });
    await completeRequest(requestId, { outcome: "We restricted marketing emails to you." }, officer);
    // The ads platform, a third party holding personal data, is told of the restriction as a recipient.
    expect((await listNotices(db, requestId)).map((n) => [n.recipientName, n.kind])).toEqual([["Ads platform", "RESTRICTION"]]);
    expect((await listNotices(db, requestId, OWNER_TASK_KINDS)).map((n) => [n.recipientName, n.kind])).toEqual([["Marketing CRM", "RESTRICT_PROCESSING"]]);
  });

  it("is refused for other request types and for closed requests", async () => {
    await saveTestMap(MAP);
    const deletion = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await expectRefusal(askOwners(db, deletion.requestId, { uses: ["marketing"] }, officer.id), "PROCESSING_NOT_APPLICABLE");
    const objection = await verifiedRequest({ type: "OBJECTION", details: { processing: "PRODUCT_ANALYTICS", reason: "" } });
    await completeRequest(objection.requestId, { outcome: "We stopped." }, officer);
    await expectRefusal(askOwners(db, objection.requestId, { uses: ["analytics"] }, officer.id), "INVALID_TRANSITION");
  });
});
