import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
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
};

export function subject({ reference }: AgentRequestConfirmProps): string {
  return `Did you ask someone to make a privacy request for you? (${reference})`;
}

/**
 * To the person an authorized agent filed for (CCPA 11 CCR 7063(a)(2)): the agent's request goes
 * ahead only once they confirm it themselves, from their own inbox.
 */
export default function AgentRequestConfirm({ org, reference, requestTypeLabel, agentName, agentOrganisation, confirmUrl, closesAt }: AgentRequestConfirmProps) {
  const agent = agentOrganisation ? `${agentName} of ${agentOrganisation}` : agentName;
  return (
    <EmailLayout org={org} preview={`${agent} says you asked them to make a request for you. Please confirm or refuse.`}>
      <Text style={heading}>Please confirm a request made for you</Text>
      <Text style={paragraph}>
        {agent} told us that you authorised them to make a privacy request for you: <strong>{requestTypeLabel}</strong>, reference{" "}
        <strong>{reference}</strong>. They gave this email address as yours.
      </Text>
      <Text style={paragraph}>
        We act on it only if you confirm that you gave them permission. If you did not, tell us so and we will close it: nothing about you
        will be given to anyone.
      </Text>
      <ButtonWithFallback href={confirmUrl}>Confirm or refuse</ButtonWithFallback>
      <Text style={paragraph}>
        If you do neither, the request closes on <strong>{formatDate(closesAt, "en", org.timeZone)}</strong>.
      </Text>
      <ContactPrivacyTeam org={org} reference={reference} />
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
