import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { followUpAfter, mintReferralToken, referralEmail } from "@/lib/referrals/refer";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";
import { absoluteUrl } from "@/lib/requests/status-token";

// Silent customers: a referral nobody acknowledged gets a reminder every REFERRAL_REMINDER_DAYS,
// up to REFERRAL_MAX_REMINDERS, and then escalates to the officer's queue. The job worker
// (lib/jobs/worker.ts) runs this; the state lives in the referral row (next_follow_up_at), so a
// restart loses nothing and a step is never taken twice: each one commits with the email it sends.

export type FollowUpResult = { reminded: number; escalated: number };

const BATCH = 20;

/** Takes every follow-up due at `now`, one referral per transaction. Safe in several processes at once. */
export async function runReferralFollowUps(db: Db, now: Date): Promise<FollowUpResult> {
  const result: FollowUpResult = { reminded: 0, escalated: 0 };
  for (;;) {
    const due = await db.$queryRaw<{ id: string; request_id: string }[]>`
      SELECT id::text, request_id::text FROM referrals
       WHERE status = 'SENT' AND next_follow_up_at <= ${now}::timestamp
       ORDER BY next_follow_up_at LIMIT ${BATCH}::int`;
    if (due.length === 0) return result;
    let progressed = false;
    for (const { id, request_id } of due) {
      const step = await db.$transaction((tx) => followUpOne(tx, id, request_id, now));
      if (step) {
        result[step]++;
        progressed = true;
      }
    }
    // Everything left was taken by another worker or changed under us: nothing more to do now.
    if (!progressed || due.length < BATCH) return result;
  }
}

async function followUpOne(
  tx: Prisma.TransactionClient,
  referralId: string,
  requestId: string,
  now: Date,
): Promise<"reminded" | "escalated" | null> {
  // Request first, then referral: the order every referral action locks in.
  await lockRequest(tx, requestId);
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM referrals
     WHERE id = ${referralId}::uuid AND status = 'SENT' AND next_follow_up_at <= ${now}::timestamp
       FOR UPDATE SKIP LOCKED`;
  if (!row) return null;
  const referral = await tx.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: {
      remindersSent: true,
      sentAt: true,
      customer: { select: { legalName: true } },
      request: { select: { reference: true, status: true } },
    },
  });
  const { customer, request } = referral;
  const org = await readOrganizationDetails(tx);
  const handling = await readHandling(tx);
  const max = handling.referralMaxReminders;

  if (referral.remindersSent < max) {
    const reminderNumber = referral.remindersSent + 1;
    // A new link in every reminder: only hashes are kept, so the first one cannot be re-sent.
    const token = await mintReferralToken(tx, referralId);
    await tx.referral.update({ where: { id: referralId }, data: { remindersSent: reminderNumber, nextFollowUpAt: followUpAfter(now, handling.referralReminderDays) } });
    await recordEvent(tx, {
      requestId,
      actorType: "SYSTEM",
      action: "referral.reminded",
      visibility: "INTERNAL",
      data: { referralId, customerName: customer.legalName, reminderNumber },
      at: now,
    });
    const email = await referralEmail(tx, referralId, token);
    await enqueueEmail(tx, {
      requestId,
      template: "referral-reminder",
      to: email.to,
      props: { ...email.props, reminderNumber, sentAt: referral.sentAt.toISOString(), escalatesAfterThis: reminderNumber >= max },
    });
    return "reminded";
  }

  // Still silent after the last reminder: back to our privacy team. The link keeps working, so a
  // late answer from the customer is still taken.
  const toStatus = request.status === "REFERRED" ? "RECEIVED" : null;
  await tx.referral.update({ where: { id: referralId }, data: { status: "ESCALATED", escalatedAt: now, nextFollowUpAt: null } });
  if (toStatus) await tx.request.update({ where: { id: requestId }, data: { status: toStatus } });
  await recordEvent(tx, {
    requestId,
    actorType: "SYSTEM",
    action: "referral.escalated",
    fromStatus: toStatus ? request.status : null,
    toStatus,
    visibility: "PUBLIC",
    data: { referralId, customerName: customer.legalName, remindersSent: referral.remindersSent },
    at: now,
  });
  await enqueueEmail(tx, {
    requestId,
    template: "referral-escalated",
    to: org.privacyEmail,
    props: {
      org,
      reference: request.reference,
      customerName: customer.legalName,
      remindersSent: referral.remindersSent,
      requestUrl: absoluteUrl(`/admin/requests/${requestId}`),
    },
  });
  return "escalated";
}
