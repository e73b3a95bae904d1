"use server";

import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { readerLocale } from "@/lib/i18n/server";
import { clientIp } from "@/lib/http/client-ip";
import { logError } from "@/lib/log";
import { requestStatusLink } from "@/lib/requests/status-recovery";
import { RECOVERY_FIELD_WORDS } from "./field-words";
import { INITIAL_RECOVERY_STATE, type RecoveryFormState } from "./recovery-state";

/** The schema's field errors in the reader's words; the rarer ones (an address too long, a control character) keep the schema's English. */
function wordFieldErrors(fieldErrors: Record<string, string>, t: Awaited<ReturnType<typeof getTranslations<"status">>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => {
      const key = RECOVERY_FIELD_WORDS[message];
      return [field, key ? t(`recovery.${key}`) : message];
    }),
  );
}

/** A requester asks for a new status link. The look-up and the email run after the answer is sent. */
export async function requestStatusLinkAction(_previous: RecoveryFormState, formData: FormData): Promise<RecoveryFormState> {
  const values = { email: String(formData.get("email") ?? ""), reference: String(formData.get("reference") ?? "") };
  const [t, locale] = await Promise.all([getTranslations("status"), readerLocale()]);
  try {
    const result = await requestStatusLink(values, { ip: await clientIp(), later: (work) => after(work), locale });
    if (result.ok) return { ...INITIAL_RECOVERY_STATE, sent: true };
    return { values, fieldErrors: result.fieldErrors && wordFieldErrors(result.fieldErrors, t), formError: result.formError };
  } catch (error) {
    logError("status_link.recovery_failed", error);
    return { values, formError: t("recovery.internal") };
  }
}
