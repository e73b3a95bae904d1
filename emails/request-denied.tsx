import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import type { OrganizationDetails } from "@/lib/organization/types";
import { regulatorIn } from "@/lib/requests/law-words";
import { emailWords, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type RequestDeniedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** The basis of the refusal, as the privacy team wrote it. */
  reason: string;
  /** Whom to complain to, worded for the person in English ("the Information Commissioner's Office (ico.org.uk)"). */
  regulator: string;
  /** The law and region it follows, so the authority is named in the email's language (emails queued before carry only `regulator`). */
  jurisdiction?: Jurisdiction;
  region?: string | null;
  /** The law lets the person appeal to us first (US state laws). */
  appealAvailable: boolean;
  /** This refuses an appeal: our decision is final, and only the regulator remains. */
  isAppeal: boolean;
  statusUrl: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, isAppeal, language }: RequestDeniedProps): string {
  const t = emailWords(emailLanguage(language));
  return isAppeal ? t("requestDenied.subjectAppeal", { reference }) : t("requestDenied.subject", { reference });
}

export default function RequestDenied(props: RequestDeniedProps) {
  const { org, reference, requestTypeLabel, reason, regulator, appealAvailable, isAppeal, statusUrl } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  // The authority in the email's language, fitting its sentence ("sich an … wenden", "perante …").
  const regulatorWords = props.jurisdiction ? regulatorIn(props.jurisdiction, props.region, lang) : regulator;
  return (
    <EmailLayout org={org} preview={t("requestDenied.preview", { reference })} language={lang}>
      <Text style={heading}>{isAppeal ? t("requestDenied.headingAppeal") : t("requestDenied.heading")}</Text>
      <Text style={paragraph}>
        {isAppeal
          ? t("requestDenied.introAppeal", { reference })
          : t("requestDenied.intro", { type: translateLabel("types", requestTypeLabel, lang), reference })}
      </Text>

      <Text style={subheading}>{t("requestDenied.whyHeading")}</Text>
      <QuotedText>{reason}</QuotedText>

      {appealAvailable ? (
        <>
          <Text style={subheading}>{t("requestDenied.appealHeading")}</Text>
          <Text style={paragraph}>{t("requestDenied.appeal")}</Text>
        </>
      ) : null}
      <ButtonWithFallback href={statusUrl} language={lang}>
        {appealAvailable ? t("requestDenied.appealButton") : t("statusLink.button")}
      </ButtonWithFallback>

      <Text style={subheading}>{t("requestDenied.complainHeading")}</Text>
      <Text style={paragraph}>
        {appealAvailable ? t("requestDenied.complainWithAppeal", { regulator: regulatorWords }) : t("requestDenied.complain", { regulator: regulatorWords })}
      </Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} />
    </EmailLayout>
  );
}

RequestDenied.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  reason: "We must keep the invoices linked to your account for seven years under tax law. Everything else has been erased.",
  regulator: "your state's Attorney General",
  jurisdiction: "US_STATE",
  region: null,
  appealAvailable: true,
  isAppeal: false,
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestDeniedProps;
