import { describe, expect, it } from "vitest";
import { assertTimeZone, calendarDayIn, canonicalTimeZone, isoDayIn, isTimeZone } from "@/lib/dates/time-zone";

describe("time zones", () => {
  it("accepts what Intl knows, in its canonical spelling, and refuses the rest", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    for (const bad of ["", " ", "Mars/Olympus_Mons", "Berlin", "CET+25"]) expect(isTimeZone(bad), bad).toBe(false);
    expect(() => assertTimeZone("Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("puts an instant on the zone's calendar day", () => {
    const lateFriday = new Date("2026-11-20T23:30:00Z");
    expect(isoDayIn(lateFriday, "UTC")).toBe("2026-11-20");
    expect(isoDayIn(lateFriday, "Europe/Berlin")).toBe("2026-11-21");
    expect(isoDayIn(new Date("2026-11-21T05:00:00Z"), "America/Los_Angeles")).toBe("2026-11-20");
    expect(isoDayIn(new Date("2026-11-20T14:30:00Z"), "Pacific/Kiritimati")).toBe("2026-11-21");
    expect(calendarDayIn(lateFriday, "Europe/Berlin").toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(() => calendarDayIn(new Date("nonsense"), "UTC")).toThrow(RangeError);
  });

  it("changes day at local midnight on both daylight-saving changes", () => {
    // Berlin: CET (UTC+1) until 29 March 2026, CEST (UTC+2) until 25 October 2026.
    expect(isoDayIn(new Date("2026-03-28T22:59:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(isoDayIn(new Date("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(isoDayIn(new Date("2026-03-29T21:59:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(isoDayIn(new Date("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    expect(isoDayIn(new Date("2026-10-24T21:59:00Z"), "Europe/Berlin")).toBe("2026-10-24");
    expect(isoDayIn(new Date("2026-10-24T22:00:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(isoDayIn(new Date("2026-10-25T22:59:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(isoDayIn(new Date("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe("2026-10-26");
  });
});
