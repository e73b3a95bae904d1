import { Text } from "@react-email/components";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PrivacyMailboxEmail } from "@/emails/components/privacy-mailbox-email";
import { paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type RecipientNoticeEscalatedProps = {
  org: OrganizationDetails;
  reference: string;
  recipientName: string;
  remindersSent: number;
  /** The request in the privacy dashboard. */
  requestUrl: string;
};

export function subject({ reference, recipientName }: RecipientNoticeEscalatedProps): string {
  return `${recipientName} has not confirmed request ${reference}`;
}

export default function RecipientNoticeEscalated({ org, reference, recipientName, remindersSent, requestUrl }: RecipientNoticeEscalatedProps) {
  const reminders = `${remindersSent} reminder${remindersSent === 1 ? "" : "s"}`;
  return (
    <PrivacyMailboxEmail
      org={org}
      preview={`Reference ${reference}. ${recipientName} was told and has not confirmed.`}
      title={`${recipientName} has not confirmed`}
      requestUrl={requestUrl}
    >
      <Text style={paragraph}>
        We told {recipientName} of request <strong>{reference}</strong> and asked them to do the same on their side. They have not
        confirmed{remindersSent > 0 ? ` after ${reminders}` : ""}. The requester&apos;s status page shows them as not confirmed yet.
      </Text>
      <Text style={paragraph}>Reach them another way, or correct their notice address in the data map.</Text>
    </PrivacyMailboxEmail>
  );
}

RecipientNoticeEscalated.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  recipientName: "Transactional email provider",
  remindersSent: 2,
  requestUrl: "http://localhost:3000/admin/requests/preview-request-id",
} satisfies RecipientNoticeEscalatedProps;
