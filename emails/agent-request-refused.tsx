import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type AgentRequestRefusedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: AgentRequestRefusedProps): string {
  return emailWords(emailLanguage(language))("agentRequestRefused.subject", { reference });
}

/** To the agent, when the person they filed for says they did not authorise it. */
export default function AgentRequestRefused({ org, reference, requestTypeLabel, language }: AgentRequestRefusedProps) {
  const lang = emailLanguage(language);
  const t = emailWords(lang);
  return (
    <EmailLayout org={org} preview={t("agentRequestRefused.preview", { reference })} language={lang}>
      <Text style={heading}>{t("agentRequestRefused.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("agentRequestRefused.intro", { type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      <Text style={paragraph}>{t("agentRequestRefused.mistake")}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang} />
    </EmailLayout>
  );
}

AgentRequestRefused.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
} satisfies AgentRequestRefusedProps;
