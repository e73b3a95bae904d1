import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/emails/components/format";
import { formatCalendarDate, formatInstant, formatInstantDate } from "@/lib/dates/format";

describe("dates for people", () => {
  it("writes a calendar date as the day it is, in any zone", () => {
    // A due date is held as midnight UTC: formatted in Los Angeles it must not become the day before.
    expect(formatCalendarDate(new Date("2027-01-04T00:00:00Z"))).toBe("4 January 2027");
    expect(formatCalendarDate("2027-01-04", "medium")).toBe("4 Jan 2027");
    expect(formatDate("2027-01-04", "en", "America/Los_Angeles")).toBe("4 January 2027");
  });

  it("writes a moment in the operator's zone and names the zone", () => {
    const at = new Date("2026-11-20T23:30:00Z");
    expect(formatInstant(at, "UTC", "medium")).toBe("20 Nov 2026, 23:30 UTC");
    expect(formatInstant(at, "Europe/Berlin")).toBe("21 November 2026 at 00:30 CET");
    expect(formatInstant(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin", "medium")).toBe("1 Jul 2026, 14:00 CEST");
    expect(formatInstantDate(at, "Europe/Berlin", "medium")).toBe("21 Nov 2026");
    expect(formatInstantDate(at, "UTC")).toBe("20 November 2026");
  });

  it("does the same in emails, in English and German, and in UTC for emails queued without a zone", () => {
    expect(formatDateTime("2026-11-20T23:30:00.000Z", "en", "Europe/Berlin")).toBe("21 November 2026 at 00:30 CET");
    expect(formatDateTime("2026-11-20T23:30:00.000Z", "de", "Europe/Berlin")).toBe("21. November 2026 um 00:30 MEZ");
    expect(formatDateTime("2026-11-20T23:30:00.000Z", "en", undefined)).toBe("20 November 2026 at 23:30 UTC");
    expect(formatDate("2026-11-20T23:30:00.000Z", "en", "Europe/Berlin")).toBe("21 November 2026");
  });
});

describe("dates in the reader's language", () => {
  it("writes a calendar date as each language does", () => {
    expect(formatCalendarDate("2026-12-22", "long", "de")).toBe("22. Dezember 2026");
    expect(formatCalendarDate("2026-12-22", "long", "fr")).toBe("22 décembre 2026");
    expect(formatCalendarDate("2026-12-22", "long", "es")).toBe("22 de diciembre de 2026");
    expect(formatCalendarDate("2026-12-22", "long", "pt-BR")).toBe("22 de dezembro de 2026");
    expect(formatCalendarDate("2026-12-22", "long")).toBe("22 December 2026");
  });

  it("writes an instant in the operator's zone, in the reader's words", () => {
    expect(formatInstant("2026-11-22T09:32:00Z", "Europe/Berlin", "long", "de")).toBe("22. November 2026 um 10:32 MEZ");
  });
});
