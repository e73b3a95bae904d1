import "server-only";
import { getTranslations } from "next-intl/server";
import type { RecoveryFormWords } from "./recovery-form";

/** The "new link" form's words in the reader's language: the form is a client component and gets them as props. */
export async function recoveryFormWords(privacyEmail: string, unverifiedDays: number): Promise<RecoveryFormWords> {
  const t = await getTranslations("status");
  return {
    sentTitle: t("recovery.sentTitle"),
    sentBody: t("recovery.sentBody"),
    sentHelp: t.rich("recovery.sentHelp", {
      email: privacyEmail,
      days: unverifiedDays,
      mail: (chunks) => <a href={`mailto:${privacyEmail}`}>{chunks}</a>,
    }),
    emailLabel: t("recovery.emailLabel"),
    emailHint: t("recovery.emailHint"),
    referenceLabel: t("recovery.referenceLabel"),
    referenceHint: t("recovery.referenceHint"),
    sending: t("recovery.sending"),
    submit: t("recovery.submit"),
  };
}
