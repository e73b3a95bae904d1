import type { EmailLanguage } from "@/emails/components/language";

// Emails are read in any time zone and rendered on the server, so dates are spelled out in UTC
// with the zone named, never in the server's local time.

const LOCALES: Record<EmailLanguage, string> = { en: "en-GB", de: "de-DE" };
const AT: Record<EmailLanguage, string> = { en: "at", de: "um" };

const dateFormats = mapLanguages(
  (language) => new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
);

const timeFormats = mapLanguages(
  (language) => new Intl.DateTimeFormat(LOCALES[language], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }),
);

/** "22 December 2026" ("22. Dezember 2026") from an ISO date ("2026-12-22") or timestamp. */
export function formatDate(iso: string, language: EmailLanguage = "en"): string {
  return dateFormats[language].format(new Date(iso));
}

/** "22 November 2026 at 09:32 UTC" ("22. November 2026 um 09:32 UTC") from an ISO timestamp. */
export function formatDateTime(iso: string, language: EmailLanguage = "en"): string {
  const date = new Date(iso);
  return `${dateFormats[language].format(date)} ${AT[language]} ${timeFormats[language].format(date)} UTC`;
}

function mapLanguages<T>(make: (language: EmailLanguage) => T): Record<EmailLanguage, T> {
  return { en: make("en"), de: make("de") };
}
