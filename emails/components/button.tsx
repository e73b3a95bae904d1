import { Button } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { colors } from "@/emails/components/styles";

const style: CSSProperties = {
  backgroundColor: colors.accent,
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};

/** The one call to action of an email. Its URL is also written out nearby for text-only readers. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button href={href} style={style}>
      {children}
    </Button>
  );
}
