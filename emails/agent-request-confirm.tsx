import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type AgentRequestConfirmProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  agentName: string;
  agentOrganisation: string | null;
  /** The page where the consumer confirms or refuses (lib/representation/subject.ts). */
  confirmUrl: string;
  /** ISO timestamp: the request closes unconfirmed then. */
  closesAt: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: AgentRequestConfirmProps): string {
  return emailWords(emailLanguage(language))("agentRequestConfirm.subject", { reference });
}

/**
 * To the person an authorized agent filed for (CCPA 11 CCR 7063(a)(2)): the agent's request goes
 * ahead only once they confirm it themselves, from their own inbox.
 */
export default function AgentRequestConfirm(props: AgentRequestConfirmProps) {
  const { org, reference, requestTypeLabel, agentName, agentOrganisation, confirmUrl, closesAt } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const agent = agentOrganisation ? t("agentRequestConfirm.agentOf", { agent: agentName, organisation: agentOrganisation }) : agentName;
  return (
    <EmailLayout org={org} preview={t("agentRequestConfirm.preview", { agent })} language={lang}>
      <Text style={heading}>{t("agentRequestConfirm.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("agentRequestConfirm.intro", { agent, type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      <Text style={paragraph}>{t("agentRequestConfirm.onlyIfConfirmed")}</Text>
      <ButtonWithFallback href={confirmUrl} language={lang}>
        {t("agentRequestConfirm.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t.rich("agentRequestConfirm.closes", { closesOn: formatDate(closesAt, lang, org.timeZone), strong })}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} />
    </EmailLayout>
  );
}

AgentRequestConfirm.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  agentName: "Priya Natarajan",
  agentOrganisation: "OptOut Helpers LLC",
  confirmUrl: "http://localhost:3000/requests/confirm/preview-token",
  closesAt: "2027-03-08T10:15:00.000Z",
} satisfies AgentRequestConfirmProps;
