import type { ResendResult } from "@/lib/verification/resend";
import type { VerifyFailureCode } from "@/lib/verification/verify";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";

/** Words for the stable failure codes, shared by the code form and the link page. */
export function verifyFailureMessage(code: VerifyFailureCode, attemptsLeft?: number): string {
  switch (code) {
    case "INVALID_CODE":
      return `That code is not right. You have ${attemptsLeft} ${attemptsLeft === 1 ? "attempt" : "attempts"} left.`;
    case "LOCKED":
      return "Too many wrong codes were entered, so this code no longer works. Send yourself a new code below.";
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
    case "NOT_PENDING":
      return "This request no longer needs confirming.";
    case "NOT_FOUND":
      return "We could not find this request.";
  }
}
