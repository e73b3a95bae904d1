import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerOutcome, IdentityCheck, RequestType, TokenHolder } from "@/lib/generated/prisma/enums";
import { logError } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";
import { emailRequester } from "@/lib/requests/handling/notify";
import type { OrganizationDetails } from "@/lib/organization/types";
import { statusLinkHolder } from "@/lib/requests/status-token";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { advanceIfReady } from "@/lib/representation/progress";
import { answerMatches } from "@/lib/verification/identity/compare";
import { valuesHeldFor } from "@/lib/verification/identity/lookup";
import { IdentityAnswersSchema } from "@/lib/verification/identity/schema";

// The higher standard of verification (CCPA 11 CCR 7062, and it fits GDPR's "reasonable
// measures" too): for the request types an admin chose, the email check is followed by questions
// whose answers the operator already holds. Each answer is compared with the mapped system that
// holds it, found by the person's email, where the question names a field and the system has a
// connector; otherwise, or when the system cannot be asked, the officer judges it. The answers
// come with a declaration under penalty of perjury. They are used for nothing else and are erased
// with the request's other personal data. A correction is never checked against stored data: it
// may be the very data the person says is wrong (11 CCR 7060(c)), so the officer judges it.
//
// States (requests.identity_check): NOT_NEEDED -> AWAITING_ANSWERS (the email is confirmed and
// questions apply) -> CHECKING (answers stored) -> PASSED | FAILED | FOR_OFFICER, at which point the
// request is verified (RECEIVED) and the officer decides on it. Runs start by themselves only
// after PASSED; the officer settles FOR_OFFICER and may overturn FAILED.

export const QUESTIONS_LIMIT = 10;
/** A request left CHECKING this long (the process died mid-check) is checked again by the due pass. */
export const STUCK_CHECK_MS = 120_000;

export type AskedQuestion = { id: string; prompt: string; hint: string | null; answerKind: "TEXT" | "MONTH" };

/** The active questions for a type, in the admin's order. */
export async function questionsFor(client: Pick<Prisma.TransactionClient, "verificationQuestion">, type: RequestType): Promise<AskedQuestion[]> {
  return client.verificationQuestion.findMany({
    where: { active: true, requestTypes: { has: type } },
    select: { id: true, prompt: true, hint: true, answerKind: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    take: QUESTIONS_LIMIT,
  });
}

/** Who answers: the person the request is about (an agent's consumer answers for themselves), or the parent for a child. */
export function answeringHolder(submittedBy: "SELF" | "AGENT" | "PARENT"): TokenHolder {
  return submittedBy === "AGENT" ? "SUBJECT" : "REQUESTER";
}

/**
 * Called when nothing else holds a pending request back: asks the questions if its type has any.
 * Returns true while the request waits for answers (or for their check).
 */
export async function identityHoldsBack(tx: Prisma.TransactionClient, requestId: string, org: OrganizationDetails, now: Date): Promise<boolean> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, reference: true, type: true, identityCheck: true, submittedBy: true, requesterEmail: true },
  });
  if (request.identityCheck === "AWAITING_ANSWERS" || request.identityCheck === "CHECKING") return true;
  if (request.identityCheck !== "NOT_NEEDED" || request.type === "OPT_OUT_SALE") return false;
  const questions = await questionsFor(tx, request.type);
  if (questions.length === 0) return false;
  await tx.request.update({ where: { id: requestId }, data: { identityCheck: "AWAITING_ANSWERS" } });
  await recordEvent(tx, {
    requestId,
    actorType: "SYSTEM",
    action: "verification.questions_asked",
    visibility: "PUBLIC",
    data: { questions: questions.length },
    at: now,
  });
  // The consumer an agent filed for answers on their own page, and may not be looking at it now
  // (the agent's upload can be the last step): tell them, with their link.
  if (request.submittedBy === "AGENT") {
    await emailRequester(
      tx,
      request,
      org,
      "more-information-needed",
      { question: "Before we act on the request your agent made for you, please answer a few questions on its page, so that we know it is you." },
      "SUBJECT",
    );
  }
  return true;
}

export type IdentityResult = { check: IdentityCheck };

/**
 * The answers from a status link: stored with the declaration, then compared. Only the link of
 * the person who answers (answeringHolder) may give them, once, while the request waits for them.
 */
export async function giveIdentityAnswers(statusToken: string, input: unknown, at: Date = clockNow()): Promise<IdentityResult> {
  const link = await statusLinkHolder(appDb, statusToken, at);
  if (!link) throw new DomainError("NOT_FOUND", "This link does not open a request.");
  const { requestId } = link;
  await appDb.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { type: true, status: true, identityCheck: true, submittedBy: true },
    });
    if (request.status !== "PENDING_VERIFICATION" || request.identityCheck !== "AWAITING_ANSWERS") {
      throw new DomainError("NOT_AWAITING_ANSWERS", "These questions have been answered already.");
    }
    if (link.holder !== answeringHolder(request.submittedBy)) {
      throw new DomainError("NOT_ALLOWED", "The person this request is about answers these questions, from their own link.");
    }
    const questions = await questionsFor(tx, request.type);
    const parsed = IdentityAnswersSchema(questions.map((q) => q.id)).safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join(".")] ??= issue.message;
      throw Object.assign(new DomainError("INVALID_INPUT", "Check the answers marked below."), { fieldErrors });
    }
    const { answers, signature } = parsed.data;
    for (const question of questions) {
      await tx.verificationAnswer.create({
        data: { requestId, questionId: question.id, prompt: question.prompt, answer: answers[question.id]!, createdAt: at },
      });
    }
    await tx.request.update({
      where: { id: requestId },
      data: { identityCheck: "CHECKING", identityDeclaredAt: at, identitySignature: signature },
    });
    // No answer in the audit trail: only that they were given, under the declaration.
    await recordEvent(tx, {
      requestId,
      actorType: "REQUESTER",
      action: "verification.answers_given",
      visibility: "PUBLIC",
      data: { answers: questions.length, declared: true },
      at,
    });
  });
  return checkIdentityAnswers(appDb, requestId, at);
}

/**
 * Compares a request's stored answers (outside any transaction: systems may be slow) and settles
 * the check, which verifies the request. Safe to run twice: only a CHECKING request is settled.
 */
export async function checkIdentityAnswers(db: Db, requestId: string, at: Date = clockNow()): Promise<IdentityResult> {
  const request = await db.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      type: true,
      requesterEmail: true,
      identityAnswers: {
        where: { outcome: null },
        select: { id: true, answer: true, question: { select: { matching: true, field: { select: { id: true, collection: { select: { systemId: true } } } } } } },
        take: QUESTIONS_LIMIT,
      },
    },
  });
  const outcomes: { id: string; outcome: AnswerOutcome; note: string | null }[] = [];
  for (const answer of request.identityAnswers) {
    const field = answer.question.field;
    if (request.type === "CORRECTION") {
      outcomes.push({ id: answer.id, outcome: "FOR_OFFICER", note: "A correction is never checked against the data it may correct (CCPA 11 CCR 7060)." });
    } else if (!field || !request.requesterEmail || !answer.answer) {
      outcomes.push({ id: answer.id, outcome: "FOR_OFFICER", note: field ? null : "The question names no mapped field: the officer judges it." });
    } else {
      const held = await valuesHeldFor(db, field.collection.systemId, field.id, request.requesterEmail);
      if (!held.ok) outcomes.push({ id: answer.id, outcome: "UNAVAILABLE", note: held.note });
      else if (held.values.length === 0) outcomes.push({ id: answer.id, outcome: "FOR_OFFICER", note: "No record with this email address was found to compare with." });
      else {
        const matched = held.values.some((value) => answerMatches(answer.answer!, value, answer.question.matching));
        outcomes.push({ id: answer.id, outcome: matched ? "MATCHED" : "NOT_MATCHED", note: null });
      }
    }
  }
  const { org } = await getSubmissionContext(db);
  const check = await db.$transaction(async (tx): Promise<IdentityCheck> => {
    await lockRequest(tx, requestId);
    const current = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { identityCheck: true } });
    if (current.identityCheck !== "CHECKING") return current.identityCheck;
    for (const o of outcomes) {
      await tx.verificationAnswer.updateMany({ where: { id: o.id, outcome: null }, data: { outcome: o.outcome, note: o.note, checkedAt: at } });
    }
    const all = await tx.verificationAnswer.findMany({ where: { requestId }, select: { outcome: true }, take: QUESTIONS_LIMIT });
    const count = (outcome: AnswerOutcome) => all.filter((a) => a.outcome === outcome).length;
    const result: IdentityCheck = count("NOT_MATCHED") > 0 ? "FAILED" : count("FOR_OFFICER") + count("UNAVAILABLE") > 0 ? "FOR_OFFICER" : "PASSED";
    await tx.request.update({ where: { id: requestId }, data: { identityCheck: result } });
    await recordEvent(tx, {
      requestId,
      actorType: "SYSTEM",
      action: "verification.identity_checked",
      visibility: "INTERNAL",
      data: { result, matched: count("MATCHED"), notMatched: count("NOT_MATCHED"), forOfficer: count("FOR_OFFICER") + count("UNAVAILABLE") },
      at,
    });
    await advanceIfReady(tx, requestId, org, at);
    return result;
  });
  wakeOutboxWorker();
  return { check };
}

/** The due pass's backstop: checks requests a crash left CHECKING. Returns how many it settled. */
export async function checkStuckIdentityAnswers(db: Db, now: Date): Promise<number> {
  const stuck = await db.request.findMany({
    where: { identityCheck: "CHECKING", identityDeclaredAt: { lt: new Date(now.getTime() - STUCK_CHECK_MS) } },
    select: { id: true },
    orderBy: { identityDeclaredAt: "asc" },
    take: 20,
  });
  let settled = 0;
  for (const { id } of stuck) {
    try {
      await checkIdentityAnswers(db, id, now);
      settled++;
    } catch (error) {
      logError("verification.identity_recheck_failed", error, { requestId: id });
    }
  }
  return settled;
}

/**
 * The officer's decision on answers the portal could not settle (FOR_OFFICER), or on a FAILED
 * check they have reason to overturn: PASSED or FAILED, with the reason in the audit trail.
 */
export async function decideIdentity(
  requestId: string,
  input: { decision: "PASSED" | "FAILED"; reason: string },
  staff: StaffUser,
  at: Date = clockNow(),
): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("INVALID_INPUT", "Say what the decision rests on.");
  if (reason.length > 2000) throw new DomainError("INVALID_INPUT", "Keep the reason under 2000 characters.");
  await appDb.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { identityCheck: true, closedAt: true } });
    if (request.closedAt) throw new DomainError("INVALID_TRANSITION", "The request is closed.");
    if (request.identityCheck !== "FOR_OFFICER" && request.identityCheck !== "FAILED") {
      throw new DomainError("INVALID_TRANSITION", "There is no identity check waiting for a decision.");
    }
    if (request.identityCheck === input.decision) throw new DomainError("INVALID_TRANSITION", "The check already says so.");
    await tx.request.update({ where: { id: requestId }, data: { identityCheck: input.decision } });
    await recordEvent(tx, {
      requestId,
      actorType: "STAFF",
      actorId: staff.id,
      action: "verification.identity_decided",
      visibility: "INTERNAL",
      data: { from: request.identityCheck, to: input.decision, reason },
      at,
    });
  });
}
