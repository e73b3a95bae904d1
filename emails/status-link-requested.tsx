import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { StatusLink } from "@/emails/components/status-link";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type StatusLinkRequestedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  statusUrl: string;
  /** ISO timestamp when this link stops working; null while the request (or an appeal of it) is open. */
  linkValidUntil: string | null;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: StatusLinkRequestedProps): string {
  return emailWords(emailLanguage(language))("statusLinkRequested.subject", { reference });
}

/** Sent when someone gives this address and the request's reference on the "new link" form. */
export default function StatusLinkRequested(props: StatusLinkRequestedProps) {
  const { org, reference, requestTypeLabel, statusUrl, linkValidUntil } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  return (
    <EmailLayout org={org} preview={t("statusLinkRequested.preview", { reference })} language={lang}>
      <Text style={heading}>{t("statusLinkRequested.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("statusLinkRequested.intro", { type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      {linkValidUntil ? (
        <Text style={paragraph}>
          {t.rich("statusLinkRequested.validUntil", { expiry: formatDate(linkValidUntil, lang, org.timeZone), strong })}
        </Text>
      ) : null}
      <StatusLink statusUrl={statusUrl} language={lang} />
      <Text style={paragraph}>{t("statusLinkRequested.notYou")}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} />
    </EmailLayout>
  );
}

StatusLinkRequested.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
  linkValidUntil: "2027-03-01T10:15:00.000Z",
} satisfies StatusLinkRequestedProps;
