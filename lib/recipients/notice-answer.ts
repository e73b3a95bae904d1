import "server-only";
import { now as clockNow } from "@/lib/clock";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import type { NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { noticeEmailProps } from "@/lib/recipients/notices";
import { NOTICE_ERRORS, NoticeAnswerSchema } from "@/lib/recipients/notice-schema";
import { isOwnerTask } from "@/lib/recipients/notice-words";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";
import { hashToken } from "@/lib/security/tokens";

// A told recipient (or an owner asked to stop or restrict a use) confirms from their link: done,
// or they held nothing about the person (the system does not use the data so), with an optional
// note for the privacy team. A recipient's confirmation is on the request's public timeline (the
// requester sees who confirmed); an owner's on the staff timeline.

export type NoticeView =
  | {
      state: "open";
      reference: string;
      kind: NoticeKind;
      recipientName: string;
      asController: boolean;
      identities: { label: string; value: string }[];
      asked: { label: string; value: string }[];
      uses: { key: string; label: string }[];
      operatorName: string;
    }
  | { state: "confirmed"; reference: string; kind: NoticeKind; recipientName: string; operatorName: string };

/** The notice a link belongs to, or null for an unknown, expired or revoked link. */
async function noticeIdForToken(client: Pick<Prisma.TransactionClient, "noticeToken">, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await client.noticeToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { noticeId: true, revokedAt: true, expiresAt: true } });
  return found && !found.revokedAt && found.expiresAt > now ? found.noticeId : null;
}

export async function getNoticeView(db: Db, token: string, now = clockNow()): Promise<NoticeView | null> {
  const noticeId = await noticeIdForToken(db, token, now);
  if (!noticeId) return null;
  const notice = await db.recipientNotice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { confirmedAt: true, kind: true, recipientName: true, request: { select: { reference: true } } },
  });
  const org = await readOrganizationDetails(db);
  if (notice.confirmedAt) {
    return { state: "confirmed", reference: notice.request.reference, kind: notice.kind, recipientName: notice.recipientName, operatorName: org.legalName };
  }
  const { props } = await db.$transaction((tx) => noticeEmailProps(tx, noticeId, token, now));
  return {
    state: "open",
    reference: props.reference,
    kind: props.kind,
    recipientName: props.recipientName,
    asController: props.asController,
    identities: props.identities,
    asked: props.asked,
    uses: props.uses,
    operatorName: org.legalName,
  };
}

/** Records the recipient's confirmation. Throws NOTICE_NOT_FOUND (unknown, expired or revoked link; already confirmed) or NOTICE_ANSWER_INVALID. */
export async function confirmNotice(db: Db, token: string, input: { outcome: string | null; note: string }, now = clockNow()): Promise<void> {
  const parsed = NoticeAnswerSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOTICE_ANSWER_INVALID", NOTICE_ERRORS.NOTICE_ANSWER_INVALID);
  await db.$transaction(async (tx) => {
    const noticeId = await noticeIdForToken(tx, token, now);
    const found = noticeId ? await tx.recipientNotice.findUnique({ where: { id: noticeId }, select: { requestId: true, recipientName: true, kind: true } }) : null;
    if (!noticeId || !found) throw new DomainError("NOTICE_NOT_FOUND", NOTICE_ERRORS.NOTICE_NOT_FOUND);
    await lockRequest(tx, found.requestId);
    const heldNothing = parsed.data.outcome === "HELD_NOTHING";
    const { count } = await tx.recipientNotice.updateMany({
      where: { id: noticeId, confirmedAt: null },
      data: { confirmedAt: now, heldNothing, note: parsed.data.note || null, nextFollowUpAt: null },
    });
    // Confirmed already (a second tab, a repeated post): the page shows it as confirmed.
    if (count === 0) throw new DomainError("NOTICE_NOT_FOUND", NOTICE_ERRORS.NOTICE_NOT_FOUND);
    // A recipient's confirmation is the requester's to see (by organisation); an owner's task is internal.
    const owner = isOwnerTask(found.kind);
    await recordEvent(tx, {
      requestId: found.requestId,
      actorType: "SYSTEM",
      action: owner ? "processing.confirmed" : "recipients.confirmed",
      visibility: owner ? "INTERNAL" : "PUBLIC",
      data: { recipient: found.recipientName, kind: found.kind, heldNothing },
      at: now,
    });
  });
}
