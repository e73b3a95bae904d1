import type { EmailLanguage } from "@/emails/components/language";
import { isIsoDay, timeZoneName } from "@/lib/dates/format";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";

// Emails are read in any time zone and rendered on the server, so a moment is spelled out in the
// operator's time zone (org.timeZone) with the zone named, never in the server's local time. A
// calendar date ("2026-12-22", a due date) is a day, not a moment: it is written as it is. Emails
// queued before the operator had a zone carry none, and read in UTC as they did then.

const LOCALES: Record<EmailLanguage, string> = { en: "en-GB", de: "de-DE" };
const AT: Record<EmailLanguage, string> = { en: "at", de: "um" };

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(language: EmailLanguage, timeZone: string, kind: "date" | "time"): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      LOCALES[language],
      kind === "date"
        ? { day: "numeric", month: "long", year: "numeric", timeZone }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone },
    );
    formats.set(key, format);
  }
  return format;
}

/**
 * "22 December 2026" ("22. Dezember 2026") from an ISO date ("2026-12-22"), or from a timestamp:
 * the day it falls on in `timeZone`.
 */
export function formatDate(iso: string, language: EmailLanguage = "en", timeZone = DEFAULT_TIME_ZONE): string {
  if (isIsoDay(iso)) return cached(language, "UTC", "date").format(new Date(`${iso}T00:00:00Z`));
  return cached(language, timeZone, "date").format(new Date(iso));
}

/** "22 November 2026 at 10:32 CET" ("22. November 2026 um 10:32 MEZ") from an ISO timestamp. */
export function formatDateTime(iso: string, language: EmailLanguage = "en", timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  const zone = timeZoneName(date, timeZone, LOCALES[language]);
  return `${cached(language, timeZone, "date").format(date)} ${AT[language]} ${cached(language, timeZone, "time").format(date)} ${zone}`;
}
