"use server";

import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import { logError } from "@/lib/log";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { answerFromRequester } from "@/lib/requests/handling/ask-for-information";
import { MessageInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";

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
