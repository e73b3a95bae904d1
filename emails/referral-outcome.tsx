import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
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
};

export function subject({ reference }: ReferralOutcomeProps): string {
  return `An answer to your request ${reference}`;
}

export default function ReferralOutcome(props: ReferralOutcomeProps) {
  const { org, reference, customerName, customerContactEmail, outcome, note, statusUrl } = props;
  const refused = outcome === "REFUSED";
  return (
    <EmailLayout
      org={org}
      preview={`Reference ${reference}. ${customerName} has ${refused ? "refused" : "completed"} your request.`}
    >
      <Text style={heading}>
        {customerName} has {refused ? "refused" : "completed"} your request
      </Text>
      <Text style={paragraph}>
        {refused
          ? `${customerName} has refused your privacy request, reference ${reference}, for the data it controls.`
          : `${customerName} has dealt with your privacy request, reference ${reference}, for the data it controls, and marked it completed.`}
      </Text>
      {note.trim() ? (
        <>
          <Text style={subheading}>What {customerName} wrote to you</Text>
          <QuotedText>{note}</QuotedText>
        </>
      ) : null}

      {refused ? (
        <>
          <Text style={subheading}>If you disagree</Text>
          <Text style={paragraph}>
            Questions or complaints about this decision go to {customerName}: write to{" "}
            <MailtoLink email={customerContactEmail} />. You also have the right to complain to a data protection
            authority, for example the one where you live or work.
          </Text>
        </>
      ) : (
        <Text style={paragraph}>
          Questions about what {customerName} did? Write to them at <MailtoLink email={customerContactEmail} />.
        </Text>
      )}

      <StatusLink statusUrl={statusUrl} />
      <ContactPrivacyTeam org={org} reference={reference} lead="For anything else about your request, write to" />
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
