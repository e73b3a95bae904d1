import { Link, Section, Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { EmailButton } from "@/emails/components/button";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, link, paragraph, small } from "@/emails/components/styles";

export type StaffDigestProps = {
  org: OrganizationDetails;
  /** The operator's calendar day it is for, "2026-11-30". */
  day: string;
  overdue: number;
  dueThisWeek: number;
  unassigned: number;
  /** Their most urgent requests (references only), soonest due first. */
  urgent: { reference: string; type: string; dueDate: string; overdue: boolean }[];
  queueUrl: string;
  accountUrl: string;
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function dayText(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

export function subject(p: StaffDigestProps): string {
  const parts = [p.overdue ? `${p.overdue} overdue` : "", p.dueThisWeek ? `${p.dueThisWeek} due this week` : "", p.unassigned ? `${p.unassigned} unassigned` : ""].filter(Boolean);
  return `${p.org.productName} privacy requests for ${dayText(p.day)}: ${parts.join(", ") || "nothing due"}`;
}

/** The morning email to an officer or admin: their deadlines, and the requests nobody holds yet. */
export default function StaffDigest(p: StaffDigestProps) {
  return (
    <EmailLayout
      org={p.org}
      preview={subject(p)}
      reason={`You received this because you handle privacy requests in the ${p.org.productName} dashboard. Switch the daily digest off on Your account.`}
    >
      <Text style={heading}>Your privacy requests today</Text>
      <Text style={paragraph}>
        {count(p.overdue, "request of yours is", "requests of yours are")} overdue, {count(p.dueThisWeek, "is", "are")} due within 7 days, and{" "}
        {count(p.unassigned, "open request has", "open requests have")} nobody assigned.
      </Text>
      {p.urgent.length ? (
        <>
          <Text style={paragraph}>The most urgent of yours:</Text>
          {p.urgent.map((r) => (
            <Text key={r.reference} style={paragraph}>
              {r.reference} ({r.type}): {r.overdue ? "overdue since" : "due"} {dayText(r.dueDate)}
            </Text>
          ))}
        </>
      ) : null}
      <Section style={{ margin: "0 0 16px" }}>
        <EmailButton href={p.queueUrl}>Open my requests</EmailButton>
      </Section>
      <Text style={small} data-skip-in-text>
        If the button does not work, open this address:{" "}
        <Link href={p.queueUrl} style={link}>
          {p.queueUrl}
        </Link>
      </Text>
      <Text style={small}>
        Switch this email off on <Link href={p.accountUrl} style={link}>Your account</Link>.
      </Text>
    </EmailLayout>
  );
}

StaffDigest.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  day: "2026-11-30",
  overdue: 1,
  dueThisWeek: 2,
  unassigned: 4,
  urgent: [
    { reference: "DSR-7K3M-Q9PX", type: "Delete my data", dueDate: "2026-11-28", overdue: true },
    { reference: "DSR-4HWN-2BZE", type: "Access my data", dueDate: "2026-12-03", overdue: false },
  ],
  queueUrl: "https://privacy.jexi.example/admin/requests?assignee=me&status=open&sort=due",
  accountUrl: "https://privacy.jexi.example/admin/account",
} satisfies StaffDigestProps;
