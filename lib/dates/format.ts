// Dates as staff, requesters and customers read them: in British English ("22 November 2026") by
// default, or in the reader's language (`locale`: "de" writes "22. November 2026").
// Two kinds, never mixed up:
// - a calendar date (a due date; a `date` column, held as 00:00 UTC of the day, or "2026-12-22")
//   is a day, not a moment: it is written as it is, whatever the zone;
// - an instant (received, confirmed, sent) is written in the operator's time zone, with the zone
//   named ("22 Nov 2026, 10:32 CET"), since people read it wherever they are.
// Pure, and safe in client components.
import { FORMAT_LOCALES, type Locale } from "@/lib/i18n/locales";

export type DateStyle = "medium" | "long";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** A "YYYY-MM-DD" day alone, as against an ISO timestamp. */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(isIsoDay(value) ? `${value}T00:00:00Z` : value) : value;
}

/** A calendar date: "22 December 2026" (long) or "22 Dec 2026" (medium). */
export function formatCalendarDate(day: Date | string, style: DateStyle = "long", locale: Locale = "en"): string {
  return format(FORMAT_LOCALES[locale], { dateStyle: style, timeZone: "UTC" }).format(toDate(day));
}

/** The day an instant falls on in `timeZone`: "22 Nov 2026". */
export function formatInstantDate(at: Date | string, timeZone: string, style: DateStyle = "long", locale: Locale = "en"): string {
  return format(FORMAT_LOCALES[locale], { dateStyle: style, timeZone }).format(toDate(at));
}

/** An instant in `timeZone`, the zone named: "22 November 2026 at 10:32 CET" (long), "22 Nov 2026, 10:32 UTC" (medium). */
export function formatInstant(at: Date | string, timeZone: string, style: DateStyle = "long", locale: Locale = "en"): string {
  const date = toDate(at);
  const written = FORMAT_LOCALES[locale];
  return `${format(written, { dateStyle: style, timeStyle: "short", timeZone }).format(date)} ${timeZoneName(date, timeZone, written)}`;
}

/** The zone's short name at that instant in `locale`: "UTC", "CET" or "CEST", "GMT-5". */
export function timeZoneName(at: Date | string, timeZone: string, locale = "en-GB"): string {
  const parts = format(locale, { timeZone, timeZoneName: "short" }).formatToParts(toDate(at));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
