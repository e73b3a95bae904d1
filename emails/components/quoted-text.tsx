import { Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { colors } from "@/emails/components/styles";

const quote: CSSProperties = {
  backgroundColor: colors.background,
  borderLeft: `4px solid ${colors.border}`,
  color: colors.text,
  fontSize: "16px",
  lineHeight: "24px",
  margin: "0 0 16px",
  padding: "12px 16px",
};

/**
 * Text a person wrote (a question, a reason), set apart from ours and with its line breaks kept:
 * each line becomes its own line in both the HTML and the plain-text part.
 */
export function QuotedText({ children }: { children: string }) {
  const lines = children.split(/\r?\n/);
  return (
    <Text style={quote}>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </Text>
  );
}
