import { Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailButton } from "@/emails/components/button";
import { emailWords } from "@/emails/components/i18n";
import type { EmailLanguage } from "@/emails/components/language";
import { link, small } from "@/emails/components/styles";

/** A call-to-action button, and its address for mail clients that don't show buttons. */
export function ButtonWithFallback({
  href,
  language = "en",
  children,
}: {
  href: string;
  language?: EmailLanguage;
  children: ReactNode;
}) {
  return (
    <>
      <Section style={{ margin: "0 0 16px" }}>
        <EmailButton href={href}>{children}</EmailButton>
      </Section>
      {/* The text part already prints the button's address; HTML readers get it to copy. */}
      <Text style={small} data-skip-in-text>
        {emailWords(language)("layout.buttonFallback")}{" "}
        <Link href={href} style={link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
