import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { emailWords, mailTag } from "@/emails/components/i18n";
import type { EmailLanguage } from "@/emails/components/language";
import { paragraph } from "@/emails/components/styles";

/** How the sentence opens: "Questions? Write to", "If something is unclear, write to"... */
export type ContactLead = "questions" | "writeToTeam" | "passedOn" | "unclear" | "anythingElse";

/** How to reach the privacy team about a request; `children` adds a sentence after it. */
export function ContactPrivacyTeam({
  org,
  reference,
  language = "en",
  lead = "questions",
  children,
}: {
  org: OrganizationDetails;
  reference: string;
  language?: EmailLanguage;
  lead?: ContactLead;
  children?: ReactNode;
}) {
  return (
    <Text style={paragraph}>
      {emailWords(language).rich(`contact.${lead}`, { reference, mail: mailTag(org.privacyEmail) })}
      {children ? <> {children}</> : null}
    </Text>
  );
}
