import { Link } from "@react-email/components";
import type { ReactNode } from "react";
import { link } from "@/emails/components/styles";
import type { EmailLanguage } from "@/emails/components/language";
import { messagesFor } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";

/** The words of the emails (namespace "emails") in one language. */
export function emailWords(language: EmailLanguage) {
  return translatorFor(language, "emails");
}

/** Rich-text tags the emails' catalogue uses: `<strong>…</strong>`. */
export function strong(chunks: ReactNode) {
  return <strong>{chunks}</strong>;
}

/** `<mail></mail>` in a catalogue sentence: the address, as a link to write to. */
export function mailTag(email: string) {
  return () => (
    <Link href={`mailto:${email}`} style={link}>
      {email}
    </Link>
  );
}

type LabelGroup = "types" | "jurisdictions" | "relationships";

/**
 * A label of the shared "requests" namespace (a request type, a law, a relationship) in the
 * email's language. Queued emails carry the English label the dashboard shows (REQUEST_TYPE_LABELS,
 * REGIMES), so it is looked up by its English words; a label the catalogue does not know (an
 * operator's own wording) is left as it is.
 */
export function translateLabel(group: LabelGroup, label: string, language: EmailLanguage): string {
  if (language === "en") return label;
  const english: Record<string, string> = messagesFor("en").requests[group];
  const key = Object.keys(english).find((k) => english[k] === label);
  if (!key) return label;
  const translated: Record<string, string> = messagesFor(language).requests[group];
  return translated[key] ?? label;
}
