import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { emailWords } from "@/emails/components/i18n";
import type { EmailLanguage } from "@/emails/components/language";
import { colors, fontFamily, link } from "@/emails/components/styles";

const body: CSSProperties = { backgroundColor: colors.background, fontFamily, margin: 0, padding: "24px 0" };
const container: CSSProperties = {
  backgroundColor: "#ffffff",
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
  maxWidth: "560px",
  margin: "0 auto",
  padding: "32px",
};
const header: CSSProperties = {
  color: colors.text,
  fontSize: "15px",
  fontWeight: 600,
  letterSpacing: "0.02em",
  margin: "0 0 24px",
};
const footerText: CSSProperties = { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" };

type EmailLayoutProps = {
  org: OrganizationDetails;
  /** The inbox preview line: shown next to the subject, hidden in the body and the text part. */
  preview: string;
  /** Why this person got the email; the default suits every message to a requester. */
  reason?: string;
  /** The language of the whole message, for its frame and for screen readers. */
  language?: EmailLanguage;
  children: ReactNode;
};

/**
 * Frame shared by every email: who sends it and how to reach them. The legal name, address and
 * privacy contact are in every message because a privacy notice must say who the controller is.
 */
export function EmailLayout({ org, preview, reason, language = "en", children }: EmailLayoutProps) {
  const t = emailWords(language);
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={header}>{t("layout.header", { product: org.productName })}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: "32px 0 16px" }} />
          <Section>
            <Text style={footerText}>{reason ?? t("layout.requesterReason")}</Text>
            <Text style={footerText}>
              {org.legalName}
              {addressLines(org.registeredAddress).map((line, index) => (
                <span key={index}>
                  <br />
                  {line}
                </span>
              ))}
            </Text>
            <Text style={footerText}>
              {t("layout.privacyTeam")}{" "}
              <Link href={`mailto:${org.privacyEmail}`} style={link}>
                {org.privacyEmail}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

// Admins type the address on several lines or on one with commas; both read well either way.
function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
