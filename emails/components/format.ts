import { emailWords } from "@/emails/components/i18n";
import type { EmailLanguage } from "@/emails/components/language";
import { formatCalendarDate, formatInstantDate, isIsoDay, timeZoneName } from "@/lib/dates/format";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { FORMAT_LOCALES } from "@/lib/i18n/locales";

// Emails are read in any time zone and rendered on the server, so a moment is spelled out in the
// operator's time zone (org.timeZone) with the zone named, never in the server's local time. A
// calendar date ("2026-12-22", a due date) is a day, not a moment: it is written as it is. Emails
// queued before the operator had a zone carry none, and read in UTC as they did then.

const times = new Map<string, Intl.DateTimeFormat>();

function timeFormat(language: EmailLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let format = times.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[language], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
    times.set(key, format);
  }
  return format;
}

/**
 * "22 December 2026" ("22. Dezember 2026", "22 de dezembro de 2026") from an ISO date
 * ("2026-12-22"), or from a timestamp: the day it falls on in `timeZone`.
 */
export function formatDate(iso: string, language: EmailLanguage = "en", timeZone = DEFAULT_TIME_ZONE): string {
  if (isIsoDay(iso)) return formatCalendarDate(iso, "long", language);
  return formatInstantDate(iso, timeZone, "long", language);
}

/** "22 November 2026 at 10:32 CET" ("22. November 2026 um 10:32 MEZ") from an ISO timestamp. */
export function formatDateTime(iso: string, language: EmailLanguage = "en", timeZone = DEFAULT_TIME_ZONE): string {
  const at = new Date(iso);
  return emailWords(language)("layout.dateTime", {
    calendar: formatInstantDate(at, timeZone, "long", language),
    clock: timeFormat(language, timeZone).format(at),
    zone: timeZoneName(at, timeZone, FORMAT_LOCALES[language]),
  });
}
