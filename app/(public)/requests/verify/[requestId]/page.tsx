import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Locale } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { codesLockedMessage } from "@/lib/verification/messages";
import { getVerificationView } from "@/lib/verification/view";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";
import { db } from "@/lib/db";
import { readReminderSchedule, reminderSentence } from "@/lib/verification/reminders";
import { SCHEMA_MESSAGES } from "@/lib/requests/schema-messages";
import { validationMessages } from "@/lib/requests/validation-words";
import { CodeForm } from "./code-form";
import { ResendForm } from "./resend-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("page.metaTitle") };
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export default async function VerifyPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const view = await getVerificationView(requestId);
  if (!view) notFound();
  const [schedule, locale, t, newRequestHref] = await Promise.all([
    readReminderSchedule(db),
    readerLocale(),
    getTranslations("verify"),
    localeHref("/requests/new"),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("page.title")}</h1>
      {view.pending && view.codesLocked ? (
        <div className="mt-6 space-y-4">
          <Alert tone="error" title={t("page.lockedTitle")}>
            {codesLockedMessage(locale)}
          </Alert>
          <p className="text-slate-700">
            {t.rich("page.lockedWaiting", {
              reference: view.reference,
              strong,
              link: (chunks) => (
                <Link href={newRequestHref} className="text-blue-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      ) : view.pending ? (
        <>
          <p id="verify-intro" className="mt-3 text-slate-700">
            {t.rich("page.intro", { email: view.maskedEmail, reference: view.reference, minutes: CODE_TTL_MINUTES, strong })}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            {t("page.expiry", { days: schedule.expiryDays })} {reminderSentence(schedule, locale)}
          </p>
          <CodeForm
            requestId={requestId}
            introId="verify-intro"
            words={{
              notConfirmed: t("codeForm.notConfirmed"),
              confirmed: t("codeForm.confirmed"),
              opening: t("codeForm.opening"),
              label: t("codeForm.label"),
              hint: t("codeForm.hint"),
              checking: t("codeForm.checking"),
              submit: t("codeForm.submit"),
              errors: codeMessages(locale),
            }}
          />
          <ResendForm
            requestId={requestId}
            words={{ title: t("resendForm.title"), help: t("resendForm.help"), sending: t("resendForm.sending"), submit: t("resendForm.submit") }}
          />
        </>
      ) : (
        <p className="mt-3 text-slate-700">{t.rich("page.noLongerPending", { reference: view.reference, strong })}</p>
      )}
    </div>
  );
}

/** The code field's two messages in the reader's language, keyed by what the schema says in English. */
function codeMessages(locale: Locale): Record<string, string> {
  const all = validationMessages(locale);
  return Object.fromEntries([SCHEMA_MESSAGES.code, SCHEMA_MESSAGES.codeFormat].map((m) => [m, all[m] ?? m]));
}
