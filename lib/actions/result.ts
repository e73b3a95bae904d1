
import type { Challenge } from "altcha-lib";

/** What every server action returns: data, or messages the form shows under fields and on top. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      fieldErrors?: Record<string, string>;
      formError?: string;
      code?: string;
      /** With code PROOF_OF_WORK: the challenge the form solves before sending again (lib/pow/challenge.ts). */
      challenge?: Challenge;
    };

/** The first message for each field path ("details.whatIsWrong"), as the form shows them. */
export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

export function failure(formError: string, code?: string): ActionResult<never> {
  return { ok: false, formError, code };
}
