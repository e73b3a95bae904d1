import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, now as clockNow, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { runDueJobs } from "@/lib/jobs/worker";
import { openOutboxPayload } from "@/lib/mail/payload";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { confirmNotice, getNoticeView } from "@/lib/recipients/notice-answer";
import { listNotices } from "@/lib/recipients/notices";
import { rerouteRequest, takeOverReferral } from "@/lib/referrals/officer";
import { completeRequest } from "@/lib/requests/handling/complete";
import { exportRequestRecord } from "@/lib/requests/handling/detail";
import { timelineEntry } from "@/lib/requests/timeline";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { createStaff, eventsOf, expectRefusal, latestEmail, referredRequest, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import type { StaffUser } from "@/lib/auth/staff";
import { seed } from "@/prisma/seed";

// Telling the recipients (GDPR Art. 19): completing a deletion, correction or restriction tells
// every third party of the map holding personal data and every customer the request went to; each
// confirms from its own link, is reminded when silent, then the privacy team is told.

const DAY = 86_400_000;
let sink: SmtpSink;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  // The seed's demo map is not under test here: only the systems each test saves.
  await clearTestMap();
  officer = await createStaff("OFFICER");
  sink = await startSmtpSink();
});

afterAll(async () => {
  await stopQueue();
  await sink.close();
});

afterEach(async () => {
  resetClock();
  await clearTestMap();
});

const MAILER = {
  key: "mailer",
  name: "Mail delivery service",
  kind: "MANUAL" as const,
  thirdParty: true,
  noticeEmail: "privacy@mailer.test",
  ownerEmail: "platform@jexi.test",
  connection: null,
  collections: { logs: { fields: ["recipient", "status"], categories: { recipient: ["user.contact.email"], status: ["system.operations"] } } },
};

async function noticeLink(requestId: string, template: "recipient-notice" = "recipient-notice") {
  const email = await latestEmail(requestId, template);
  return { ...email, token: tokenOf(String(email.props.noticeUrl)) };
}

async function completed(requestId: string, outcome = "We erased your account.") {
  await completeRequest(requestId, { outcome }, officer);
}

describe("telling the recipients", () => {
  it("tells each third party holding personal data and the referred customer when a deletion completes; each confirms from its link", async () => {
    await saveTestMap([
      MAILER,
      // A third party without its own notice address: its owner at the operator is told.
      { key: "crm", name: "CRM vendor", kind: "MANUAL", thirdParty: true, ownerEmail: "sales.ops@jexi.test", connection: null, collections: { contacts: { fields: ["email:email"] } } },
      // A third party holding nothing personal, and a system of the operator's own: not told.
      { key: "status", name: "Status page host", kind: "MANUAL", thirdParty: true, connection: null, collections: { incidents: { fields: ["title"], categories: { title: ["system.operations"] } } } },
      { key: "own", name: "Own spreadsheet", kind: "MANUAL", connection: null, collections: { rows: { fields: ["email:email"] } } },
    ]);
    // Workspace data and Jexi's own: the customer answers for its part, we for ours.
    const { requestId, email } = await referredRequest({ dataScope: "WORKSPACE_AND_OPERATOR" });
    expect(await listNotices(db, requestId)).toEqual([]);
    await completed(requestId);

    const notices = await listNotices(db, requestId);
    expect(notices.map((n) => [n.recipientName, n.channel, n.sentTo, n.confirmedAt])).toEqual([
      ["Acme Support Ltd", "EMAIL", ["privacy@acme.example"], null],
      ["CRM vendor", "EMAIL", ["sales.ops@jexi.test"], null],
      ["Mail delivery service", "EMAIL", ["privacy@mailer.test"], null],
    ]);
    // The requester's completion email names them.
    expect((await latestEmail(requestId, "request-completed")).props.recipientsTold).toEqual(["CRM vendor", "Mail delivery service", "Acme Support Ltd"]);
    expect(await db.emailOutbox.count({ where: { requestId, template: "recipient-notice" } })).toBe(3);
    const mailer = await noticeLinkTo(requestId, "privacy@mailer.test");
    expect(mailer.props).toMatchObject({ kind: "ERASURE", recipientName: "Mail delivery service", asController: false, identities: [{ label: "Email", value: email }] });
    const acme = await noticeLinkTo(requestId, "privacy@acme.example");
    expect(acme.props).toMatchObject({ recipientName: "Acme Support Ltd", asController: true });
    // Only the links' hashes are stored; the emails really go out over SMTP.
    const tokens = await db.noticeToken.findMany({ where: { notice: { requestId } } });
    expect(tokens).toHaveLength(3);
    expect(tokens.map((t) => t.tokenHash)).not.toContain(mailer.token);
    const { sent } = await deliverDueEmails({ db, transport: createSmtpTransport(sink.url), from: '"Jexi Privacy" <hello@jexi.com>' });
    expect(sent).toBeGreaterThanOrEqual(4);

    // The recipient's page, then its confirmation; bad input changes nothing.
    expect(await getNoticeView(db, mailer.token)).toMatchObject({ state: "open", kind: "ERASURE", recipientName: "Mail delivery service", identities: [{ value: email }] });
    await expectRefusal(confirmNotice(db, mailer.token, { outcome: "MAYBE", note: "" }), "NOTICE_ANSWER_INVALID");
    await expectRefusal(confirmNotice(db, mailer.token, { outcome: "DONE", note: "x".repeat(2001) }), "NOTICE_ANSWER_INVALID");
    expect((await listNotices(db, requestId)).find((n) => n.recipientName === "Mail delivery service")!.confirmedAt).toBeNull();
    await confirmNotice(db, mailer.token, { outcome: "DONE", note: "Delivery logs purged." });
    await confirmNotice(db, acme.token, { outcome: "HELD_NOTHING", note: "" });
    await expectRefusal(confirmNotice(db, mailer.token, { outcome: "HELD_NOTHING", note: "" }), "NOTICE_NOT_FOUND");
    expect(await getNoticeView(db, mailer.token)).toMatchObject({ state: "confirmed" });
    expect(await getNoticeView(db, "not-a-real-token-but-long-enough")).toBeNull();
    const after = await listNotices(db, requestId);
    expect(after.map((n) => [n.recipientName, n.confirmedAt !== null, n.heldNothing, n.note])).toEqual([
      ["Acme Support Ltd", true, true, null],
      ["CRM vendor", false, false, null],
      ["Mail delivery service", true, false, "Delivery logs purged."],
    ]);

    // The request's record lists who was told, how, and when each confirmed.
    const { record } = await exportRequestRecord(requestId);
    expect(record.notices.map((n) => [n.recipient, n.kind, n.channel, n.confirmedAt !== null])).toEqual([
      ["Acme Support Ltd", "ERASURE", "EMAIL", true],
      ["CRM vendor", "ERASURE", "EMAIL", false],
      ["Mail delivery service", "ERASURE", "EMAIL", true],
    ]);
    expect(JSON.stringify(record.notices)).not.toContain("Delivery logs purged.");

    // The requester's timeline says who was told and who confirmed, by name, in words.
    const events = (await eventsOf(requestId)).filter((e) => e.action.startsWith("recipients."));
    expect(events.map((e) => [e.action, e.visibility])).toEqual([
      ["recipients.told", "PUBLIC"],
      ["recipients.confirmed", "PUBLIC"],
      ["recipients.confirmed", "PUBLIC"],
    ]);
    expect(timelineEntry("recipients.told", events[0]!.data, "UTC").detail).toMatch(/^Asked to do the same and confirm: .*Mail delivery service/);
    expect(timelineEntry("recipients.confirmed", events[2]!.data, "UTC")).toEqual({ title: "Acme Support Ltd confirmed", detail: "It held nothing about you." });
  });

  it("passes a correction's wording on to the recipient, and tells nobody of an access request", async () => {
    await saveTestMap([MAILER]);
    const correction = await verifiedRequest({ type: "CORRECTION", details: { whatIsWrong: "My surname is misspelt", correctValue: "Lovelace" } });
    await completed(correction.requestId, "We corrected your surname.");
    const email = await noticeLink(correction.requestId);
    expect(email.props).toMatchObject({
      kind: "CORRECTION",
      asked: [
        { label: "What is wrong", value: "My surname is misspelt" },
        { label: "What it should say", value: "Lovelace" },
      ],
    });
    expect(await getNoticeView(db, email.token)).toMatchObject({ kind: "CORRECTION", asked: [{ value: "My surname is misspelt" }, { value: "Lovelace" }] });

    const access = await verifiedRequest({ type: "ACCESS" });
    await db.dataPackage.create({
      data: { requestId: access.requestId, filename: "a.zip", contentType: "application/zip", size: 1, sha256: "0", ciphertext: new Uint8Array([1]), expiresAt: new Date(Date.now() + DAY), releasedAt: new Date() },
    });
    await completed(access.requestId, "");
    expect(await listNotices(db, access.requestId)).toEqual([]);
    expect(await templatesOf(access.requestId)).not.toContain("recipient-notice");
  });

  it("tells a customer whose part the officer took over, but not one the request was routed away from", async () => {
    await saveTestMap([]);
    const admin = await createStaff("ADMIN");
    const rerouted = await referredRequest({ dataScope: "WORKSPACE_AND_OPERATOR" });
    await rerouteRequest(rerouted.requestId, { kind: "OPERATOR" }, admin);
    await completed(rerouted.requestId);
    expect(await listNotices(db, rerouted.requestId)).toEqual([]);

    const takenOver = await referredRequest({ dataScope: "WORKSPACE_AND_OPERATOR" });
    await takeOverReferral(takenOver.referral.id, admin);
    await completed(takenOver.requestId);
    expect((await listNotices(db, takenOver.requestId)).map((n) => n.recipientName)).toEqual(["Acme Support Ltd"]);
  });

  it("reminds a silent recipient with a fresh link, then tells the privacy team, and still takes a late confirmation", async () => {
    const env = getEnv();
    await saveTestMap([MAILER]);
    const { requestId } = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await completed(requestId);
    // Earlier tests' recipients are due at the same moments: count this request's emails.
    await db.recipientNotice.updateMany({ where: { requestId: { not: requestId } }, data: { nextFollowUpAt: null } });
    const first = await noticeLink(requestId);
    for (let n = 1; n <= env.MANUAL_TASK_MAX_REMINDERS; n++) {
      expect((await runDueJobs(db, clockNow())).noticesReminded).toBe(0);
      advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
      expect((await runDueJobs(db, clockNow())).noticesReminded).toBe(1);
      const reminder = await noticeLink(requestId);
      expect(reminder.props).toMatchObject({ reminderNumber: n, escalatesAfterThis: n === env.MANUAL_TASK_MAX_REMINDERS });
      expect(reminder.token).not.toBe(first.token);
    }
    advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
    expect(await runDueJobs(db, clockNow())).toMatchObject({ noticesReminded: 0, noticesEscalated: 1 });
    const escalated = await latestEmail(requestId, "recipient-notice-escalated");
    expect(escalated.to).toBe("hello@jexi.com");
    expect(escalated.props).toMatchObject({ recipientName: "Mail delivery service", remindersSent: env.MANUAL_TASK_MAX_REMINDERS });
    const actions = (await eventsOf(requestId)).map((e) => e.action);
    expect(actions.filter((a) => a === "recipients.reminded")).toHaveLength(env.MANUAL_TASK_MAX_REMINDERS);
    expect(actions.at(-1)).toBe("recipients.silent");
    advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
    expect(await runDueJobs(db, clockNow())).toMatchObject({ noticesReminded: 0, noticesEscalated: 0 });
    // The newest link still works after the escalation; an expired one does not.
    const last = await noticeLink(requestId);
    await confirmNotice(db, last.token, { outcome: "DONE", note: "" }, clockNow());
    expect((await listNotices(db, requestId))[0]!.confirmedAt).not.toBeNull();
    advanceClock(env.MANUAL_TASK_LINK_DAYS * DAY);
    expect(await getNoticeView(db, first.token, clockNow())).toBeNull();
  });
});

async function noticeLinkTo(requestId: string, to: string) {
  const rows = await db.emailOutbox.findMany({ where: { requestId, template: "recipient-notice" } });
  for (const row of rows) {
    const payload = openOutboxPayload(row.payload!) as { to: string; props: Record<string, unknown> };
    if (payload.to === to) return { ...payload, token: tokenOf(String(payload.props.noticeUrl)) };
  }
  throw new Error(`no notice to ${to}`);
}
