/** A calendar month ("2026-05") as people read it: "May 2026", or "May 26" where space is short. */
export function monthLabel(month: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-GB", { month: style === "long" ? "long" : "short", year: style === "long" ? "numeric" : "2-digit", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
