import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { StatusLink } from "@/emails/components/status-link";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type DeadlineExtendedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** ISO date ("2026-12-22") of the original deadline. */
  originalDueDate: string;
  /** ISO date of the new deadline. */
  newDueDate: string;
  /** Why we need more time, as the privacy team wrote it: the law asks us to explain. */
  reason: string;
  /** The law that allows the extension, as shown to people. */
  regimeLabel: string;
  statusUrl: string;
};

export function subject({ reference }: DeadlineExtendedProps): string {
  return `We need more time for your request ${reference}`;
}

export default function DeadlineExtended(props: DeadlineExtendedProps) {
  const { org, reference, requestTypeLabel, originalDueDate, newDueDate, reason, regimeLabel, statusUrl } = props;
  const newDue = formatDate(newDueDate);
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. We will now answer by ${newDue}.`}>
      <Text style={heading}>We need more time</Text>
      <Text style={paragraph}>
        We are still working on your privacy request ({requestTypeLabel}), reference <strong>{reference}</strong>,
        and need more time to answer it properly.
      </Text>
      <Text style={paragraph}>
        We will now answer by <strong>{newDue}</strong> instead of {formatDate(originalDueDate)}. {regimeLabel}{" "}
        allows us to extend the deadline once, when we tell you why before the original date.
      </Text>

      <Text style={subheading}>Why we need more time</Text>
      <QuotedText>{reason}</QuotedText>

      <StatusLink statusUrl={statusUrl} />
      <ContactPrivacyTeam org={org} reference={reference}>
        If you are unhappy with how we handle your request, you may also have the right to complain to a privacy regulator.
      </ContactPrivacyTeam>
    </EmailLayout>
  );
}

DeadlineExtended.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  originalDueDate: "2026-12-22",
  newDueDate: "2027-02-22",
  reason: "Your data is spread over several workspaces run by different customers, and we must collect it from each.",
  regimeLabel: "GDPR (European Economic Area)",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies DeadlineExtendedProps;
