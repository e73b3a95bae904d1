"use server";

import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import { logError } from "@/lib/log";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { answerFromRequester } from "@/lib/requests/handling/ask-for-information";
import { MessageInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";
import { giveIdentityAnswers } from "@/lib/verification/identity/flow";

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid");

async function guarded<T>(run: () => Promise<T>, event: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof DomainError) return failure(error.message, error.code);
    logError(event, error);
    return failure("That did not work because of a problem on our side. Please try again in a moment.", "INTERNAL");
  }
}

/** The requester answers a question from the privacy team; the link itself is their proof. */
export async function answerAction(input: unknown): Promise<ActionResult<null>> {
  const parsed = MessageInputSchema.extend({ token: Token }).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  return guarded(async () => {
    await answerFromRequester(parsed.data.token, { message: parsed.data.message });
    return null;
  }, "request.answer_failed");
}

export async function appealAction(input: unknown): Promise<ActionResult<{ statusPath: string }>> {
  const parsed = ReasonInputSchema.extend({ token: Token }).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  return guarded(async () => {
    const outcome = await appealDecision(parsed.data.token, { reason: parsed.data.reason });
    return { statusPath: outcome.statusPath };
  }, "request.appeal_failed");
}

/** The answers to the identity questions, with the declaration; the link is the person's proof of their email. */
export async function identityAnswersAction(input: unknown): Promise<ActionResult<{ check: string }>> {
  const token = Token.safeParse((input as { token?: unknown } | null)?.token);
  if (!token.success) return failure("This link is not valid.", "NOT_FOUND");
  try {
    const result = await giveIdentityAnswers(token.data, input);
    return { ok: true, data: { check: result.check } };
  } catch (error) {
    if (error instanceof DomainError) {
      const fieldErrors = (error as DomainError & { fieldErrors?: Record<string, string> }).fieldErrors;
      return fieldErrors ? { ok: false, fieldErrors, code: error.code } : failure(error.message, error.code);
    }
    logError("verification.answers_failed", error);
    return failure("Your answers were not sent because of a problem on our side. Please try again in a moment.", "INTERNAL");
  }
}
