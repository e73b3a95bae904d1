import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { emailWords, mailTag } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PREVIEW_CUSTOMER } from "@/emails/components/preview-referral";
import { QuotedText } from "@/emails/components/quoted-text";
import { StatusLink } from "@/emails/components/status-link";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type ReferralOutcomeProps = {
  org: OrganizationDetails;
  reference: string;
  /** The company that controls the data and closed its part of the request. */
  customerName: string;
  customerContactEmail: string;
  outcome: "COMPLETED" | "REFUSED";
  /** The company's note to the requester, as it wrote it. */
  note: string;
  statusUrl: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: ReferralOutcomeProps): string {
  return emailWords(emailLanguage(language))("referralOutcome.subject", { reference });
}

export default function ReferralOutcome(props: ReferralOutcomeProps) {
  const { org, reference, customerName, customerContactEmail, outcome, note, statusUrl } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const customer = customerName;
  const refused = outcome === "REFUSED";
  const mail = mailTag(customerContactEmail);
  return (
    <EmailLayout org={org} preview={refused ? t("referralOutcome.previewRefused", { reference, customer }) : t("referralOutcome.previewCompleted", { reference, customer })} language={lang}>
      <Text style={heading}>{refused ? t("referralOutcome.headingRefused", { customer }) : t("referralOutcome.headingCompleted", { customer })}</Text>
      <Text style={paragraph}>
        {refused ? t("referralOutcome.refused", { customer, reference }) : t("referralOutcome.completed", { customer, reference })}
      </Text>
      {note.trim() ? (
        <>
          <Text style={subheading}>{t("referralOutcome.noteHeading", { customer })}</Text>
          <QuotedText>{note}</QuotedText>
        </>
      ) : null}

      {refused ? (
        <>
          <Text style={subheading}>{t("referralOutcome.disagreeHeading")}</Text>
          <Text style={paragraph}>{t.rich("referralOutcome.disagree", { customer, mail })}</Text>
        </>
      ) : (
        <Text style={paragraph}>{t.rich("referralOutcome.questions", { customer, mail })}</Text>
      )}

      <StatusLink statusUrl={statusUrl} language={lang} />
      <ContactPrivacyTeam org={org} reference={reference} language={lang} lead="anythingElse" />
    </EmailLayout>
  );
}

ReferralOutcome.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  ...PREVIEW_CUSTOMER,
  outcome: "COMPLETED",
  note: "We deleted your chat history and contact details from Acme Support.\nOrder records stay for ten years under German tax law.",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies ReferralOutcomeProps;
