import { Link, Section, Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { EmailButton } from "@/emails/components/button";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, link, paragraph, small } from "@/emails/components/styles";
import { durationWords } from "@/lib/dates/duration";

export type StaffSignInProps = {
  org: OrganizationDetails;
  url: string;
  expiresInMinutes: number;
  /** True when an admin invited this person: the first sign-in. */
  invited: boolean;
};

export function subject({ org, invited }: StaffSignInProps): string {
  return invited ? `You're invited to the ${org.productName} privacy dashboard` : `Sign in to the ${org.productName} privacy dashboard`;
}

export default function StaffSignIn({ org, url, expiresInMinutes, invited }: StaffSignInProps) {
  const lasts = durationWords(expiresInMinutes);
  return (
    <EmailLayout
      org={org}
      preview={invited ? `Accept the invitation within ${lasts}.` : `This sign-in link works once and expires in ${lasts}.`}
      reason={
        invited
          ? `You received this because an administrator of the ${org.productName} privacy dashboard invited this address. If you did not expect it, ignore this email: nobody can sign in without the link.`
          : "You received this because someone asked to sign in to the privacy dashboard with this address. If it wasn't you, ignore this email: nobody can sign in without the link."
      }
    >
      <Text style={heading}>{invited ? "You're invited" : "Sign in"}</Text>
      <Text style={paragraph}>
        {invited
          ? `An administrator added you to the ${org.productName} privacy dashboard, where privacy requests are handled.`
          : `Use this link to sign in to the ${org.productName} privacy dashboard.`}
      </Text>
      <Section style={{ margin: "0 0 16px" }}>
        <EmailButton href={url}>{invited ? "Accept the invitation" : "Sign in"}</EmailButton>
      </Section>
      <Text style={small} data-skip-in-text>
        If the button does not work, open this address:{" "}
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>
        {invited
          ? `The link works once, for ${lasts}: it signs you in for the first time. After that, sign in from the dashboard's sign-in page with this address.`
          : `The link works once and expires in ${lasts}.`}
      </Text>
    </EmailLayout>
  );
}

StaffSignIn.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  url: "https://privacy.jexi.example/api/auth/callback/email?token=preview&email=officer%40jexi.example",
  expiresInMinutes: 15,
  invited: false,
} satisfies StaffSignInProps;
