"use server";

import { after } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { logError } from "@/lib/log";
import { requestStatusLink } from "@/lib/requests/status-recovery";
import { INITIAL_RECOVERY_STATE, type RecoveryFormState } from "./recovery-state";

/** A requester asks for a new status link. The look-up and the email run after the answer is sent. */
export async function requestStatusLinkAction(_previous: RecoveryFormState, formData: FormData): Promise<RecoveryFormState> {
  const values = { email: String(formData.get("email") ?? ""), reference: String(formData.get("reference") ?? "") };
  try {
    const result = await requestStatusLink(values, { ip: await clientIp(), later: (work) => after(work) });
    if (result.ok) return { ...INITIAL_RECOVERY_STATE, sent: true };
    return { values, fieldErrors: result.fieldErrors, formError: result.formError };
  } catch (error) {
    logError("status_link.recovery_failed", error);
    return { values, formError: "That did not work because of a problem on our side. Please try again in a moment." };
  }
}
