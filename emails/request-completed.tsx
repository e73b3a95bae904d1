import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDateTime } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";
import type { CorrectionSummary } from "@/lib/corrections/words";
import type { ErasureSummary } from "@/lib/erasure/words";

export type RequestCompletedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** What we did, as the privacy team wrote it; null when the answer is only the download. */
  outcome: string | null;
  /** ISO timestamp until which the data can be downloaded; null when there is nothing to download. */
  downloadUntil: string | null;
  statusUrl: string;
  /** A deletion carried out by an erasure run: what was erased and what was kept, and why. */
  erasure?: ErasureSummary | null;
  /** A correction: what we corrected ourselves, and whom we asked to correct by hand. */
  correction?: CorrectionSummary | null;
  /** A deletion, correction or restriction: the other organisations we told (GDPR Art. 19). */
  recipientsTold?: string[];
};

export function subject({ reference }: RequestCompletedProps): string {
  return `Your request ${reference} is complete`;
}

export default function RequestCompleted(props: RequestCompletedProps) {
  const { org, reference, requestTypeLabel, outcome, downloadUntil, statusUrl, erasure, correction, recipientsTold } = props;
  const until = downloadUntil ? formatDateTime(downloadUntil, "en", org.timeZone) : null;
  return (
    <EmailLayout
      org={org}
      preview={until ? `Reference ${reference}. Your data is ready to download until ${until}.` : `Reference ${reference}. Here is what we did.`}
    >
      <Text style={heading}>Your request is complete</Text>
      <Text style={paragraph}>
        We have finished your privacy request ({requestTypeLabel}), reference <strong>{reference}</strong>.
      </Text>
      {until ? (
        <>
          <Text style={subheading}>Download your data</Text>
          <Text style={paragraph}>
            Your data is ready. Download it from your request&apos;s status page until <strong>{until}</strong>.
            After that the download stops working; write to us if you need another copy.
          </Text>
        </>
      ) : null}
      {outcome ? (
        <>
          <Text style={subheading}>What we did</Text>
          <QuotedText>{outcome}</QuotedText>
        </>
      ) : null}

      {erasure?.erased.length ? (
        <>
          <Text style={subheading}>What we erased</Text>
          {erasure.erased.map((e, i) => (
            <Text key={i} style={paragraph}>
              {e.system}: {e.what} ({e.records} {e.records === 1 ? "record" : "records"})
            </Text>
          ))}
        </>
      ) : null}
      {erasure?.kept.length ? (
        <>
          <Text style={subheading}>What we kept, and why</Text>
          <Text style={paragraph}>The law lets us keep some data after an erasure (GDPR Art. 17(3)), only for the reason given:</Text>
          {erasure.kept.map((k, i) => (
            <Text key={i} style={paragraph}>
              {k.system}: {k.what}. {k.reason}
            </Text>
          ))}
        </>
      ) : null}
      {correction?.corrected.length ? (
        <>
          <Text style={subheading}>What we corrected</Text>
          {correction.corrected.map((c, i) => (
            <Text key={i} style={paragraph}>
              {c.system}: {c.what} ({c.records} {c.records === 1 ? "record" : "records"})
            </Text>
          ))}
        </>
      ) : null}
      {correction?.byHand.length ? (
        <>
          <Text style={subheading}>Corrected by hand</Text>
          <Text style={paragraph}>We asked the people who run these systems to correct them too: {correction.byHand.join(", ")}.</Text>
        </>
      ) : null}
      {recipientsTold?.length ? (
        <>
          <Text style={subheading}>Who else we told</Text>
          <Text style={paragraph}>
            We told the other organisations that received your data from us, and asked them to do the same: {recipientsTold.join(", ")}.
            Your status page shows when each confirms.
          </Text>
        </>
      ) : null}

      <ButtonWithFallback href={statusUrl}>{until ? "Download my data" : "View request status"}</ButtonWithFallback>
      <Text style={paragraph}>
        Keep this link private: {until ? "anyone who has it can download your data." : "anyone who has it can see your request's status."}
      </Text>
      <ContactPrivacyTeam org={org} reference={reference}>
        If you are unhappy with how we handled your request, you may also have the right to complain to a privacy regulator.
      </ContactPrivacyTeam>
    </EmailLayout>
  );
}

RequestCompleted.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  outcome: null,
  downloadUntil: "2026-12-29T10:00:00.000Z",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestCompletedProps;
