import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { OrganizationDetails } from "@/lib/organization/types";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type RequestDeniedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** The basis of the refusal, as the privacy team wrote it. */
  reason: string;
  /** Whom to complain to, worded for the person ("the Information Commissioner's Office (ico.org.uk)"). */
  regulator: string;
  /** The law lets the person appeal to us first (US state laws). */
  appealAvailable: boolean;
  /** This refuses an appeal: our decision is final, and only the regulator remains. */
  isAppeal: boolean;
  statusUrl: string;
};

export function subject({ reference, isAppeal }: RequestDeniedProps): string {
  return isAppeal ? `Our decision on your appeal ${reference}` : `Our answer to your request ${reference}`;
}

export default function RequestDenied(props: RequestDeniedProps) {
  const { org, reference, requestTypeLabel, reason, regulator, appealAvailable, isAppeal, statusUrl } = props;
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. We cannot do what you asked; here is why and what you can do.`}>
      <Text style={heading}>{isAppeal ? "We upheld our decision" : "We cannot fulfil your request"}</Text>
      <Text style={paragraph}>
        {isAppeal
          ? `We reviewed your appeal, reference ${reference}, and we are keeping our original decision.`
          : `We have reviewed your privacy request (${requestTypeLabel}), reference ${reference}, and we cannot do what you asked.`}
      </Text>

      <Text style={subheading}>Why</Text>
      <QuotedText>{reason}</QuotedText>

      {appealAvailable ? (
        <>
          <Text style={subheading}>Appeal this decision</Text>
          <Text style={paragraph}>
            If you disagree, you can ask us to reconsider. Open your request&apos;s status page and choose
            &quot;Appeal this decision&quot;, within a reasonable time of receiving this email. Someone who did
            not make this decision will review it, and we will tell you the outcome in writing.
          </Text>
        </>
      ) : null}
      <ButtonWithFallback href={statusUrl}>{appealAvailable ? "Open the status page to appeal" : "View request status"}</ButtonWithFallback>

      <Text style={subheading}>Your right to complain</Text>
      <Text style={paragraph}>
        {appealAvailable ? "Whether or not you appeal, you" : "You"} have the right to complain to {regulator}.
      </Text>
      <ContactPrivacyTeam org={org} reference={reference} />
    </EmailLayout>
  );
}

RequestDenied.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  reason: "We must keep the invoices linked to your account for seven years under tax law. Everything else has been erased.",
  regulator: "your state's Attorney General",
  appealAvailable: true,
  isAppeal: false,
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestDeniedProps;
