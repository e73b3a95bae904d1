import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/actions/domain-error";
import type { MessageAuthor, TokenHolder } from "@/lib/generated/prisma/enums";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, isUuid, lockRequest } from "@/lib/requests/handling/load";
import { statusLinkHolder } from "@/lib/requests/status-token";
import { emailRequester } from "@/lib/requests/handling/notify";
import { MessageInputSchema, parseInput, type MessageInput } from "@/lib/requests/handling/schema";
import { assertTransition, refuse } from "@/lib/requests/lifecycle";
import { getSubmissionContext } from "@/lib/requests/submission-context";

// The question and the answer are personal content: they live in request_messages, and the audit
// events that record the exchange carry only the message's id.

/**
 * RECEIVED | IN_PROGRESS -> AWAITING_REQUESTER. Stores the question and emails it to the requester
 * with a fresh status link, where they answer. Throws NOT_FOUND, INVALID_INPUT, INVALID_TRANSITION.
 */
export async function askForInformation(
  requestId: string,
  input: MessageInput,
  staff: StaffUser,
  now = new Date(),
): Promise<{ messageId: string }> {
  const { message, party = "REQUESTER" } = parseInput(MessageInputSchema, input);
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, reference: true, type: true, status: true, requesterEmail: true, submittedBy: true },
    });
    const toStatus = assertTransition("askForInformation", request.status);
    if (party === "SUBJECT" && request.submittedBy !== "AGENT") {
      throw new DomainError("INVALID_INPUT", "Only a request made by an authorized agent has a consumer to ask separately.");
    }
    const created = await tx.requestMessage.create({
      data: { requestId, author: "STAFF", party, staffId: staff.id, body: message, createdAt: now },
      select: { id: true },
    });
    await tx.request.update({ where: { id: requestId }, data: { status: toStatus } });
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "request.information_requested",
      fromStatus: request.status,
      toStatus,
      visibility: "PUBLIC",
      data: { messageId: created.id, ...(request.submittedBy === "SELF" ? {} : { party }) },
      at: now,
    });
    await emailRequester(tx, request, org, "more-information-needed", { question: message }, party);
    return { messageId: created.id };
  });
  wakeOutboxWorker();
  return result;
}

/**
 * The requester's answer, from the status page (they hold its private link): AWAITING_REQUESTER
 * -> IN_PROGRESS. Throws NOT_FOUND (unknown, revoked or expired link), INVALID_INPUT and
 * INVALID_TRANSITION (nothing was asked, or it was already answered).
 */
export async function answerFromRequester(statusToken: string, input: MessageInput, now = new Date()): Promise<{ messageId: string }> {
  const { message } = parseInput(MessageInputSchema, input);
  return db.$transaction(async (tx) => {
    const link = await statusLinkHolder(tx, statusToken, now);
    if (!link) throw refuse("NOT_FOUND");
    const { requestId, holder } = link;
    await lockRequest(tx, requestId);
    const { status, submittedBy } = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, submittedBy: true } });
    const toStatus = assertTransition("answer", status);
    const created = await tx.requestMessage.create({
      data: { requestId, author: "REQUESTER", party: holder, body: message, createdAt: now },
      select: { id: true },
    });
    await tx.request.update({ where: { id: requestId }, data: { status: toStatus } });
    await recordEvent(tx, {
      requestId,
      actorType: "REQUESTER",
      action: "request.information_provided",
      fromStatus: status,
      toStatus,
      visibility: "PUBLIC",
      data: { messageId: created.id, ...(submittedBy === "SELF" ? {} : { party: holder }) },
      at: now,
    });
    return { messageId: created.id };
  });
}

export type RequestMessageView = { id: string; author: MessageAuthor; party: TokenHolder; staffId: string | null; body: string; createdAt: Date };

export const MESSAGES_LIMIT = 200;

/**
 * The exchange with the requester, oldest first: the newest MESSAGES_LIMIT messages. The caller
 * decides who may read it (staff with requests.readPersonal, or the requester on their status page).
 */
export async function listMessages(
  requestId: string,
  /** Only one person's exchange: on an agent's request, the agent and the consumer each see their own. */
  party?: TokenHolder,
): Promise<RequestMessageView[]> {
  if (!isUuid(requestId)) return [];
  const newest = await db.requestMessage.findMany({
    where: { requestId, ...(party ? { party } : {}) },
    select: { id: true, author: true, party: true, staffId: true, body: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGES_LIMIT,
  });
  return newest.reverse();
}
