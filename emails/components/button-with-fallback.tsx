import { Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailButton } from "@/emails/components/button";
import { link, small } from "@/emails/components/styles";

/** A call-to-action button, and its address for mail clients that don't show buttons. */
export function ButtonWithFallback({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Section style={{ margin: "0 0 16px" }}>
        <EmailButton href={href}>{children}</EmailButton>
      </Section>
      {/* The text part already prints the button's address; HTML readers get it to copy. */}
      <Text style={small} data-skip-in-text>
        If the button does not work, open this address:{" "}
        <Link href={href} style={link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
