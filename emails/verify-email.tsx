import { Link, Section, Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { CSSProperties } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate, formatDateTime } from "@/emails/components/format";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { colors, heading, link, paragraph } from "@/emails/components/styles";

export type VerifyEmailProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  code: string;
  verifyUrl: string;
  statusUrl: string;
  expiresInMinutes: number;
  /**
   * ISO date ("2027-01-04") by which we answer, where the law runs the clock from receipt (CCPA):
   * this email then confirms receipt, and must say when to expect a response (11 CCR §7021(a)).
   * Null or absent while the clock waits for this confirmation.
   */
  dueDate?: string | null;
  /**
   * A reminder sent because the address is still unconfirmed (lib/verification/reminders.ts):
   * "first" a day after the request, "last" a day before it closes. `closesAt`: the ISO instant
   * it closes unconfirmed.
   */
  reminder?: { which: "first" | "last"; closesAt: string } | null;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

const codeBox: CSSProperties = {
  backgroundColor: colors.background,
  borderRadius: "8px",
  margin: "0 0 16px",
  padding: "16px",
  textAlign: "center",
};
const codeText: CSSProperties = {
  color: colors.text,
  fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  fontSize: "32px",
  fontWeight: 700,
  letterSpacing: "0.3em",
  lineHeight: "40px",
  margin: 0,
};

// No names in the subject: it shows on lock screens and in notification previews.
export function subject({ reference, reminder, language }: VerifyEmailProps): string {
  const t = emailWords(emailLanguage(language));
  if (reminder) return t(reminder.which === "last" ? "verifyEmail.subjectLastReminder" : "verifyEmail.subjectReminder", { reference });
  return t("verifyEmail.subject", { reference });
}

/** "15 minutes", "1 hour", "24 hours". */
function lifetime(minutes: number, lang: EmailLanguage): string {
  const t = emailWords(lang);
  if (minutes >= 60 && minutes % 60 === 0) return t("verifyEmail.hours", { count: minutes / 60 });
  return t("verifyEmail.minutes", { count: minutes });
}

export default function VerifyEmail(props: VerifyEmailProps) {
  const { org, reference, requestTypeLabel, code, verifyUrl, statusUrl, expiresInMinutes, dueDate, reminder } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const minutes = lifetime(expiresInMinutes, lang);
  const type = translateLabel("types", requestTypeLabel, lang);
  return (
    <EmailLayout org={org} preview={t("verifyEmail.preview", { code, lifetime: minutes })} language={lang}>
      <Text style={heading}>{reminder ? t("verifyEmail.headingReminder") : t("verifyEmail.heading")}</Text>
      <Text style={paragraph}>{t("verifyEmail.intro", { type, product: org.productName, reference })}</Text>
      {reminder ? (
        <Text style={paragraph}>
          {t.rich("verifyEmail.reminder", { which: reminder.which, closing: formatDateTime(reminder.closesAt, lang, org.timeZone), strong })}
        </Text>
      ) : null}
      <Text style={paragraph}>{t("verifyEmail.enterCode")}</Text>
      <Section style={codeBox}>
        <Text style={codeText}>{code}</Text>
      </Section>
      <Text style={paragraph}>{t("verifyEmail.orLink")}</Text>
      <ButtonWithFallback href={verifyUrl} language={lang}>
        {t("verifyEmail.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("verifyEmail.expiry", { lifetime: minutes })}</Text>
      {dueDate ? <Text style={paragraph}>{t.rich("verifyEmail.due", { due: formatDate(dueDate, lang), strong })}</Text> : null}
      <Text style={paragraph}>
        {t("verifyEmail.statusAnytime")}
        <br />
        <Link href={statusUrl} style={link}>
          {statusUrl}
        </Link>
      </Text>
      <Text style={paragraph}>{t("verifyEmail.keepPrivate")}</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  code: "042917",
  verifyUrl: "http://localhost:3000/verify/preview-link-token",
  statusUrl: "http://localhost:3000/status/preview-status-token",
  expiresInMinutes: 30,
} satisfies VerifyEmailProps;
