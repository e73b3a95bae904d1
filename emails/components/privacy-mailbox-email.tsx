import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { EmailLayout } from "@/emails/components/layout";
import { heading, paragraph } from "@/emails/components/styles";

/**
 * An alert to the operator's own privacy mailbox about a request. Shared mailboxes are read by
 * many and forwarded freely, so these carry the reference and the customer, never the requester:
 * the dashboard, behind sign-in, has the rest.
 */
export function PrivacyMailboxEmail({
  org,
  preview,
  title,
  requestUrl,
  children,
}: {
  org: OrganizationDetails;
  preview: string;
  title: string;
  /** The request in the privacy dashboard. */
  requestUrl: string;
  children: ReactNode;
}) {
  return (
    <EmailLayout
      org={org}
      preview={preview}
      reason={`You received this because this address is the privacy team's mailbox for ${org.productName} privacy requests.`}
    >
      <Text style={heading}>{title}</Text>
      {children}
      <ButtonWithFallback href={requestUrl}>Open the request</ButtonWithFallback>
      <Text style={paragraph}>Sign in to the dashboard for the requester&apos;s details; they are left out of this email.</Text>
    </EmailLayout>
  );
}
