// The operator's time zone (organization_settings.time_zone, an IANA name such as
// "Europe/Berlin") decides which calendar day an instant falls on: the day a deadline's clock
// starts, what "today" is when counting days left, and the day shown for a moment in time. Intl
// does the zone arithmetic, daylight saving included. Pure, and safe in client components.

export const DEFAULT_TIME_ZONE = "UTC";

/** The zone's canonical IANA name ("europe/berlin" gives "Europe/Berlin"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!name.trim()) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/** The canonical name; a zone Intl does not know is refused (RangeError), never read as UTC. */
export function assertTimeZone(name: string): string {
  const zone = canonicalTimeZone(name);
  if (!zone) throw new RangeError(`Unknown time zone: ${JSON.stringify(name)} (expected an IANA name such as "Europe/Berlin")`);
  return zone;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day `instant` falls on in `timeZone`, as midnight UTC of that day: how a Postgres
 * `date` column holds it, and what the deadline arithmetic counts in. 23:30 UTC on 20 November is
 * 21 November in Europe/Berlin.
 */
export function calendarDayIn(instant: Date, timeZone: string): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const day = new Date(Date.UTC(part("year"), part("month") - 1, part("day")));
  if (Number.isNaN(day.getTime())) throw new RangeError("Invalid date");
  return day;
}

/** The same day as "2026-11-21", how SQL parameters and events carry a calendar date. */
export function isoDayIn(instant: Date, timeZone: string): string {
  return calendarDayIn(instant, timeZone).toISOString().slice(0, 10);
}
