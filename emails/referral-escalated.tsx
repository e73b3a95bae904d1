import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PrivacyMailboxEmail } from "@/emails/components/privacy-mailbox-email";
import { paragraph } from "@/emails/components/styles";

export type ReferralEscalatedProps = {
  org: OrganizationDetails;
  reference: string;
  customerName: string;
  remindersSent: number;
  /** The request in the privacy dashboard. */
  requestUrl: string;
};

export function subject({ reference, customerName }: ReferralEscalatedProps): string {
  return `${customerName} has not acknowledged request ${reference}`;
}

export default function ReferralEscalated({ org, reference, customerName, remindersSent, requestUrl }: ReferralEscalatedProps) {
  const reminders = `${remindersSent} reminder${remindersSent === 1 ? "" : "s"}`;
  return (
    <PrivacyMailboxEmail
      org={org}
      preview={`Reference ${reference}. The referral is back with the privacy team.`}
      title="A referral is back with you"
      requestUrl={requestUrl}
    >
      <Text style={paragraph}>
        We referred request <strong>{reference}</strong> to {customerName}, the controller of the workspace data it
        concerns. {customerName} has not acknowledged it{remindersSent > 0 ? `, although we sent ${reminders}` : ""}.
      </Text>
      <Text style={paragraph}>
        The referral is now with the privacy team: reach {customerName} another way, or take the request over so
        the requester still gets an answer in time.
      </Text>
    </PrivacyMailboxEmail>
  );
}

ReferralEscalated.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  customerName: "Acme Retail GmbH",
  remindersSent: 2,
  requestUrl: "http://localhost:3000/admin/requests/preview-request-id",
} satisfies ReferralEscalatedProps;
