import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { queryQueue } from "@/lib/requests/queue";
import { describeReceipt } from "@/lib/requests/receipt";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, latestEmail } from "@/lib/testing/requests";
import { freePort } from "@/lib/testing/test-database";
import { verifyByCode } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";

// CCPA's confirmation of receipt (11 CCR §7021(a)): due 10 business days after receipt, met only
// when a confirming email has actually gone out over SMTP, and shown to staff while it is owed.

const CALIFORNIA = { country: "US", region: "CA" };

let catcher: MailCatcher;
let smtp: MailTransport;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  catcher = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
  smtp = createSmtpTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
});

afterAll(async () => {
  await catcher?.stop();
});

beforeEach(async () => {
  // Each test delivers only its own emails.
  await db.emailOutbox.deleteMany();
  // A failed attempt is logged as a warning, with codes only.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

/** A mail server nobody listens on: every send fails to connect, as when SMTP is down. */
async function smtpDown(): Promise<MailTransport> {
  return createSmtpTransport(`smtp://127.0.0.1:${await freePort()}`);
}

/** After a failed attempt the row waits for its backoff; the test does not. */
async function retryNow() {
  await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

async function submit(overrides: Record<string, unknown>, now: Date): Promise<string> {
  const result = await submitRequest(requestInput(overrides), { ip: null, now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.requestId;
}

const receiptOf = (requestId: string) =>
  db.request.findUniqueOrThrow({ where: { id: requestId }, select: { receiptDueAt: true, receiptSentAt: true, reference: true } });

async function queueRow(reference: string, now: Date) {
  const page = await queryQueue({ sort: "received", q: reference }, officer, now);
  expect(page.rows).toHaveLength(1);
  return page.rows[0]!;
}

describe("the receipt deadline", () => {
  it("is 10 business days after receipt for a CCPA request, and unset for GDPR or a CCPA opt-out", async () => {
    // Friday 20 November 2026: two working weeks end on Friday 4 December.
    const received = new Date("2026-11-20T10:00:00Z");
    const ccpa = await receiptOf(await submit({ ...CALIFORNIA, type: "ACCESS" }, received));
    expect(ccpa.receiptDueAt).toEqual(new Date("2026-12-04T00:00:00Z"));
    expect(ccpa.receiptSentAt).toBeNull();

    const gdpr = await receiptOf(await submit({ country: "DE", type: "ACCESS" }, received));
    expect(gdpr.receiptDueAt).toBeNull();
    // Virginia and the similar states set no such duty (DSAR-RULES), nor does an opt-out's row.
    expect((await receiptOf(await submit({ country: "US", region: "VA" }, received))).receiptDueAt).toBeNull();
    expect((await receiptOf(await submit({ ...CALIFORNIA, type: "OPT_OUT_SALE" }, received))).receiptDueAt).toBeNull();
  });

  it("tells the requester in the confirmation email when to expect an answer", async () => {
    const requestId = await submit({ ...CALIFORNIA, type: "ACCESS" }, new Date("2026-11-20T10:00:00Z"));
    expect((await latestEmail(requestId, "verify-email")).props.dueDate).toBe("2027-01-04");
  });
});

describe("meeting it", () => {
  it("is not met while SMTP is down, and is met with the send time once the email goes out", async () => {
    const received = new Date();
    const requestId = await submit({ ...CALIFORNIA, type: "ACCESS" }, received);
    const { reference } = await receiptOf(requestId);

    // SMTP down: the email is queued and retried, never sent, so nothing is confirmed.
    expect(await deliverDueEmails({ db, transport: await smtpDown() })).toMatchObject({ sent: 0 });
    expect((await receiptOf(requestId)).receiptSentAt).toBeNull();
    expect(await db.requestEvent.count({ where: { requestId, action: "request.receipt_confirmed" } })).toBe(0);

    // Staff see it owed: in the queue and on the request page, and overdue once the day has passed.
    const dueDay = (await receiptOf(requestId)).receiptDueAt!;
    expect((await queueRow(reference, received)).receiptDueDate).toEqual(dueDay);
    const detail = await getRequestDetail(requestId, officer, received);
    expect(detail?.request).toMatchObject({ receiptDueAt: dueDay, receiptSentAt: null });
    expect(describeReceipt(detail!.request, received, "UTC")).toMatch(/^Confirm receipt by .+: no confirming email has gone out yet$/);
    const afterDue = new Date(dueDay.getTime() + 36 * 3_600_000);
    expect(describeReceipt(detail!.request, afterDue, "UTC")).toMatch(/^Overdue by 1 day: receipt was to be confirmed by/);

    // SMTP back: the email goes out and the duty is met at the moment it was sent.
    await retryNow();
    const before = new Date();
    expect(await deliverDueEmails({ db, transport: smtp })).toMatchObject({ sent: 1 });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { requestId, template: "verify-email" } });
    expect(email.status).toBe("SENT");
    const met = await receiptOf(requestId);
    expect(met.receiptSentAt).toEqual(email.sentAt);
    expect(met.receiptSentAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const events = await db.requestEvent.findMany({ where: { requestId, action: "request.receipt_confirmed" } });
    expect(events).toMatchObject([
      { actorType: "SYSTEM", visibility: "INTERNAL", at: email.sentAt, data: { template: "verify-email", dueDate: dueDay.toISOString().slice(0, 10) } },
    ]);

    // The queue no longer asks for it; the request page says when it went out.
    expect((await queueRow(reference, new Date())).receiptDueDate).toBeNull();
    const after = await getRequestDetail(requestId, officer);
    expect(after?.request.receiptSentAt).toEqual(email.sentAt);
    expect(describeReceipt(after!.request, new Date(), "UTC")).toMatch(/^Sent .+ UTC \(due by .+\)$/);
  });

  it("is not met by an officer's acknowledgement while its email is unsent, only once one goes out", async () => {
    const requestId = await submit({ ...CALIFORNIA, type: "CORRECTION", details: { whatIsWrong: "Surname", correctValue: "Byron" } }, new Date());
    // The requester confirms with the code (read here from the queued email) while SMTP is down.
    await deliverDueEmails({ db, transport: await smtpDown() });
    const { code } = (await latestEmail(requestId, "verify-email")).props as { code: string };
    expect(await verifyByCode(requestId, code)).toMatchObject({ ok: true });
    await deliverDueEmails({ db, transport: await smtpDown() });
    await acknowledgeRequest(requestId, officer);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("IN_PROGRESS");
    expect((await receiptOf(requestId)).receiptSentAt).toBeNull();

    await retryNow();
    await deliverDueEmails({ db, transport: smtp });
    const sent = await db.emailOutbox.findMany({ where: { requestId, status: "SENT" }, select: { template: true, sentAt: true } });
    expect(sent.map((e) => e.template).sort()).toEqual(["request-acknowledged", "verify-email"]);
    // Met once, by whichever confirmation went out first.
    expect(sent.map((e) => e.sentAt!.getTime())).toContain((await receiptOf(requestId)).receiptSentAt!.getTime());
    expect(await db.requestEvent.count({ where: { requestId, action: "request.receipt_confirmed" } })).toBe(1);
  });

  it("is never recorded for a request no law asks it of", async () => {
    const requestId = await submit({ country: "DE", type: "ACCESS" }, new Date());
    await retryNow();
    await deliverDueEmails({ db, transport: smtp });
    expect((await db.emailOutbox.findFirstOrThrow({ where: { requestId } })).status).toBe("SENT");
    expect(await receiptOf(requestId)).toMatchObject({ receiptDueAt: null, receiptSentAt: null });
    expect(await db.requestEvent.count({ where: { requestId, action: "request.receipt_confirmed" } })).toBe(0);
  });
});
