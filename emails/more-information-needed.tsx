import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { OrganizationDetails } from "@/lib/organization/types";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";

export type MoreInformationNeededProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** What the privacy team asks, as they wrote it. */
  question: string;
  statusUrl: string;
};

// The question stays out of the subject: it may be personal, and subjects show on lock screens.
export function subject({ reference }: MoreInformationNeededProps): string {
  return `We need more information about your request ${reference}`;
}

export default function MoreInformationNeeded(props: MoreInformationNeededProps) {
  const { org, reference, requestTypeLabel, question, statusUrl } = props;
  return (
    <EmailLayout org={org} preview={`Reference ${reference}. Please answer our question on your request's status page.`}>
      <Text style={heading}>We need more information</Text>
      <Text style={paragraph}>
        To continue with your privacy request ({requestTypeLabel}), reference <strong>{reference}</strong>, our
        privacy team needs an answer from you:
      </Text>
      <QuotedText>{question}</QuotedText>

      <Text style={subheading}>How to answer</Text>
      <Text style={paragraph}>
        Open your request&apos;s status page and write your answer in the form there. It reaches the people
        handling your request directly, and we continue as soon as it arrives.
      </Text>
      <ButtonWithFallback href={statusUrl}>Answer on the status page</ButtonWithFallback>
      <Text style={paragraph}>
        Keep this link private: anyone who has it can see your request&apos;s status and answer for you.
      </Text>
      <ContactPrivacyTeam org={org} reference={reference} lead="If something is unclear, write to" />
    </EmailLayout>
  );
}

MoreInformationNeeded.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  question: "Which workspace did you use our chat in?\nIf you know it, the name of the company that runs it helps too.",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies MoreInformationNeededProps;
