import type { CSSProperties } from "react";

// Inline styles only: many mail clients drop <style> blocks. System fonts, because web fonts
// would need a remote request that some clients block and others use to track opens.
export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const colors = {
  text: "#1f2937",
  muted: "#4b5563",
  border: "#e5e7eb",
  accent: "#1d4ed8",
  background: "#f3f4f6",
} as const;

export const paragraph: CSSProperties = {
  color: colors.text,
  fontSize: "16px",
  lineHeight: "24px",
  margin: "0 0 16px",
};

export const heading: CSSProperties = {
  color: colors.text,
  fontSize: "22px",
  lineHeight: "30px",
  fontWeight: 600,
  margin: "0 0 16px",
};

export const subheading: CSSProperties = {
  color: colors.text,
  fontSize: "17px",
  lineHeight: "24px",
  fontWeight: 600,
  margin: "24px 0 8px",
};

export const small: CSSProperties = {
  color: colors.muted,
  fontSize: "14px",
  lineHeight: "20px",
  margin: "0 0 16px",
  wordBreak: "break-all",
};

export const link: CSSProperties = { color: colors.accent, textDecoration: "underline" };
