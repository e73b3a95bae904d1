import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";
import { isOwnerTask, NOTICE_WORDS, ownerTaskIntro, type NoticeKindValue } from "@/lib/recipients/notice-words";

// To a recipient of a person's data (a third party of the data map, or the customer the request
// was referred to): the person's data was erased, corrected or restricted at their request, so
// please do the same (GDPR Art. 19, CCPA §7022(b)(3)) and confirm from the link. Or to the owner
// of a system using the data for a use the person objected to, or asked to restrict: please stop
// or restrict it (Art. 21, 18). The addressee needs the person's identities to find them, so they
// are in this email, sent to that one contact only.

export type RecipientNoticeProps = {
  org: OrganizationDetails;
  reference: string;
  kind: NoticeKindValue;
  recipientName: string;
  /** The customer the request was referred to: controller of its workspace, not our processor. */
  asController: boolean;
  identities: { label: string; value: string }[];
  /** For a correction or restriction: what the person asked ("What is wrong: ..."). */
  asked: { label: string; value: string }[];
  /** An owner's task: the system's uses of the data to stop or restrict. */
  uses: { key: string; label: string }[];
  noticeUrl: string;
  /** ISO timestamp we ask for the confirmation by. */
  answerBy: string;
  reminderNumber?: number;
  escalatesAfterThis?: boolean;
};

export function subject(p: RecipientNoticeProps): string {
  const prefix = p.reminderNumber ? "Reminder: " : "";
  if (isOwnerTask(p.kind)) return `${prefix}Privacy request ${p.reference}: please ${NOTICE_WORDS[p.kind].title} one person's data in ${p.recipientName}`;
  return `${prefix}Privacy request ${p.reference}: please ${NOTICE_WORDS[p.kind].title} this person's data too`;
}

export default function RecipientNotice(p: RecipientNoticeProps) {
  const words = NOTICE_WORDS[p.kind];
  const owner = isOwnerTask(p.kind);
  const tz = p.org.timeZone;
  return (
    <EmailLayout
      org={p.org}
      preview={`${p.org.legalName} ${words.done} one person's data at their request. Please confirm by ${formatDate(p.answerBy, "en", tz)}.`}
      reason={
        owner
          ? `You received this because you are named as the owner of ${p.recipientName} in ${p.org.productName}'s data map.`
          : p.asController
            ? `You received this because the person's request concerned ${p.recipientName}'s workspace, and you are its privacy contact.`
            : `You received this because ${p.recipientName} receives personal data from ${p.org.productName} (our list of recipients names it).`
      }
    >
      <Text style={heading}>
        {p.reminderNumber
          ? `Reminder: please confirm for ${p.recipientName}`
          : owner
            ? `Please ${words.title} one person's data in ${p.recipientName}`
            : `Please ${words.title} this person's data too`}
      </Text>
      {p.reminderNumber ? (
        <Text style={paragraph}>
          This is reminder {p.reminderNumber}. We have not had your confirmation yet.
          {p.escalatesAfterThis ? ` If we do not hear from you after this one, ${p.org.productName}'s privacy team will follow up.` : ""}
        </Text>
      ) : null}
      {owner ? (
        <Text style={paragraph}>{ownerTaskIntro(p.kind, p.reference, p.recipientName)}</Text>
      ) : (
        <Text style={paragraph}>
          A person asked {p.org.legalName} to {words.title} their personal data (request {p.reference}), and we have {words.done} it in
          our systems. The law asks us to tell everyone we disclosed it to (GDPR Art. 19; in California, CCPA regulations §7022).{" "}
          {p.asController ? `As the controller of that data in your workspace, please consider the request for your own records too.` : ""}
        </Text>
      )}
      <Text style={paragraph}>
        <strong>The person:</strong>
      </Text>
      <FactList facts={p.identities} />
      {p.uses.length ? (
        <>
          <Text style={paragraph}>
            <strong>The uses concerned:</strong>
          </Text>
          <FactList facts={p.uses.map((u) => ({ label: u.label, value: u.key }))} />
        </>
      ) : null}
      {p.asked.length ? (
        <>
          <Text style={paragraph}>
            <strong>{p.kind === "ERASE_BY_HAND" ? "What to erase, as the data map describes it:" : "What they asked:"}</strong>
          </Text>
          <FactList facts={p.asked} />
        </>
      ) : null}
      <Text style={paragraph}>
        {words.ask} Please confirm by {formatDate(p.answerBy, "en", tz)}. No account is needed: the link is the key, so do not forward it.
      </Text>
      <ButtonWithFallback href={p.noticeUrl}>Confirm for {p.recipientName}</ButtonWithFallback>
    </EmailLayout>
  );
}

RecipientNotice.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  kind: "ERASURE",
  recipientName: "Transactional email provider",
  asController: false,
  identities: [{ label: "Email", value: "ada@example.com" }],
  asked: [],
  uses: [],
  noticeUrl: "http://localhost:3000/notices/preview-token",
  answerBy: "2026-12-01T09:00:00.000Z",
} satisfies RecipientNoticeProps;
