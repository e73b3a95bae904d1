import type { ResendResult } from "@/lib/verification/resend";
import type { VerifyFailureCode } from "@/lib/verification/refusal";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The words of a refusal to confirm, in the requester's language (the "verify" catalogue); the
// stable codes stay the domain's, the pages and actions ask for the words here.

/** What a requester can still do once codes stop working for their request. */
export function codesLockedMessage(locale: Locale = DEFAULT_LOCALE): string {
  return translatorFor(locale, "verify")("failures.CODES_LOCKED");
}

/** Words for the stable failure codes, shared by the code form and the link page. */
export function verifyFailureMessage(
  code: VerifyFailureCode,
  detail: { attemptsLeft?: number; retryAfterSeconds?: number } = {},
  locale: Locale = DEFAULT_LOCALE,
): string {
  const t = translatorFor(locale, "verify");
  switch (code) {
    case "INVALID_CODE":
      return t("failures.INVALID_CODE", { attemptsLeft: detail.attemptsLeft ?? 0 });
    case "RATE_LIMITED":
      return t("failures.RATE_LIMITED", { minutes: Math.max(1, Math.ceil((detail.retryAfterSeconds ?? 3600) / 60)) });
    case "EXPIRED":
      return t("failures.EXPIRED", { minutes: CODE_TTL_MINUTES });
    default:
      return t(`failures.${code}`);
  }
}

export function resendMessage(result: ResendResult, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "verify");
  if (result.ok) return t("resend.sent");
  switch (result.code) {
    case "RESEND_TOO_SOON":
      return t("resend.RESEND_TOO_SOON", { seconds: result.retryAfterSeconds });
    case "CODES_LOCKED":
      return codesLockedMessage(locale);
    default:
      return t(`resend.${result.code}`);
  }
}
