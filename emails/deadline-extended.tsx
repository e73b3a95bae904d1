import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate } from "@/emails/components/format";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { StatusLink } from "@/emails/components/status-link";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type DeadlineExtendedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** ISO date ("2026-12-22") of the original deadline. */
  originalDueDate: string;
  /** ISO date of the new deadline. */
  newDueDate: string;
  /** Why we need more time, as the privacy team wrote it: the law asks us to explain. */
  reason: string;
  /** The law that allows the extension, as shown to people. */
  regimeLabel: string;
  statusUrl: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: DeadlineExtendedProps): string {
  return emailWords(emailLanguage(language))("deadlineExtended.subject", { reference });
}

export default function DeadlineExtended(props: DeadlineExtendedProps) {
  const { org, reference, requestTypeLabel, originalDueDate, newDueDate, reason, regimeLabel, statusUrl } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const newDue = formatDate(newDueDate, lang);
  return (
    <EmailLayout org={org} preview={t("deadlineExtended.preview", { reference, due: newDue })} language={lang}>
      <Text style={heading}>{t("deadlineExtended.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("deadlineExtended.intro", { type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      <Text style={paragraph}>
        {t.rich("deadlineExtended.newDue", {
          due: newDue,
          originalDue: formatDate(originalDueDate, lang),
          regime: translateLabel("jurisdictions", regimeLabel, lang),
          strong,
        })}
      </Text>

      <Text style={subheading}>{t("deadlineExtended.whyHeading")}</Text>
      <QuotedText>{reason}</QuotedText>

      <StatusLink statusUrl={statusUrl} language={lang} />
      <ContactPrivacyTeam org={org} reference={reference} language={lang}>
        {t("contact.complain")}
      </ContactPrivacyTeam>
    </EmailLayout>
  );
}

DeadlineExtended.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  originalDueDate: "2026-12-22",
  newDueDate: "2027-02-22",
  reason: "Your data is spread over several workspaces run by different customers, and we must collect it from each.",
  regimeLabel: "GDPR (European Economic Area)",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies DeadlineExtendedProps;
