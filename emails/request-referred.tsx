import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { formatDate } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PREVIEW_CUSTOMER } from "@/emails/components/preview-referral";
import { StatusLink } from "@/emails/components/status-link";
import { heading, paragraph } from "@/emails/components/styles";

export type RequestReferredProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** The company that controls the data: it answers the request. */
  customerName: string;
  /** Where the requester can write to that company about privacy. */
  customerContactEmail: string;
  workspaceName: string;
  /** We also answer, ourselves, for data we control. */
  includesOperatorPart: boolean;
  /** ISO date ("2026-12-22") by which we answer our own part; null if not set. */
  dueDate: string | null;
  statusUrl: string;
};

// No company name in the subject: it would tell a lock screen which service the person used.
export function subject({ reference }: RequestReferredProps): string {
  return `Who will answer your request ${reference}`;
}

export default function RequestReferred(props: RequestReferredProps) {
  const { org, reference, requestTypeLabel, customerName, customerContactEmail, workspaceName, includesOperatorPart, dueDate, statusUrl } =
    props;
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. ${customerName} controls this data and will answer you.`}>
      <Text style={heading}>{customerName} will answer your request</Text>
      <Text style={paragraph}>
        Your privacy request ({requestTypeLabel}), reference <strong>{reference}</strong>, concerns data in{" "}
        {workspaceName}, a service that {customerName} runs with {org.productName}. {customerName} decides what
        happens to that data, so we have passed your request to them. They will answer you directly, and we help
        them with anything they need from us.
      </Text>
      <Text style={paragraph}>
        To contact {customerName} about your request, write to <MailtoLink email={customerContactEmail} />.
      </Text>
      {includesOperatorPart ? (
        <Text style={paragraph}>
          We handle the data we control ourselves and will answer you about it
          {dueDate ? (
            <>
              {" "}
              by <strong>{formatDate(dueDate)}</strong>
            </>
          ) : null}
          .
        </Text>
      ) : null}

      <Text style={paragraph}>
        You can follow how your request is going, and see {customerName}&apos;s answer once it is done, on your
        request&apos;s status page.
      </Text>
      <StatusLink statusUrl={statusUrl} />
      <ContactPrivacyTeam org={org} reference={reference} lead="Questions about how we passed on your request? Write to" />
    </EmailLayout>
  );
}

RequestReferred.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  ...PREVIEW_CUSTOMER,
  workspaceName: "Acme Support",
  includesOperatorPart: true,
  dueDate: "2026-12-22",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestReferredProps;
