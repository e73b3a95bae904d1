import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { OrganizationDetails } from "@/lib/organization/types";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type MoreInformationNeededProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** What the privacy team asks, as they wrote it. */
  question: string;
  statusUrl: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

// The question stays out of the subject: it may be personal, and subjects show on lock screens.
export function subject({ reference, language }: MoreInformationNeededProps): string {
  return emailWords(emailLanguage(language))("moreInformationNeeded.subject", { reference });
}

export default function MoreInformationNeeded(props: MoreInformationNeededProps) {
  const { org, reference, requestTypeLabel, question, statusUrl } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  return (
    <EmailLayout org={org} preview={t("moreInformationNeeded.preview", { reference })} language={lang}>
      <Text style={heading}>{t("moreInformationNeeded.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("moreInformationNeeded.intro", { type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      <QuotedText>{question}</QuotedText>

      <Text style={subheading}>{t("moreInformationNeeded.howHeading")}</Text>
      <Text style={paragraph}>{t("moreInformationNeeded.how")}</Text>
      <ButtonWithFallback href={statusUrl} language={lang}>
        {t("moreInformationNeeded.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("moreInformationNeeded.keepPrivate")}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} lead="unclear" />
    </EmailLayout>
  );
}

MoreInformationNeeded.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  question: "Which workspace did you use our chat in?\nIf you know it, the name of the company that runs it helps too.",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies MoreInformationNeededProps;
