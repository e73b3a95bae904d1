import { describe, expect, it } from "vitest";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import {
  addBusinessDays,
  addCalendarDays,
  addMonthsClamped,
  clockStart,
  computeDueDate,
  computeExtendedDueDate,
  computeReceiptDueDate,
  daysUntil,
  REGIMES,
  regimeFor,
  requiresVerification,
  utcDay,
} from "@/lib/requests/deadlines";

/** Midnight UTC of a YYYY-MM-DD day, or a full instant when given one. */
const at = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
/** The exact value a due date must have: midnight UTC of the day. */
const midnight = (ymd: string) => `${ymd}T00:00:00.000Z`;

function due(jurisdiction: Jurisdiction, type: RequestType, receivedAt: string, verifiedAt?: string, timeZone = "UTC") {
  const result = computeDueDate({
    jurisdiction,
    type,
    receivedAt: at(receivedAt),
    verifiedAt: verifiedAt ? at(verifiedAt) : null,
    timeZone,
  });
  return result?.dueDate.toISOString() ?? null;
}

function extended(jurisdiction: Jurisdiction, type: RequestType, dueDate: string) {
  return computeExtendedDueDate({ jurisdiction, type, dueDate: at(dueDate) })?.toISOString() ?? null;
}

describe("addMonthsClamped", () => {
  it("keeps the day number when the target month has it", () => {
    expect(addMonthsClamped(at("2026-01-15"), 1).toISOString()).toBe(midnight("2026-02-15"));
    expect(addMonthsClamped(at("2026-08-31"), 2).toISOString()).toBe(midnight("2026-10-31"));
  });

  it("falls back to the month's last day, 28 or 29 February", () => {
    expect(addMonthsClamped(at("2026-01-31"), 1).toISOString()).toBe(midnight("2026-02-28"));
    expect(addMonthsClamped(at("2028-01-31"), 1).toISOString()).toBe(midnight("2028-02-29"));
    expect(addMonthsClamped(at("2026-03-31"), 1).toISOString()).toBe(midnight("2026-04-30"));
    expect(addMonthsClamped(at("2026-11-30"), 3).toISOString()).toBe(midnight("2027-02-28"));
    expect(addMonthsClamped(at("2027-11-30"), 3).toISOString()).toBe(midnight("2028-02-29"));
  });

  it("rolls over the year and goes backwards", () => {
    expect(addMonthsClamped(at("2026-12-31"), 2).toISOString()).toBe(midnight("2027-02-28"));
    expect(addMonthsClamped(at("2026-03-31"), -1).toISOString()).toBe(midnight("2026-02-28"));
  });

  it("drops the time of day", () => {
    expect(addMonthsClamped(at("2026-01-31T23:59:59.999Z"), 1).toISOString()).toBe(midnight("2026-02-28"));
  });
});

describe("addCalendarDays and addBusinessDays", () => {
  it("adds calendar days across month, year and leap-day boundaries", () => {
    expect(addCalendarDays(at("2026-12-31"), 1).toISOString()).toBe(midnight("2027-01-01"));
    expect(addCalendarDays(at("2028-02-28"), 1).toISOString()).toBe(midnight("2028-02-29"));
    expect(addCalendarDays(at("2026-03-28T22:30:00Z"), 2).toISOString()).toBe(midnight("2026-03-30"));
  });

  it("skips weekends, counting from the day after the start", () => {
    // 2026-11-20 is a Friday.
    expect(addBusinessDays(at("2026-11-20"), 1).toISOString()).toBe(midnight("2026-11-23"));
    expect(addBusinessDays(at("2026-11-20"), 5).toISOString()).toBe(midnight("2026-11-27"));
    expect(addBusinessDays(at("2026-11-18"), 2).toISOString()).toBe(midnight("2026-11-20"));
    expect(addBusinessDays(at("2026-11-20"), 0).toISOString()).toBe(midnight("2026-11-20"));
  });

  it("counts a weekend start from the Monday", () => {
    expect(addBusinessDays(at("2026-11-21"), 1).toISOString()).toBe(midnight("2026-11-23"));
    expect(addBusinessDays(at("2026-11-22"), 5).toISOString()).toBe(midnight("2026-11-27"));
  });

  it("goes backwards over a weekend", () => {
    expect(addBusinessDays(at("2026-11-23"), -1).toISOString()).toBe(midnight("2026-11-20"));
  });

  it("refuses fractional amounts rather than guessing", () => {
    expect(() => addCalendarDays(at("2026-01-01"), 1.5)).toThrow(RangeError);
    expect(() => utcDay(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("GDPR and UK GDPR: one month from verification", () => {
  it("runs from the verification day, not receipt", () => {
    expect(due("GDPR", "ACCESS", "2026-01-20", "2026-01-31")).toBe(midnight("2026-02-28"));
    expect(due("GDPR", "ACCESS", "2028-01-20", "2028-01-31")).toBe(midnight("2028-02-29"));
    expect(due("GDPR", "DELETION", "2026-03-30", "2026-03-31")).toBe(midnight("2026-04-30"));
  });

  it("applies the same rule under UK GDPR", () => {
    expect(due("UK_GDPR", "ACCESS", "2026-01-20", "2026-01-31")).toBe(midnight("2026-02-28"));
    expect(due("UK_GDPR", "PORTABILITY", "2026-03-31", "2026-03-31")).toBe(midnight("2026-04-30"));
  });

  it("has not started before verification", () => {
    const input = { jurisdiction: "GDPR", type: "ACCESS", receivedAt: at("2026-01-20"), verifiedAt: null, timeZone: "UTC" } as const;
    expect(clockStart(input)).toBeNull();
    expect(computeDueDate(input)).toBeNull();
    expect(computeDueDate({ ...input, jurisdiction: "UK_GDPR", verifiedAt: undefined })).toBeNull();
  });

  it("reports when the clock started and which rule applied", () => {
    const result = computeDueDate({
      jurisdiction: "GDPR",
      type: "ACCESS",
      receivedAt: at("2026-01-20T08:00:00Z"),
      verifiedAt: at("2026-01-31T17:45:00Z"),
      timeZone: "UTC",
    });
    expect(result?.clockStartsAt.toISOString()).toBe(midnight("2026-01-31"));
    expect(result?.regime.period).toEqual({ unit: "months", amount: 1 });
  });

  it("extends by two months from the original due date", () => {
    expect(extended("GDPR", "ACCESS", "2026-08-31")).toBe(midnight("2026-10-31"));
    expect(extended("GDPR", "ACCESS", "2026-02-28")).toBe(midnight("2026-04-28"));
    expect(extended("UK_GDPR", "ACCESS", "2026-12-31")).toBe(midnight("2027-02-28"));
  });
});

describe("CCPA and US states: 45 days from receipt", () => {
  it("counts from receipt however long verification takes", () => {
    expect(due("CCPA", "ACCESS", "2026-11-20", "2026-12-10")).toBe(midnight("2027-01-04"));
    expect(due("CCPA", "DELETION", "2026-11-20")).toBe(midnight("2027-01-04"));
    expect(clockStart({ jurisdiction: "CCPA", type: "ACCESS", receivedAt: at("2026-11-20"), verifiedAt: null, timeZone: "UTC" })?.toISOString()).toBe(
      midnight("2026-11-20"),
    );
  });

  it("gives US state laws 45 days from receipt too", () => {
    expect(due("US_STATE", "ACCESS", "2026-03-01", "2026-03-20")).toBe(midnight("2026-04-15"));
    expect(REGIMES.US_STATE.appealAvailable).toBe(true);
    expect(REGIMES.CCPA.appealAvailable).toBe(false);
  });

  it("extends by 45 days, 90 in all", () => {
    expect(extended("CCPA", "ACCESS", "2027-01-04")).toBe(midnight("2027-02-18"));
    expect(extended("US_STATE", "ACCESS", "2026-04-15")).toBe(midnight("2026-05-30"));
  });

  it("gives a US state appeal 60 days from its receipt, without extension, marked secondary", () => {
    expect(due("US_STATE", "APPEAL", "2026-03-01", "2026-03-01")).toBe(midnight("2026-04-30"));
    expect(extended("US_STATE", "APPEAL", "2026-04-30")).toBeNull();
    expect(regimeFor("US_STATE", "APPEAL")).toMatchObject({ secondary: true, appealAvailable: true, clockStart: "RECEIPT" });
    // Elsewhere an appeal runs on the regime's normal period.
    expect(due("CCPA", "APPEAL", "2026-11-20", "2026-11-20")).toBe(due("CCPA", "ACCESS", "2026-11-20"));
    expect(due("GDPR", "APPEAL", "2026-01-31", "2026-01-31")).toBe(midnight("2026-02-28"));
  });

  it("gives an opt-out 15 business days from receipt, without verification or extension", () => {
    // Friday 2026-11-20: three full weeks of business days end on Friday 2026-12-11.
    expect(due("CCPA", "OPT_OUT_SALE", "2026-11-20")).toBe(midnight("2026-12-11"));
    expect(extended("CCPA", "OPT_OUT_SALE", "2026-12-11")).toBeNull();
    expect(regimeFor("CCPA", "OPT_OUT_SALE").secondary).toBe(true);
    expect(regimeFor("CCPA", "ACCESS").period).toEqual({ unit: "days", amount: 45 });
  });
});

describe("other regimes", () => {
  it("gives LGPD 15 days and no extension", () => {
    expect(due("LGPD", "ACCESS", "2026-02-20", "2026-02-25")).toBe(midnight("2026-03-07"));
    expect(extended("LGPD", "ACCESS", "2026-03-07")).toBeNull();
  });

  it("gives PDPA, Quebec and the global standard 30 days from receipt, no extension", () => {
    expect(due("PDPA_SG", "ACCESS", "2026-01-15")).toBe(midnight("2026-02-14"));
    expect(due("QUEBEC", "ACCESS", "2026-01-15", "2026-01-20")).toBe(midnight("2026-02-14"));
    expect(due("OTHER", "ACCESS", "2026-12-15")).toBe(midnight("2027-01-14"));
    for (const j of ["PDPA_SG", "QUEBEC", "OTHER"] as const) expect(extended(j, "ACCESS", "2026-02-14"), j).toBeNull();
    expect(REGIMES.OTHER.secondary).toBe(true);
  });

  it("starts only GDPR and UK GDPR at verification", () => {
    const verificationStart = Object.entries(REGIMES)
      .filter(([, regime]) => regime.clockStart === "VERIFICATION")
      .map(([j]) => j);
    expect(verificationStart.sort()).toEqual(["GDPR", "UK_GDPR"]);
  });
});

describe("verification", () => {
  it("is needed for everything but an opt-out of sale, in every jurisdiction", () => {
    expect(requiresVerification("ACCESS", "CCPA")).toBe(true);
    expect(requiresVerification("DELETION", "GDPR")).toBe(true);
    expect(requiresVerification("OPT_OUT_SALE", "CCPA")).toBe(false);
    expect(requiresVerification("OPT_OUT_SALE", "GDPR")).toBe(false);
  });

  it("starts an opt-out's clock at receipt even where the rule is verification", () => {
    expect(due("GDPR", "OPT_OUT_SALE", "2026-01-31")).toBe(midnight("2026-02-28"));
  });

  it("never starts the clock before receipt", () => {
    expect(due("GDPR", "ACCESS", "2026-01-31", "2026-01-20")).toBe(midnight("2026-02-28"));
  });
});

describe("time of day", () => {
  it("counts a request received at 23:59 UTC as that day", () => {
    expect(due("CCPA", "ACCESS", "2026-11-20T23:59:59.999Z")).toBe(midnight("2027-01-04"));
    expect(due("CCPA", "ACCESS", "2026-11-21T00:00:00.000Z")).toBe(midnight("2027-01-05"));
    expect(due("GDPR", "ACCESS", "2026-01-20T09:00:00Z", "2026-01-31T23:59:00Z")).toBe(midnight("2026-02-28"));
  });

  it("truncates an instant to its UTC day", () => {
    expect(utcDay(at("2026-11-20T23:59:59.999Z")).toISOString()).toBe(midnight("2026-11-20"));
    expect(utcDay(at("2026-11-20T00:30:00+02:00")).toISOString()).toBe(midnight("2026-11-19"));
  });
});

describe("daysUntil", () => {
  it("counts whole days, zero on the due day and negative once overdue", () => {
    const dueDate = at("2026-02-28");
    expect(daysUntil(dueDate, at("2026-02-27T23:59:00Z"), "UTC")).toBe(1);
    expect(daysUntil(dueDate, at("2026-02-28T18:00:00Z"), "UTC")).toBe(0);
    expect(daysUntil(dueDate, at("2026-03-02T00:01:00Z"), "UTC")).toBe(-2);
    expect(daysUntil(dueDate, at("2026-01-31"), "UTC")).toBe(28);
  });

  it("counts from today in the operator's time zone", () => {
    const dueDate = at("2026-02-28");
    // 23:30 UTC on the 27th is already the due day in Berlin, and still the 27th in Los Angeles.
    expect(daysUntil(dueDate, at("2026-02-27T23:30:00Z"), "Europe/Berlin")).toBe(0);
    expect(daysUntil(dueDate, at("2026-02-28T07:30:00Z"), "America/Los_Angeles")).toBe(1);
    expect(daysUntil(dueDate, at("2026-02-28T23:30:00Z"), "Europe/Berlin")).toBe(-1);
  });

  it("stays whole across a daylight-saving change, where a day has 23 or 25 hours", () => {
    // Berlin springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(daysUntil(at("2026-03-30"), at("2026-03-28T23:30:00Z"), "Europe/Berlin")).toBe(1);
    expect(daysUntil(at("2026-03-30"), at("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe(0);
    expect(daysUntil(at("2026-10-26"), at("2026-10-24T22:30:00Z"), "Europe/Berlin")).toBe(1);
    expect(daysUntil(at("2026-10-26"), at("2026-10-25T22:59:00Z"), "Europe/Berlin")).toBe(1);
    expect(daysUntil(at("2026-10-26"), at("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe(0);
  });
});

describe("the operator's time zone", () => {
  it("starts the clock on the operator's date: 23:30 UTC is already the next day in Berlin", () => {
    // 2026-11-20 23:30 UTC is Saturday 21 November, 00:30 in Berlin.
    const late = "2026-11-20T23:30:00Z";
    expect(due("CCPA", "ACCESS", late, undefined, "UTC")).toBe(midnight("2027-01-04"));
    expect(due("CCPA", "ACCESS", late, undefined, "Europe/Berlin")).toBe(midnight("2027-01-05"));
    const start = clockStart({ jurisdiction: "CCPA", type: "ACCESS", receivedAt: at(late), timeZone: "Europe/Berlin" });
    expect(start?.toISOString()).toBe(midnight("2026-11-21"));
    // GDPR starts at verification: its instant is what the zone places on a day.
    expect(due("GDPR", "ACCESS", "2026-01-20T09:00:00Z", "2026-01-31T23:30:00Z", "Europe/Berlin")).toBe(midnight("2026-03-01"));
    expect(due("GDPR", "ACCESS", "2026-01-20T09:00:00Z", "2026-01-31T23:30:00Z", "UTC")).toBe(midnight("2026-02-28"));
  });

  it("places an early-morning UTC instant on the previous day west of Greenwich", () => {
    // 2026-03-01 05:00 UTC is 28 February, 21:00 in Los Angeles.
    expect(due("PDPA_SG", "ACCESS", "2026-03-01T05:00:00Z", undefined, "America/Los_Angeles")).toBe(midnight("2026-03-30"));
    expect(due("PDPA_SG", "ACCESS", "2026-03-01T05:00:00Z", undefined, "UTC")).toBe(midnight("2026-03-31"));
  });

  it("skips the weekend as it falls in the zone", () => {
    // Sunday 22 November 23:30 UTC is Monday 00:30 in Berlin: 15 business days from Monday end on
    // Monday 14 December, from Sunday on Friday 11 December.
    expect(due("CCPA", "OPT_OUT_SALE", "2026-11-22T23:30:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-12-14"));
    expect(due("CCPA", "OPT_OUT_SALE", "2026-11-22T23:30:00Z", undefined, "UTC")).toBe(midnight("2026-12-11"));
    // Monday 23 November 05:00 UTC is still Sunday in Los Angeles.
    expect(due("CCPA", "OPT_OUT_SALE", "2026-11-23T05:00:00Z", undefined, "America/Los_Angeles")).toBe(midnight("2026-12-11"));
    expect(due("CCPA", "OPT_OUT_SALE", "2026-11-23T05:00:00Z", undefined, "UTC")).toBe(midnight("2026-12-14"));
  });

  it("puts the start on the right day around daylight-saving changes", () => {
    // Spring forward (29 March 2026, 02:00 -> 03:00): 00:30 local is 23:30 UTC the day before.
    expect(due("PDPA_SG", "ACCESS", "2026-03-28T23:30:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-04-28"));
    // 23:59 CEST on the changeover day is 21:59 UTC; 00:00 CEST the next day is 22:00 UTC.
    expect(due("PDPA_SG", "ACCESS", "2026-03-29T21:59:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-04-28"));
    expect(due("PDPA_SG", "ACCESS", "2026-03-29T22:00:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-04-29"));
    // Fall back (25 October 2026, 03:00 -> 02:00): midnight CET on the 26th is 23:00 UTC on the 25th.
    expect(due("PDPA_SG", "ACCESS", "2026-10-25T22:59:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-11-24"));
    expect(due("PDPA_SG", "ACCESS", "2026-10-25T23:00:00Z", undefined, "Europe/Berlin")).toBe(midnight("2026-11-25"));
    // New York's own change (8 March 2026): 04:59 UTC is 23:59 EST on the 7th, 05:00 UTC is 00:00 EST on the 8th.
    expect(due("US_STATE", "ACCESS", "2026-03-08T04:59:00Z", undefined, "America/New_York")).toBe(midnight("2026-04-21"));
    expect(due("US_STATE", "ACCESS", "2026-03-08T05:00:00Z", undefined, "America/New_York")).toBe(midnight("2026-04-22"));
  });

  it("refuses a zone Intl does not know rather than counting in UTC", () => {
    expect(() => due("CCPA", "ACCESS", "2026-11-20", undefined, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("CCPA receipt confirmation", () => {
  const receipt = (jurisdiction: Jurisdiction, type: RequestType, receivedAt: string, timeZone = "UTC") =>
    computeReceiptDueDate({ jurisdiction, type, receivedAt: at(receivedAt), timeZone })?.toISOString() ?? null;

  it("is due 10 business days after receipt (11 CCR §7021(a)), however long verification takes", () => {
    // Friday 20 November: two working weeks end on Friday 4 December.
    expect(receipt("CCPA", "ACCESS", "2026-11-20T10:00:00Z")).toBe(midnight("2026-12-04"));
    expect(receipt("CCPA", "DELETION", "2026-11-18T10:00:00Z")).toBe(midnight("2026-12-02"));
    expect(receipt("CCPA", "CORRECTION", "2026-11-21T10:00:00Z")).toBe(midnight("2026-12-04"));
  });

  it("counts from the operator's date of receipt", () => {
    // Sunday 23:30 UTC is Monday in Berlin.
    expect(receipt("CCPA", "ACCESS", "2026-11-22T23:30:00Z", "Europe/Berlin")).toBe(midnight("2026-12-07"));
    expect(receipt("CCPA", "ACCESS", "2026-11-22T23:30:00Z", "UTC")).toBe(midnight("2026-12-04"));
  });

  it("applies nowhere else, nor to an opt-out, which is acknowledged at once", () => {
    for (const jurisdiction of ["GDPR", "UK_GDPR", "US_STATE", "LGPD", "PDPA_SG", "QUEBEC", "OTHER"] as const) {
      expect(receipt(jurisdiction, "ACCESS", "2026-11-20T10:00:00Z"), jurisdiction).toBeNull();
    }
    expect(receipt("CCPA", "OPT_OUT_SALE", "2026-11-20T10:00:00Z")).toBeNull();
  });
});
