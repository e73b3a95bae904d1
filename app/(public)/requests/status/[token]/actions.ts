"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import { localeHref } from "@/lib/i18n/server";
import { logError } from "@/lib/log";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { answerFromRequester } from "@/lib/requests/handling/ask-for-information";
import { MessageInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";
import { giveIdentityAnswers } from "@/lib/verification/identity/flow";
import { IDENTITY_FIELD_WORDS } from "../field-words";

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid");

// The refusals a requester can meet here, worded in their language by their stable codes; any
// other keeps the domain's words.
const HANDLING_CODES = ["NOT_FOUND", "INVALID_TRANSITION", "APPEAL_NOT_AVAILABLE", "APPEAL_ALREADY_OPEN"] as const;
const IDENTITY_CODES = ["NOT_FOUND", "NOT_AWAITING_ANSWERS", "NOT_ALLOWED", "INVALID_INPUT"] as const;
const isOneOf = <T extends string>(codes: readonly T[], code: string): code is T => (codes as readonly string[]).includes(code);

async function refusalWords(error: DomainError): Promise<string> {
  if (!isOneOf(HANDLING_CODES, error.code)) return error.message;
  const t = await getTranslations("status");
  return t(`actions.errors.${error.code}`);
}

async function guarded<T>(run: () => Promise<T>, event: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof DomainError) return failure(await refusalWords(error), error.code);
    logError(event, error);
    const t = await getTranslations("status");
    return failure(t("actions.internal"), "INTERNAL");
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
    // The appeal's own page, in the language the appeal was written in.
    return { statusPath: await localeHref(outcome.statusPath) };
  }, "request.appeal_failed");
}

/** The answers to the identity questions, with the declaration; the link is the person's proof of their email. */
export async function identityAnswersAction(input: unknown): Promise<ActionResult<{ check: string }>> {
  const t = await getTranslations("status");
  const token = Token.safeParse((input as { token?: unknown } | null)?.token);
  if (!token.success) return failure(t("actions.linkNotValid"), "NOT_FOUND");
  try {
    const result = await giveIdentityAnswers(token.data, input);
    return { ok: true, data: { check: result.check } };
  } catch (error) {
    if (error instanceof DomainError) {
      const fieldErrors = (error as DomainError & { fieldErrors?: Record<string, string> }).fieldErrors;
      if (fieldErrors) {
        const worded = Object.fromEntries(
          Object.entries(fieldErrors).map(([field, message]) => {
            const key = IDENTITY_FIELD_WORDS[message];
            return [field, key ? t(`actions.identityFields.${key}`) : message];
          }),
        );
        return { ok: false, fieldErrors: worded, code: error.code };
      }
      return failure(isOneOf(IDENTITY_CODES, error.code) ? t(`actions.identityErrors.${error.code}`) : error.message, error.code);
    }
    logError("verification.answers_failed", error);
    return failure(t("actions.identityInternal"), "INTERNAL");
  }
}
