import type { ResendResult } from "@/lib/verification/resend";
import type { VerifyFailureCode } from "@/lib/verification/refusal";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";

/** What a requester can still do once codes stop working for their request. */
export const CODES_LOCKED_MESSAGE =
  "Too many wrong codes were entered for this request, so codes no longer work for it. You can still confirm it with the link in the most recent email we sent you, or submit a new request.";

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} ${m === 1 ? "minute" : "minutes"}`;
}

/** Words for the stable failure codes, shared by the code form and the link page. */
export function verifyFailureMessage(code: VerifyFailureCode, detail: { attemptsLeft?: number; retryAfterSeconds?: number } = {}): string {
  switch (code) {
    case "INVALID_CODE":
      return `That code is not right. You have ${detail.attemptsLeft} ${detail.attemptsLeft === 1 ? "attempt" : "attempts"} left.`;
    case "LOCKED":
      return "Too many wrong codes were entered, so this code no longer works. Send yourself a new code below.";
    case "CODES_LOCKED":
      return CODES_LOCKED_MESSAGE;
    case "RATE_LIMITED":
      return `Too many wrong codes have been entered from your network. Please try again in ${minutes(detail.retryAfterSeconds ?? 3600)}, or confirm with the link in the email we sent you.`;
    case "EXPIRED":
      return `Codes and links work for ${CODE_TTL_MINUTES} minutes, and this one has expired. Send yourself a new code below.`;
    case "SUPERSEDED":
      return "We sent you a newer email since this one. Use the code or link in the most recent email.";
    case "ALREADY_VERIFIED":
      return "This request is already confirmed. Follow it with the status link in the emails we sent you.";
    case "NOT_FOUND":
      return "We could not find this confirmation. Check that you copied the whole link from the email.";
  }
}

export function resendMessage(result: ResendResult): string {
  if (result.ok) return "We sent a new code. It replaces the earlier ones; check your inbox and spam folder.";
  switch (result.code) {
    case "RESEND_TOO_SOON":
      return `Please wait ${result.retryAfterSeconds} seconds before asking for another code.`;
    case "RESEND_LIMIT":
      return "You have asked for several codes in the last hour. Please wait an hour, or use the newest email you have.";
    case "CODES_LOCKED":
      return CODES_LOCKED_MESSAGE;
    case "NOT_PENDING":
      return "This request no longer needs confirming.";
    case "NOT_FOUND":
      return "We could not find this request.";
  }
}
