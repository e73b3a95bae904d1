import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { LineBreaks } from "@/emails/components/line-breaks";
import { paragraph } from "@/emails/components/styles";

export type Fact = { label: string; value: ReactNode };

/**
 * Labelled facts, one a line ("Reference: DSR-…"), so the text part reads as well as the HTML.
 * A string value keeps its line breaks: people type details on several lines.
 */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <Text style={paragraph}>
      {facts.map(({ label, value }, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          <strong>{label}:</strong> {typeof value === "string" ? <LineBreaks text={value} /> : value}
        </span>
      ))}
    </Text>
  );
}
