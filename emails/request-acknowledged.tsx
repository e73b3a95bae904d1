import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate, formatDateTime } from "@/emails/components/format";
import { emailWords, mailTag, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { StatusLink } from "@/emails/components/status-link";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type RequestAcknowledgedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** ISO timestamp of receipt. */
  receivedAt: string;
  /** ISO date ("2026-12-22") by which we answer. */
  dueDate: string;
  /** The law whose deadline applies, as shown to people ("GDPR (European Economic Area)"). */
  regimeLabel: string;
  statusUrl: string;
  /** The address is not confirmed yet, so nothing starts until it is. */
  verificationRequired: boolean;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: RequestAcknowledgedProps): string {
  return emailWords(emailLanguage(language))("requestAcknowledged.subject", { reference });
}

export default function RequestAcknowledged(props: RequestAcknowledgedProps) {
  const { org, reference, requestTypeLabel, receivedAt, dueDate, regimeLabel, statusUrl, verificationRequired } =
    props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const due = formatDate(dueDate, lang);
  const dpo = org.dpoEmail ? mailTag(org.dpoEmail) : null;
  return (
    <EmailLayout org={org} preview={t("requestAcknowledged.preview", { reference, due })} language={lang}>
      <Text style={heading}>{t("requestAcknowledged.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("requestAcknowledged.received", {
          type: translateLabel("types", requestTypeLabel, lang),
          received: formatDateTime(receivedAt, lang, org.timeZone),
          reference,
          strong,
        })}
      </Text>

      <Text style={subheading}>{t("requestAcknowledged.nextHeading")}</Text>
      {verificationRequired ? <Text style={paragraph}>{t("requestAcknowledged.verifyFirst")}</Text> : null}
      <Text style={paragraph}>{t("requestAcknowledged.review")}</Text>
      <Text style={paragraph}>
        {t.rich("requestAcknowledged.due", { due, regime: translateLabel("jurisdictions", regimeLabel, lang), strong })}
      </Text>

      <StatusLink statusUrl={statusUrl} language={lang} />

      <Text style={subheading}>{t("requestAcknowledged.questionsHeading")}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} lead="writeToTeam">
        {dpo
          ? org.dpoName
            ? t.rich("requestAcknowledged.dpoNamed", { name: org.dpoName, mail: dpo })
            : t.rich("requestAcknowledged.dpo", { mail: dpo })
          : null}
      </ContactPrivacyTeam>
      <Text style={paragraph}>{t("contact.complain")}</Text>
    </EmailLayout>
  );
}

RequestAcknowledged.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  receivedAt: "2026-11-22T09:32:00.000Z",
  dueDate: "2026-12-22",
  regimeLabel: "GDPR (European Economic Area)",
  statusUrl: "http://localhost:3000/status/preview-status-token",
  verificationRequired: true,
} satisfies RequestAcknowledgedProps;
