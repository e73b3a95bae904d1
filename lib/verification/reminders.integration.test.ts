import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { reminderStageDue, REMINDER_CODE_TTL_MINUTES, sendVerificationReminders } from "@/lib/verification/reminders";
import { verifyByCode } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

const HOUR = 3_600_000;
const DAILY = { firstAfterHours: 24, lastBeforeHours: 24, expiryDays: 7 };
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

type VerifyProps = { code: string; verifyUrl: string; reminder?: { which: string; closesAt: string } | null };

async function unconfirmed(receivedAt: Date, email = `remind.${receivedAt.getTime()}.${Math.random()}@example.test`) {
  const result = await submitRequest(requestInput({ email, country: "FR" }), { ip: null, now: receivedAt });
  if (!result.ok || !result.data.verificationRequired) throw new Error("expected a request waiting for verification");
  return result.data.requestId;
}

/** The verification emails queued for a request, oldest first, opened as the inbox would see them. */
async function verifyEmails(requestId: string) {
  const rows = await db.emailOutbox.findMany({ where: { requestId, template: "verify-email" }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => {
    const { to, props } = openOutboxPayload(row.payload!);
    return { to, props: props as VerifyProps };
  });
}

/** Reminders sent for this request only: other tests' requests share the database. */
async function remind(requestId: string, now: Date, schedule = DAILY) {
  await sendVerificationReminders(db, now, schedule);
  const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { verificationReminders: true } });
  return request.verificationReminders;
}

describe("when a reminder is due", () => {
  const received = new Date("2026-03-01T10:00:00Z");
  it("is none before 24 hours, the first from then, the last from a day before the close, none once closing", () => {
    expect(reminderStageDue(received, plus(received, 23 * HOUR), DAILY)).toBe(0);
    expect(reminderStageDue(received, plus(received, 24 * HOUR), DAILY)).toBe(1);
    expect(reminderStageDue(received, plus(received, 143 * HOUR), DAILY)).toBe(1);
    expect(reminderStageDue(received, plus(received, 144 * HOUR), DAILY)).toBe(2);
    expect(reminderStageDue(received, plus(received, 168 * HOUR), DAILY)).toBe(0);
  });

  it("follows the settings, and 0 turns a reminder off", () => {
    expect(reminderStageDue(received, plus(received, 30 * HOUR), { firstAfterHours: 48, lastBeforeHours: 24, expiryDays: 7 })).toBe(0);
    expect(reminderStageDue(received, plus(received, 30 * HOUR), { firstAfterHours: 0, lastBeforeHours: 24, expiryDays: 7 })).toBe(0);
    expect(reminderStageDue(received, plus(received, 150 * HOUR), { firstAfterHours: 24, lastBeforeHours: 0, expiryDays: 7 })).toBe(1);
    expect(reminderStageDue(received, plus(received, 100 * HOUR), { firstAfterHours: 24, lastBeforeHours: 72, expiryDays: 7 })).toBe(2);
  });
});

describe("reminding an unconfirmed request", () => {
  it("sends a first and a last reminder, each once, each with a fresh code that works and retires the earlier ones", async () => {
    const received = new Date(Date.now() - 10 * 24 * HOUR);
    const requestId = await unconfirmed(received);
    const [original] = await verifyEmails(requestId);

    expect(await remind(requestId, plus(received, 23 * HOUR))).toBe(0);
    expect(await remind(requestId, plus(received, 24 * HOUR))).toBe(1);
    expect(await remind(requestId, plus(received, 25 * HOUR))).toBe(1);
    let emails = await verifyEmails(requestId);
    expect(emails).toHaveLength(2);
    const first = emails[1]!;
    expect(first.to).toBe(original!.to);
    expect(first.props.reminder).toEqual({ which: "first", closesAt: plus(received, 168 * HOUR).toISOString() });
    expect(first.props.code).not.toBe(original!.props.code);

    const lastAt = plus(received, 144 * HOUR);
    expect(await remind(requestId, lastAt)).toBe(2);
    expect(await remind(requestId, plus(lastAt, HOUR))).toBe(2);
    emails = await verifyEmails(requestId);
    expect(emails.map((e) => e.props.reminder?.which ?? null)).toEqual([null, "first", "last"]);
    const last = emails[2]!.props;

    const challenges = await db.verificationChallenge.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(challenges).toHaveLength(3);
    expect(challenges.slice(0, 2).every((c) => c.supersededAt !== null)).toBe(true);
    expect(challenges[2]!.expiresAt).toEqual(plus(lastAt, REMINDER_CODE_TTL_MINUTES * 60_000));

    const events = await db.requestEvent.findMany({ where: { requestId, action: "verification.reminded" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.visibility, e.data])).toEqual([
      ["INTERNAL", { reminder: "first" }],
      ["INTERNAL", { reminder: "last" }],
    ]);
    // Nothing else changed: still waiting, no clock started.
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING_VERIFICATION", verifiedAt: null, dueAt: null });

    // The first reminder's code no longer works; the last one's does, hours after it was sent.
    expect(await verifyByCode(requestId, first.props.code, { now: plus(lastAt, 2 * HOUR) })).toMatchObject({ ok: false });
    expect(await verifyByCode(requestId, last.code, { now: plus(lastAt, 20 * HOUR) })).toMatchObject({ ok: true });
    expect(await remind(requestId, plus(lastAt, 21 * HOUR))).toBe(2);
  });

  it("sends only the last reminder when the first one's time was missed", async () => {
    const received = new Date(Date.now() - 10 * 24 * HOUR);
    const requestId = await unconfirmed(received);
    expect(await remind(requestId, plus(received, 150 * HOUR))).toBe(2);
    expect((await verifyEmails(requestId)).map((e) => e.props.reminder?.which ?? null)).toEqual([null, "last"]);
  });

  it("sends each reminder once when two passes run at the same moment", async () => {
    const received = new Date(Date.now() - 10 * 24 * HOUR);
    const requestId = await unconfirmed(received);
    const at = plus(received, 30 * HOUR);
    await Promise.all([sendVerificationReminders(db, at, DAILY), sendVerificationReminders(db, at, DAILY)]);
    expect(await verifyEmails(requestId)).toHaveLength(2);
  });

  it("does not remind a confirmed request, a request whose codes are locked, or one closed unconfirmed", async () => {
    const received = new Date(Date.now() - 10 * 24 * HOUR);
    const confirmed = await unconfirmed(received);
    const [email] = await verifyEmails(confirmed);
    expect(await verifyByCode(confirmed, email!.props.code, { now: plus(received, 60_000) })).toMatchObject({ ok: true });
    expect(await remind(confirmed, plus(received, 30 * HOUR))).toBe(0);

    const locked = await unconfirmed(received);
    await db.request.update({ where: { id: locked }, data: { codeLockedAt: plus(received, HOUR) } });
    expect(await remind(locked, plus(received, 30 * HOUR))).toBe(0);

    // Received eight days ago and closed by housekeeping: nothing to remind.
    const closed = await unconfirmed(new Date(Date.now() - 8 * 24 * HOUR));
    await expireUnverifiedRequests(new Date());
    expect(await remind(closed, new Date())).toBe(0);
    expect(await db.emailOutbox.count({ where: { requestId: closed } })).toBe(1);
  });

  it("sends nothing when both reminders are turned off", async () => {
    const received = new Date(Date.now() - 10 * 24 * HOUR);
    const requestId = await unconfirmed(received);
    expect(await remind(requestId, plus(received, 150 * HOUR), { firstAfterHours: 0, lastBeforeHours: 0, expiryDays: 7 })).toBe(0);
  });
});

describe("what the verification page says", () => {
  it("names the reminders the settings send, and none when both are off", async () => {
    const { reminderSentence } = await import("@/lib/verification/reminders");
    expect(reminderSentence(DAILY)).toBe("We email you a reminder with a new code 1 day after you sent it, and a last one 1 day before it closes.");
    expect(reminderSentence({ firstAfterHours: 36, lastBeforeHours: 0, expiryDays: 7 })).toBe("We email you a reminder with a new code 36 hours after you sent it.");
    expect(reminderSentence({ firstAfterHours: 0, lastBeforeHours: 48, expiryDays: 7 })).toBe("We email you a reminder with a new code 2 days before it closes.");
    expect(reminderSentence({ firstAfterHours: 0, lastBeforeHours: 0, expiryDays: 7 })).toBe("");
  });
});
