import "server-only";
import type { Db } from "@/lib/db";
import { dataUseName } from "@/lib/datamap/taxonomy";
import { byHandLinesFor } from "@/lib/erasure/by-hand-lines";
import { perTransaction } from "@/lib/db/per-transaction";
import { getEnv } from "@/lib/env";
import { identityLabel } from "@/lib/fulfillment/plan";
import { openIdentities } from "@/lib/fulfillment/records";
import type { NoticeChannel, NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import { drainDue } from "@/lib/jobs/drain";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { NOTICE_KIND_FOR_REQUEST } from "@/lib/recipients/notice-words";
import { recordEvent } from "@/lib/requests/events";
import { RESTRICTION_GROUND_LABELS } from "@/lib/requests/schema";
import { absoluteUrl } from "@/lib/requests/status-token";
import { hashToken, newToken } from "@/lib/security/tokens";

// Telling the recipients (GDPR Art. 19, CCPA §7022(b)(3)): when a deletion, correction or
// restriction is completed, every third party of the data map that holds personal data and every
// customer the request was referred to (the controller in the processor case) is told, in the
// completion's transaction. A third party whose system the erasure run erased through its own
// connection is recorded as told by connector, confirmed when its rows were erased. The others get
// an email with a link to confirm on (no account; only the link's hash is kept), reminded and
// escalated as a manual system's owner is (MANUAL_TASK_* settings). The request's record lists who
// was told and when they confirmed; the requester sees the same list on the status page.

const DAY = 86_400_000;
const MAX_SYSTEMS = 500;

type Tx = Prisma.TransactionClient;

export type NoticeRecipient = {
  systemId: string | null;
  customerId: string | null;
  name: string;
  channel: NoticeChannel;
  sentTo: string[];
  /** Set for a system erased by connector: when its rows were erased. */
  erasedAt: Date | null;
  /** An owner's task: the system's uses to stop or restrict. */
  dataUses?: string[];
};

/** What a recipient is told of, as against an owner's task (lib/recipients/processing.ts). */
export const RECIPIENT_KINDS: NoticeKind[] = ["ERASURE", "CORRECTION", "RESTRICTION"];
export const OWNER_TASK_KINDS: NoticeKind[] = ["STOP_PROCESSING", "RESTRICT_PROCESSING", "ERASE_BY_HAND", "CORRECT_BY_HAND"];

export function noticePath(token: string): string {
  return `/notices/${token}`;
}

/** Who a completed request of this type tells, and how; empty for a type nobody is told of. */
export async function recipientsToTell(tx: Db | Tx, requestId: string, kind: NoticeKind): Promise<NoticeRecipient[]> {
  const systems = await tx.dataSystem.findMany({
    where: { thirdParty: true },
    select: { id: true, name: true, ownerEmail: true, noticeEmail: true, collections: { select: { fields: { select: { categories: true } } } } },
    orderBy: { name: "asc" },
    take: MAX_SYSTEMS,
  });
  const personal = systems.filter((s) => s.collections.some((c) => c.fields.some((f) => f.categories.some((k) => k === "user" || k.startsWith("user.")))));
  // A run that erased (or corrected) a third party's system told it through its own connection.
  const erased =
    kind === "ERASURE" || kind === "CORRECTION"
      ? await tx.fulfillmentTask.findMany({
          where: {
            run: { requestId, kind, status: "ERASED" },
            systemId: { in: personal.map((s) => s.id) },
            erasedAt: { not: null },
            // A correction told only the systems it wrote in.
            ...(kind === "CORRECTION" ? { rowsErased: { gt: 0 } } : {}),
          },
          select: { systemId: true, erasedAt: true },
        })
      : [];
  const erasedAt = new Map(erased.map((t) => [t.systemId, t.erasedAt]));
  // The customers the request concerned: not one it was withdrawn from because it was routed
  // elsewhere (the wrong customer), but one whose part the officer took over.
  const rerouted = await tx.requestEvent.findMany({ where: { requestId, action: "referral.withdrawn" }, select: { data: true }, take: 100 });
  const wrong = new Set(rerouted.map((e) => (e.data as { referralId?: string } | null)?.referralId).filter(Boolean));
  const referrals = (
    await tx.referral.findMany({
      where: { requestId },
      select: { id: true, customer: { select: { id: true, legalName: true, privacyEmails: true } } },
      orderBy: { sentAt: "asc" },
      take: 100,
    })
  ).filter((r) => !wrong.has(r.id));
  const customers = [...new Map(referrals.map((r) => [r.customer.id, r.customer])).values()];
  return [
    ...personal.map((s): NoticeRecipient => {
      const at = erasedAt.get(s.id) ?? null;
      return at
        ? { systemId: s.id, customerId: null, name: s.name, channel: "CONNECTOR", sentTo: [], erasedAt: at }
        : { systemId: s.id, customerId: null, name: s.name, channel: "EMAIL", sentTo: [s.noticeEmail ?? s.ownerEmail], erasedAt: null };
    }),
    ...customers
      .filter((c) => c.privacyEmails.length > 0)
      .map((c): NoticeRecipient => ({ systemId: null, customerId: c.id, name: c.legalName, channel: "EMAIL", sentTo: c.privacyEmails, erasedAt: null })),
  ];
}

async function mintNoticeToken(tx: Tx, noticeId: string, now: Date): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + getEnv().MANUAL_TASK_LINK_DAYS * DAY);
  await tx.noticeToken.create({ data: { noticeId, tokenHash: hashToken(token), expiresAt, createdAt: now } });
  return token;
}

/** What the recipient needs to act: who the person is and, for a correction or restriction, what they asked. */
async function noticeSubject(tx: Tx, requestId: string) {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      reference: true,
      type: true,
      requesterEmail: true,
      details: true,
      runs: { select: { identities: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  const identities = new Map<string, { label: string; value: string }>();
  if (request.requesterEmail) identities.set(`email:${request.requesterEmail.toLowerCase()}`, { label: "Email", value: request.requesterEmail });
  for (const run of request.runs) {
    for (const i of openIdentities(run.identities)) {
      const key = `${i.type}:${i.value.toLowerCase()}`;
      if (!identities.has(key)) identities.set(key, { label: capitalise(identityLabel(i.type)), value: i.value });
    }
  }
  const details = (request.details ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : null);
  const asked: { label: string; value: string }[] = [];
  if (request.type === "CORRECTION") {
    if (text("whatIsWrong")) asked.push({ label: "What is wrong", value: text("whatIsWrong")! });
    if (text("correctValue")) asked.push({ label: "What it should say", value: text("correctValue")! });
  }
  if (request.type === "RESTRICTION") {
    if (text("activity")) asked.push({ label: "The use to restrict", value: text("activity")! });
    const ground = text("ground");
    if (ground && ground in RESTRICTION_GROUND_LABELS) asked.push({ label: "Why", value: RESTRICTION_GROUND_LABELS[ground as keyof typeof RESTRICTION_GROUND_LABELS] });
  }
  return { reference: request.reference, identities: [...identities.values()], asked };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function noticeEmailProps(tx: Tx, noticeId: string, token: string, now: Date) {
  const notice = await tx.recipientNotice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { requestId: true, kind: true, recipientName: true, systemId: true, customerId: true, sentTo: true, dataUses: true },
  });
  // Shared by the notices one transaction writes (a completion tells several recipients).
  const subject = await perTransaction(tx, `notice-subject:${notice.requestId}`, () => noticeSubject(tx, notice.requestId));
  // Erasing by hand: what the map erases and keeps in that system, as the run would.
  const asked = notice.kind === "ERASE_BY_HAND" && notice.systemId ? await byHandLinesFor(tx, notice.systemId) : subject.asked;
  return {
    to: notice.sentTo.join(", "),
    props: {
      org: await perTransaction(tx, "organization", () => readOrganizationDetails(tx)),
      reference: subject.reference,
      kind: notice.kind,
      recipientName: notice.recipientName,
      asController: notice.customerId !== null,
      identities: subject.identities,
      asked,
      uses: notice.dataUses.map((key) => ({ key, label: dataUseName(key) })),
      noticeUrl: absoluteUrl(noticePath(token)),
      answerBy: new Date(now.getTime() + getEnv().MANUAL_TASK_REMINDER_DAYS * DAY).toISOString(),
    },
  };
}

/**
 * Records one notice and, unless the connector already did the work, emails its link; in the
 * caller's transaction. The follow-ups start from here.
 */
export async function sendNotice(tx: Tx, r: NoticeRecipient & { requestId: string; kind: NoticeKind }, now: Date): Promise<void> {
  const byConnector = r.channel === "CONNECTOR";
  const notice = await tx.recipientNotice.create({
    data: {
      requestId: r.requestId,
      kind: r.kind,
      systemId: r.systemId,
      customerId: r.customerId,
      recipientName: r.name,
      channel: r.channel,
      sentTo: r.sentTo,
      dataUses: r.dataUses ?? [],
      sentAt: byConnector ? r.erasedAt! : now,
      confirmedAt: byConnector ? r.erasedAt : null,
      nextFollowUpAt: byConnector ? null : new Date(now.getTime() + getEnv().MANUAL_TASK_REMINDER_DAYS * DAY),
    },
    select: { id: true },
  });
  if (byConnector) return;
  const token = await mintNoticeToken(tx, notice.id, now);
  const email = await noticeEmailProps(tx, notice.id, token, now);
  await enqueueEmail(tx, { requestId: r.requestId, template: "recipient-notice", to: email.to, props: email.props });
}

/**
 * Tells every recipient of a completed deletion, correction or restriction, in the completion's
 * transaction (the request locked by the caller). Returns the names told, for the requester's
 * email; nothing for other types. A request already told is not told twice.
 */
export async function tellRecipients(tx: Tx, requestId: string, requestType: string, now: Date): Promise<string[]> {
  const kind = NOTICE_KIND_FOR_REQUEST[requestType];
  if (!kind) return [];
  if (await tx.recipientNotice.count({ where: { requestId, kind } })) return [];
  const recipients = await recipientsToTell(tx, requestId, kind);
  if (recipients.length === 0) return [];
  for (const r of recipients) await sendNotice(tx, { ...r, requestId, kind }, now);
  await recordEvent(tx, {
    requestId,
    actorType: "SYSTEM",
    action: "recipients.told",
    visibility: "PUBLIC",
    // Organisations' names only: who the person's data went to is theirs to know (Art. 19, last sentence).
    data: { kind, recipients: recipients.map((r) => ({ name: r.name, byConnector: r.channel === "CONNECTOR" })) },
    at: now,
  });
  return recipients.map((r) => r.name);
}

export type NoticeFollowUpResult = { noticesReminded: number; noticesEscalated: number };

/** Reminds recipients who have not confirmed and, after the last reminder, tells the privacy team. Safe in several processes. */
export async function runNoticeFollowUps(db: Db, now: Date): Promise<NoticeFollowUpResult> {
  const counts = await drainDue(
    (take) =>
      db.recipientNotice.findMany({
        where: { confirmedAt: null, nextFollowUpAt: { lte: now } },
        select: { id: true },
        orderBy: { nextFollowUpAt: "asc" },
        take,
      }),
    (id) => db.$transaction((tx) => followUpOne(tx, id, now)),
  );
  return { noticesReminded: counts.reminded ?? 0, noticesEscalated: counts.escalated ?? 0 };
}

async function followUpOne(tx: Tx, noticeId: string, now: Date): Promise<"reminded" | "escalated" | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM recipient_notices
     WHERE id = ${noticeId}::uuid AND confirmed_at IS NULL AND next_follow_up_at <= ${now}::timestamp
       FOR UPDATE SKIP LOCKED`;
  if (!row) return null;
  const notice = await tx.recipientNotice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { requestId: true, remindersSent: true, recipientName: true, request: { select: { reference: true } } },
  });
  const env = getEnv();
  if (notice.remindersSent < env.MANUAL_TASK_MAX_REMINDERS) {
    const reminderNumber = notice.remindersSent + 1;
    await tx.recipientNotice.update({
      where: { id: noticeId },
      data: { remindersSent: reminderNumber, nextFollowUpAt: new Date(now.getTime() + env.MANUAL_TASK_REMINDER_DAYS * DAY) },
    });
    const token = await mintNoticeToken(tx, noticeId, now);
    const email = await noticeEmailProps(tx, noticeId, token, now);
    await enqueueEmail(tx, {
      requestId: notice.requestId,
      template: "recipient-notice",
      to: email.to,
      props: { ...email.props, reminderNumber, escalatesAfterThis: reminderNumber >= env.MANUAL_TASK_MAX_REMINDERS },
    });
    await recordEvent(tx, {
      requestId: notice.requestId,
      actorType: "SYSTEM",
      action: "recipients.reminded",
      visibility: "INTERNAL",
      data: { recipient: notice.recipientName, reminderNumber },
      at: now,
    });
    return "reminded";
  }
  // The links keep working: a late confirmation is still taken.
  await tx.recipientNotice.update({ where: { id: noticeId }, data: { escalatedAt: now, nextFollowUpAt: null } });
  await recordEvent(tx, {
    requestId: notice.requestId,
    actorType: "SYSTEM",
    action: "recipients.silent",
    visibility: "INTERNAL",
    data: { recipient: notice.recipientName, remindersSent: notice.remindersSent },
    at: now,
  });
  const org = await readOrganizationDetails(tx);
  await enqueueEmail(tx, {
    requestId: notice.requestId,
    template: "recipient-notice-escalated",
    to: org.privacyEmail,
    props: {
      org,
      reference: notice.request.reference,
      recipientName: notice.recipientName,
      remindersSent: notice.remindersSent,
      requestUrl: absoluteUrl(`/admin/requests/${notice.requestId}`),
    },
  });
  return "escalated";
}

export type NoticeRow = {
  id: string;
  kind: NoticeKind;
  recipientName: string;
  channel: NoticeChannel;
  sentTo: string[];
  sentAt: Date;
  confirmedAt: Date | null;
  heldNothing: boolean;
  note: string | null;
  remindersSent: number;
  escalatedAt: Date | null;
  dataUses: string[];
};

/** The request's notices of `kinds` (its recipients, or its owners' tasks), in the order sent (at most 600: the map's bound). */
export async function listNotices(db: Db | Tx, requestId: string, kinds: NoticeKind[] = RECIPIENT_KINDS): Promise<NoticeRow[]> {
  return db.recipientNotice.findMany({
    where: { requestId, kind: { in: kinds } },
    select: {
      id: true,
      kind: true,
      recipientName: true,
      channel: true,
      sentTo: true,
      sentAt: true,
      confirmedAt: true,
      heldNothing: true,
      note: true,
      remindersSent: true,
      escalatedAt: true,
      dataUses: true,
    },
    orderBy: [{ sentAt: "asc" }, { recipientName: "asc" }],
    take: MAX_SYSTEMS + 100,
  });
}
