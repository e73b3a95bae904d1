// Emails are read in any time zone and rendered on the server, so dates are spelled out in UTC
// with the zone named, never in the server's local time.

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "22 December 2026" from an ISO date ("2026-12-22") or timestamp. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "22 November 2026 at 09:32 UTC" from an ISO timestamp. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${dateFormat.format(date)} at ${timeFormat.format(date)} UTC`;
}
