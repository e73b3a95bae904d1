import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
import { emailWords, mailTag, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PREVIEW_CUSTOMER } from "@/emails/components/preview-referral";
import { StatusLink } from "@/emails/components/status-link";
import { heading, paragraph } from "@/emails/components/styles";

export type RequestReferredProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** The company that controls the data: it answers the request. */
  customerName: string;
  /** Where the requester can write to that company about privacy. */
  customerContactEmail: string;
  workspaceName: string;
  /** We also answer, ourselves, for data we control. */
  includesOperatorPart: boolean;
  /** ISO date ("2026-12-22") by which we answer our own part; null if not set. */
  dueDate: string | null;
  statusUrl: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

// No company name in the subject: it would tell a lock screen which service the person used.
export function subject({ reference, language }: RequestReferredProps): string {
  return emailWords(emailLanguage(language))("requestReferred.subject", { reference });
}

export default function RequestReferred(props: RequestReferredProps) {
  const { org, reference, requestTypeLabel, customerName, customerContactEmail, workspaceName, includesOperatorPart, dueDate, statusUrl } =
    props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const customer = customerName;
  return (
    <EmailLayout org={org} preview={t("requestReferred.preview", { reference, customer })} language={lang}>
      <Text style={heading}>{t("requestReferred.heading", { customer })}</Text>
      <Text style={paragraph}>
        {t.rich("requestReferred.intro", {
          type: translateLabel("types", requestTypeLabel, lang),
          reference,
          workspace: workspaceName,
          customer,
          product: org.productName,
          strong,
        })}
      </Text>
      <Text style={paragraph}>{t.rich("requestReferred.contact", { customer, mail: mailTag(customerContactEmail) })}</Text>
      {includesOperatorPart ? (
        <Text style={paragraph}>
          {dueDate
            ? t.rich("requestReferred.operatorPartBy", { due: formatDate(dueDate, lang), strong })
            : t("requestReferred.operatorPart")}
        </Text>
      ) : null}

      <Text style={paragraph}>{t("requestReferred.follow", { customer })}</Text>
      <StatusLink statusUrl={statusUrl} language={lang} />
      <ContactPrivacyTeam org={org} reference={reference} language={lang} lead="passedOn" />
    </EmailLayout>
  );
}

RequestReferred.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  ...PREVIEW_CUSTOMER,
  workspaceName: "Acme Support",
  includesOperatorPart: true,
  dueDate: "2026-12-22",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestReferredProps;
