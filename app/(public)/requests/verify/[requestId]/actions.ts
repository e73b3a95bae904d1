"use server";

import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/http/client-ip";
import { wakeJobWorker } from "@/lib/jobs/worker";
import { logError } from "@/lib/log";
import { VerifyCodeSchema } from "@/lib/requests/schema";
import { resendVerification } from "@/lib/verification/resend";
import { verifyByCode } from "@/lib/verification/verify";
import { resendMessage, verifyFailureMessage } from "@/lib/verification/messages";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import { translatorFor } from "@/lib/i18n/translator";

export async function verifyCodeAction(input: unknown): Promise<ActionResult<{ statusPath: string }>> {
  const parsed = VerifyCodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  const locale = await readerLocale();
  try {
    const result = await verifyByCode(parsed.data.requestId, parsed.data.code, { ip: await clientIp() });
    if (result.ok) {
      // A run may start by itself for this request type: the due pass does it now (lib/fulfillment/sweep.ts).
      wakeJobWorker();
      // The status page in the language the code was typed in.
      return { ok: true, data: { statusPath: localePath(locale, result.statusPath) } };
    }
    const message = verifyFailureMessage(result.code, result, locale);
    return result.code === "INVALID_CODE"
      ? { ok: false, fieldErrors: { code: message }, code: result.code }
      : failure(message, result.code);
  } catch (error) {
    logError("verification.code_failed", error);
    return failure(translatorFor(locale, "verify")("failures.INTERNAL"), "INTERNAL");
  }
}

export type ResendState = { tone: "success" | "error"; message: string } | null;

/** A plain form action so resending works without JavaScript too. */
export async function resendAction(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const requestId = String(formData.get("requestId") ?? "");
  const locale = await readerLocale();
  try {
    const result = await resendVerification(requestId);
    return { tone: result.ok ? "success" : "error", message: resendMessage(result, locale) };
  } catch (error) {
    logError("verification.resend_failed", error);
    return { tone: "error", message: translatorFor(locale, "verify")("resend.INTERNAL") };
  }
}
