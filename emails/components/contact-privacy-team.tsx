import { Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { link, paragraph } from "@/emails/components/styles";

/** How to reach the privacy team about a request; `children` adds a sentence after it. */
export function ContactPrivacyTeam({
  org,
  reference,
  lead = "Questions? Write to",
  children,
}: {
  org: OrganizationDetails;
  reference: string;
  lead?: string;
  children?: ReactNode;
}) {
  return (
    <Text style={paragraph}>
      {lead}{" "}
      <Link href={`mailto:${org.privacyEmail}`} style={link}>
        {org.privacyEmail}
      </Link>{" "}
      and include your reference, {reference}.{children ? <> {children}</> : null}
    </Text>
  );
}
