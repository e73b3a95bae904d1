// Dates as the rest of the site writes them ("22 December 2026"), in UTC like every deadline.
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** An ISO day ("2026-12-22") as "22 December 2026". */
export function formatDay(isoDay: string): string {
  return dateOnly.format(new Date(`${isoDay}T00:00:00Z`));
}

export function formatMoment(at: Date): string {
  return `${dateTime.format(at)} UTC`;
}
