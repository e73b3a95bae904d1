import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
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
};

export function subject({ reference }: StatusLinkRequestedProps): string {
  return `New link to your privacy request ${reference}`;
}

/** Sent when someone gives this address and the request's reference on the "new link" form. */
export default function StatusLinkRequested({ org, reference, requestTypeLabel, statusUrl, linkValidUntil }: StatusLinkRequestedProps) {
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. Here is a new link to its status page.`}>
      <Text style={heading}>A new link to your request</Text>
      <Text style={paragraph}>
        Someone, we hope you, asked for a new link to the status page of your privacy request ({requestTypeLabel}), reference{" "}
        <strong>{reference}</strong>. We send it only to the email address on the request, so nobody else received it.
      </Text>
      {linkValidUntil ? (
        <Text style={paragraph}>
          The request is closed, so this link works until <strong>{formatDate(linkValidUntil, "en", org.timeZone)}</strong>. The record of your
          request stays with us after that.
        </Text>
      ) : null}
      <StatusLink statusUrl={statusUrl} label="View request status" />
      <Text style={paragraph}>If you did not ask for this, you can ignore this email.</Text>
      <ContactPrivacyTeam org={org} reference={reference} />
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
