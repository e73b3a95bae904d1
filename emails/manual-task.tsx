import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph } from "@/emails/components/styles";
import type { OrganizationDetails } from "@/lib/organization/types";

// To the owner of a system nobody can search automatically (a spreadsheet, a paper file): what
// to look for for one privacy request, and the link to answer. The owner needs the person's
// identities to search, so they are in this email; it goes to one named owner, not a shared box.

export type ManualTaskProps = {
  org: OrganizationDetails;
  reference: string;
  systemName: string;
  /** e.g. "Access my data". */
  requestTypeLabel: string;
  /** ISO date the requester must have the answer by, if set. */
  dueDate: string | null;
  /** What identifies the person: "Email: ada@example.com". */
  identities: { label: string; value: string }[];
  /** What the data map says the system holds: "invoices: Financial data, Contact email". */
  collections: { name: string; categories: string[] }[];
  /** The owner's page for this task. */
  taskUrl: string;
  /** ISO date we need the owner's answer by. */
  answerBy: string;
  /** Set on reminders: 1 for the first. */
  reminderNumber?: number;
  /** On the last reminder: silence afterwards goes to the privacy team. */
  escalatesAfterThis?: boolean;
};

export function subject(p: ManualTaskProps): string {
  const prefix = p.reminderNumber ? "Reminder: " : "";
  return `${prefix}Privacy request ${p.reference}: please check ${p.systemName}`;
}

export function ManualTaskBody(p: ManualTaskProps) {
  const tz = p.org.timeZone;
  return (
    <EmailLayout
      org={p.org}
      preview={`Look for one person's data in ${p.systemName} and answer by ${formatDate(p.answerBy, "en", tz)}.`}
      reason={`You received this because you are named as the owner of ${p.systemName} in ${p.org.productName}'s data map.`}
    >
      <Text style={heading}>{p.reminderNumber ? `Reminder: ${p.systemName} still needs checking` : `Please check ${p.systemName}`}</Text>
      {p.reminderNumber ? (
        <Text style={paragraph}>
          This is reminder {p.reminderNumber}. We have not had your answer yet.
          {p.escalatesAfterThis ? ` If we do not hear from you after this one, ${p.org.productName}'s privacy team will follow up.` : ""}
        </Text>
      ) : null}
      <Text style={paragraph}>
        Someone made a privacy request to {p.org.legalName} (reference {p.reference}: “{p.requestTypeLabel}”). We searched
        our other systems automatically; {p.systemName} has to be checked by a person, and the data map names you as its owner.
      </Text>
      <FactList
        facts={[
          { label: "Reference", value: p.reference },
          { label: "The requester must have an answer by", value: p.dueDate ? formatDate(p.dueDate, "en", tz) : "as soon as possible" },
          { label: "Please answer us by", value: formatDate(p.answerBy, "en", tz) },
        ]}
      />
      <Text style={paragraph}>
        <strong>Look for records about this person:</strong>
      </Text>
      <FactList facts={p.identities.map((i) => ({ label: i.label, value: i.value }))} />
      {p.collections.length ? (
        <>
          <Text style={paragraph}>
            <strong>Where to look, as the data map describes {p.systemName}:</strong>
          </Text>
          <FactList
            facts={p.collections.map((c) => ({ label: c.name, value: c.categories.length ? c.categories.join(", ") : "any personal data" }))}
          />
        </>
      ) : null}
      <Text style={paragraph}>
        On the page below, upload what you found (one file, up to 10 MB, e.g. an export of the matching rows) or answer that you found
        nothing. No account is needed: the link is the key, so do not forward it.
      </Text>
      <ButtonWithFallback href={p.taskUrl}>Answer for {p.systemName}</ButtonWithFallback>
    </EmailLayout>
  );
}

export default function ManualTask(props: ManualTaskProps) {
  return <ManualTaskBody {...props} />;
}

export const PREVIEW_MANUAL_TASK: ManualTaskProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  systemName: "Finance spreadsheet",
  requestTypeLabel: "Access my data",
  dueDate: "2026-12-28",
  identities: [{ label: "Email", value: "ada@example.com" }],
  collections: [{ name: "invoices", categories: ["user.financial", "user.contact.email"] }],
  taskUrl: "http://localhost:3000/tasks/preview-token",
  answerBy: "2026-12-01T09:00:00.000Z",
};

ManualTask.PreviewProps = PREVIEW_MANUAL_TASK;
