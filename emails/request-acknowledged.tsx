import { Link, Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate, formatDateTime } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { StatusLink } from "@/emails/components/status-link";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, link, paragraph, subheading } from "@/emails/components/styles";

export type RequestAcknowledgedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** ISO timestamp of receipt. */
  receivedAt: string;
  /** ISO date ("2026-12-22") by which we answer. */
  dueDate: string;
  /** The law whose deadline applies, as shown to people ("GDPR (European Economic Area)"). */
  regimeLabel: string;
  statusUrl: string;
  /** The address is not confirmed yet, so nothing starts until it is. */
  verificationRequired: boolean;
};

export function subject({ reference }: RequestAcknowledgedProps): string {
  return `We have your request ${reference}`;
}

export default function RequestAcknowledged(props: RequestAcknowledgedProps) {
  const { org, reference, requestTypeLabel, receivedAt, dueDate, regimeLabel, statusUrl, verificationRequired } =
    props;
  const due = formatDate(dueDate);
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. We will answer by ${due}.`}>
      <Text style={heading}>We have your request</Text>
      <Text style={paragraph}>
        We received your privacy request ({requestTypeLabel}) on {formatDateTime(receivedAt, "en", org.timeZone)}. Its reference is{" "}
        <strong>{reference}</strong>; please quote it if you contact us about it.
      </Text>

      <Text style={subheading}>What happens next</Text>
      {verificationRequired ? (
        <Text style={paragraph}>
          First, we need to know this email address is yours. We have sent you a separate email with a code
          and a link: use either to confirm. We can only start on your request once you do.
        </Text>
      ) : null}
      <Text style={paragraph}>
        Our privacy team reviews your request, searches the systems where we could hold information about
        you, and replies by email.
      </Text>
      <Text style={paragraph}>
        We will answer by <strong>{due}</strong>, the deadline under {regimeLabel}. If your request is
        complex and the law allows us more time, we will tell you before that date and explain why.
      </Text>

      <StatusLink statusUrl={statusUrl} />

      <Text style={subheading}>Questions</Text>
      <ContactPrivacyTeam org={org} reference={reference} lead="Write to our privacy team at">
        {org.dpoEmail ? (
          <>
            You can also reach our data protection officer{org.dpoName ? `, ${org.dpoName},` : ""} at{" "}
            <Link href={`mailto:${org.dpoEmail}`} style={link}>
              {org.dpoEmail}
            </Link>
            .
          </>
        ) : null}
      </ContactPrivacyTeam>
      <Text style={paragraph}>
        If you are unhappy with how we handle your request, you may also have the right to complain to a
        privacy regulator.
      </Text>
    </EmailLayout>
  );
}

RequestAcknowledged.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  receivedAt: "2026-11-22T09:32:00.000Z",
  dueDate: "2026-12-22",
  regimeLabel: "GDPR (European Economic Area)",
  statusUrl: "http://localhost:3000/status/preview-status-token",
  verificationRequired: true,
} satisfies RequestAcknowledgedProps;
