import { Link, Section, Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { CSSProperties } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDate, formatDateTime } from "@/emails/components/format";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { colors, heading, link, paragraph } from "@/emails/components/styles";

export type VerifyEmailProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  code: string;
  verifyUrl: string;
  statusUrl: string;
  expiresInMinutes: number;
  /**
   * ISO date ("2027-01-04") by which we answer, where the law runs the clock from receipt (CCPA):
   * this email then confirms receipt, and must say when to expect a response (11 CCR §7021(a)).
   * Null or absent while the clock waits for this confirmation.
   */
  dueDate?: string | null;
  /**
   * A reminder sent because the address is still unconfirmed (lib/verification/reminders.ts):
   * "first" a day after the request, "last" a day before it closes. `closesAt`: the ISO instant
   * it closes unconfirmed.
   */
  reminder?: { which: "first" | "last"; closesAt: string } | null;
};

const codeBox: CSSProperties = {
  backgroundColor: colors.background,
  borderRadius: "8px",
  margin: "0 0 16px",
  padding: "16px",
  textAlign: "center",
};
const codeText: CSSProperties = {
  color: colors.text,
  fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  fontSize: "32px",
  fontWeight: 700,
  letterSpacing: "0.3em",
  lineHeight: "40px",
  margin: 0,
};

// No names in the subject: it shows on lock screens and in notification previews.
export function subject({ reference, reminder }: VerifyEmailProps): string {
  if (reminder) return `${reminder.which === "last" ? "Last reminder" : "Reminder"}: confirm your privacy request ${reference}`;
  return `Confirm your privacy request ${reference}`;
}

/** "15 minutes", "1 hour", "24 hours". */
function lifetime(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export default function VerifyEmail(props: VerifyEmailProps) {
  const { org, reference, requestTypeLabel, code, verifyUrl, statusUrl, expiresInMinutes, dueDate, reminder } = props;
  const minutes = lifetime(expiresInMinutes);
  return (
    <EmailLayout org={org} preview={`Your confirmation code is ${code}. It expires in ${minutes}.`}>
      <Text style={heading}>{reminder ? "We still need you to confirm your email address" : "Confirm your email address"}</Text>
      <Text style={paragraph}>
        We received a privacy request ({requestTypeLabel}) for {org.productName} with this email address,
        reference {reference}. Before we act on it, please confirm that this address is yours.
      </Text>
      {reminder ? (
        <Text style={paragraph}>
          {reminder.which === "last" ? "This is our last reminder. " : "It is not confirmed yet. "}
          If it is not confirmed by <strong>{formatDateTime(reminder.closesAt, "en", org.timeZone)}</strong>, we close the request
          and erase the details you gave. Earlier codes no longer work; use this one. If you did not make this request, ignore this
          email.
        </Text>
      ) : null}
      <Text style={paragraph}>Enter this code on the confirmation page:</Text>
      <Section style={codeBox}>
        <Text style={codeText}>{code}</Text>
      </Section>
      <Text style={paragraph}>Or open this link and press the button on the page it opens:</Text>
      <ButtonWithFallback href={verifyUrl}>Confirm my email</ButtonWithFallback>
      <Text style={paragraph}>
        The code and the button expire in {minutes}. We can only act on the request once this address is
        confirmed.
      </Text>
      {dueDate ? (
        <Text style={paragraph}>
          The law that applies gives us until <strong>{formatDate(dueDate)}</strong> to answer, counted from
          today however long confirming takes. We will answer by then.
        </Text>
      ) : null}
      <Text style={paragraph}>
        Check your request&apos;s status at any time:
        <br />
        <Link href={statusUrl} style={link}>
          {statusUrl}
        </Link>
      </Text>
      <Text style={paragraph}>Keep this email private: its code and links are for you alone.</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  code: "042917",
  verifyUrl: "http://localhost:3000/verify/preview-link-token",
  statusUrl: "http://localhost:3000/status/preview-status-token",
  expiresInMinutes: 30,
} satisfies VerifyEmailProps;
