import "server-only";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { readHandling } from "@/lib/organization/handling";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/requests/events";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { queueNewCode } from "@/lib/verification/send-code";

// Reminders to confirm the email address: a request still unconfirmed gets one
// VERIFICATION_FIRST_REMINDER_HOURS (24) after it was sent and a last one
// VERIFICATION_LAST_REMINDER_HOURS (24) before it closes unconfirmed at UNVERIFIED_EXPIRY_DAYS (7),
// each as Settings → Request handling may override it (lib/organization/handling.ts).
// Each carries a fresh code and link, which retire the earlier ones; nothing else about the
// request changes. `requests.verification_reminders` counts the stages sent (1, then 2), set in the
// transaction that queues the email, so a pass that runs twice, or in two instances, sends each once.
// A pass that finds a request already past the last reminder's time sends only the last.
// A request whose codes are locked (too many wrong codes) is not reminded: a fresh code would
// restart the guessing, and its emailed link still works.

/** How long a reminder's code and link work: the person may read it hours later. */
export const REMINDER_CODE_TTL_MINUTES = 24 * 60;
const BATCH = 200;
const HOUR = 3_600_000;

export type ReminderSchedule = { firstAfterHours: number; lastBeforeHours: number; expiryDays: number };
export type ReminderStage = 0 | 1 | 2;

/** The schedule in force: the settings' overrides, else the environment's defaults. */
export async function readReminderSchedule(db: Pick<Db, "organizationSettings">): Promise<ReminderSchedule> {
  const handling = await readHandling(db);
  return { firstAfterHours: handling.verificationFirstReminderHours, lastBeforeHours: handling.verificationLastReminderHours, expiryDays: handling.unverifiedExpiryDays };
}

const expiryMsOf = (schedule: ReminderSchedule) => schedule.expiryDays * 24 * HOUR;


/** What the verification page tells the person about reminders, in their language, or "" when none are sent. */
export function reminderSentence(schedule: ReminderSchedule, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "verify");
  // Whole days read as days ("1 day"), anything else as hours.
  const span = (n: number) => (n % 24 === 0 ? t("reminders.days", { count: n / 24 }) : t("reminders.hours", { count: n }));
  const { firstAfterHours: first, lastBeforeHours: last } = schedule;
  if (first > 0 && last > 0) return t("reminders.both", { first: span(first), last: span(last) });
  if (first > 0) return t("reminders.first", { first: span(first) });
  if (last > 0) return t("reminders.last", { last: span(last) });
  return "";
}

/** The reminder a request received at `receivedAt` is due at `now`: 2 the last, 1 the first, 0 none (too early, or already closing). */
export function reminderStageDue(receivedAt: Date, now: Date, schedule: ReminderSchedule): ReminderStage {
  const age = now.getTime() - receivedAt.getTime();
  const expiryMs = expiryMsOf(schedule);
  if (age >= expiryMs) return 0;
  if (schedule.lastBeforeHours > 0 && age >= expiryMs - schedule.lastBeforeHours * HOUR) return 2;
  if (schedule.firstAfterHours > 0 && age >= schedule.firstAfterHours * HOUR) return 1;
  return 0;
}

/** Sends the reminders due at `now`. Returns how many were queued. */
export async function sendVerificationReminders(db: Db, now: Date, given?: ReminderSchedule): Promise<number> {
  const schedule = given ?? (await readReminderSchedule(db));
  const expiryMs = expiryMsOf(schedule);
  const due: Prisma.RequestWhereInput[] = [];
  if (schedule.firstAfterHours > 0) {
    due.push({ verificationReminders: { lt: 1 }, receivedAt: { lte: new Date(now.getTime() - schedule.firstAfterHours * HOUR) } });
  }
  if (schedule.lastBeforeHours > 0) {
    due.push({ verificationReminders: { lt: 2 }, receivedAt: { lte: new Date(now.getTime() - expiryMs + schedule.lastBeforeHours * HOUR) } });
  }
  if (due.length === 0) return 0;
  // The (status, received_at, id) index: unconfirmed requests of the waiting days only.
  const candidates = await db.request.findMany({
    where: {
      status: "PENDING_VERIFICATION",
      receivedAt: { gt: new Date(now.getTime() - expiryMs) },
      codeLockedAt: null,
      requesterEmail: { not: null },
      // An agent or parent who confirmed their address waits for others, not for a code; so does a
      // requester whose address is confirmed and who is asked identity questions.
      NOT: { representative: { emailConfirmedAt: { not: null } } },
      identityCheck: "NOT_NEEDED",
      OR: due,
    },
    select: { id: true, receivedAt: true, verificationReminders: true },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  if (candidates.length === 0) return 0;
  const secret = getEnv().APP_SECRET;
  const { org } = await getSubmissionContext(db);
  let sent = 0;
  for (const candidate of candidates) {
    const stage = reminderStageDue(candidate.receivedAt, now, schedule);
    if (stage <= candidate.verificationReminders) continue;
    const queued = await db.$transaction(async (tx) => {
      // Claims the stage: a concurrent pass, or the person confirming a moment ago, makes this a no-op.
      const claimed = await tx.request.updateMany({
        where: { id: candidate.id, status: "PENDING_VERIFICATION", codeLockedAt: null, verificationReminders: { lt: stage } },
        data: { verificationReminders: stage },
      });
      if (claimed.count === 0) return false;
      const request = await tx.request.findUniqueOrThrow({
        where: { id: candidate.id },
        select: { reference: true, type: true, requesterEmail: true, receivedAt: true },
      });
      if (!request.requesterEmail) return false;
      const which = stage === 2 ? "last" : "first";
      await queueNewCode(tx, {
        secret,
        org,
        request: { id: candidate.id, ...request, requesterEmail: request.requesterEmail },
        now,
        ttlMinutes: REMINDER_CODE_TTL_MINUTES,
        reminder: { which, closesAt: new Date(request.receivedAt.getTime() + expiryMs).toISOString() },
      });
      await recordEvent(tx, {
        requestId: candidate.id,
        actorType: "SYSTEM",
        action: "verification.reminded",
        visibility: "INTERNAL",
        data: { reminder: which },
        at: now,
      });
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
