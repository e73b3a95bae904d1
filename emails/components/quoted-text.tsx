import { Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { LineBreaks } from "@/emails/components/line-breaks";
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

/** Text a person wrote (a question, a reason), set apart from ours and with its line breaks kept. */
export function QuotedText({ children }: { children: string }) {
  return (
    <Text style={quote}>
      <LineBreaks text={children} />
    </Text>
  );
}
