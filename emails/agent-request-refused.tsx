import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type AgentRequestRefusedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
};

export function subject({ reference }: AgentRequestRefusedProps): string {
  return `Privacy request ${reference} is closed: not confirmed by the consumer`;
}

/** To the agent, when the person they filed for says they did not authorise it. */
export default function AgentRequestRefused({ org, reference, requestTypeLabel }: AgentRequestRefusedProps) {
  return (
    <EmailLayout org={org} preview={`Reference ${reference}: the person you filed for told us they did not authorise it.`}>
      <Text style={heading}>The request you made is closed</Text>
      <Text style={paragraph}>
        You made a privacy request ({requestTypeLabel}), reference <strong>{reference}</strong>, as an authorized agent. We asked the person
        it is about to confirm that they gave you permission, and they told us they did not. We have closed the request and will not act on
        it.
      </Text>
      <Text style={paragraph}>If this is a mistake, the person can make the request themselves or authorise you again in writing.</Text>
      <ContactPrivacyTeam org={org} reference={reference} />
    </EmailLayout>
  );
}

AgentRequestRefused.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
} satisfies AgentRequestRefusedProps;
