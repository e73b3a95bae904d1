import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PrivacyMailboxEmail } from "@/emails/components/privacy-mailbox-email";
import { paragraph } from "@/emails/components/styles";

export type ReferralExportRequestedProps = {
  org: OrganizationDetails;
  reference: string;
  customerName: string;
  workspaceName: string;
  /** The request in the privacy dashboard. */
  requestUrl: string;
};

export function subject({ reference, customerName }: ReferralExportRequestedProps): string {
  return `${customerName} asks for a data export for request ${reference}`;
}

export default function ReferralExportRequested(props: ReferralExportRequestedProps) {
  const { org, reference, customerName, workspaceName, requestUrl } = props;
  return (
    <PrivacyMailboxEmail
      org={org}
      preview={`Reference ${reference}. ${customerName} needs the data of its workspace ${workspaceName}.`}
      title="A customer asks for a data export"
      requestUrl={requestUrl}
    >
      <Text style={paragraph}>
        {customerName} is answering request <strong>{reference}</strong>, which we referred to it, and asks for an
        export of the data we hold for it in its workspace {workspaceName}.
      </Text>
      <Text style={paragraph}>
        As its processor we help it answer the requester in time, so please prepare the export soon.
      </Text>
    </PrivacyMailboxEmail>
  );
}

ReferralExportRequested.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  customerName: "Acme Retail GmbH",
  workspaceName: "Acme Support",
  requestUrl: "http://localhost:3000/admin/requests/preview-request-id",
} satisfies ReferralExportRequestedProps;
