import { Text } from "@react-email/components";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PrivacyMailboxEmail } from "@/emails/components/privacy-mailbox-email";
import { paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

export type ManualTaskEscalatedProps = {
  org: OrganizationDetails;
  reference: string;
  systemName: string;
  remindersSent: number;
  /** The request in the privacy dashboard. */
  requestUrl: string;
};

export function subject({ reference, systemName }: ManualTaskEscalatedProps): string {
  return `Nobody has checked ${systemName} for request ${reference}`;
}

export default function ManualTaskEscalated({ org, reference, systemName, remindersSent, requestUrl }: ManualTaskEscalatedProps) {
  const reminders = `${remindersSent} reminder${remindersSent === 1 ? "" : "s"}`;
  return (
    <PrivacyMailboxEmail
      org={org}
      preview={`Reference ${reference}. The owner of ${systemName} has not answered.`}
      title={`${systemName} has not been checked`}
      requestUrl={requestUrl}
    >
      <Text style={paragraph}>
        The run for request <strong>{reference}</strong> waits for the owner of {systemName}, who has not answered
        {remindersSent > 0 ? ` after ${reminders}` : ""}. The package cannot be assembled until they do.
      </Text>
      <Text style={paragraph}>Reach the owner another way, or change the system&apos;s owner in the data map.</Text>
    </PrivacyMailboxEmail>
  );
}

ManualTaskEscalated.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  systemName: "Finance spreadsheet",
  remindersSent: 2,
  requestUrl: "http://localhost:3000/admin/requests/preview-request-id",
} satisfies ManualTaskEscalatedProps;
