import { describe, expect, it } from "vitest";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import {
  addBusinessDays,
  addCalendarDays,
  addMonthsClamped,
  clockStart,
  computeDueDate,
  computeExtendedDueDate,
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

function due(jurisdiction: Jurisdiction, type: RequestType, receivedAt: string, verifiedAt?: string) {
  const result = computeDueDate({
    jurisdiction,
    type,
    receivedAt: at(receivedAt),
    verifiedAt: verifiedAt ? at(verifiedAt) : null,
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
    const input = { jurisdiction: "GDPR", type: "ACCESS", receivedAt: at("2026-01-20"), verifiedAt: null } as const;
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
    expect(clockStart({ jurisdiction: "CCPA", type: "ACCESS", receivedAt: at("2026-11-20"), verifiedAt: null })?.toISOString()).toBe(
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
  it("counts whole UTC days, zero on the due day and negative once overdue", () => {
    const dueDate = at("2026-02-28");
    expect(daysUntil(dueDate, at("2026-02-27T23:59:00Z"))).toBe(1);
    expect(daysUntil(dueDate, at("2026-02-28T18:00:00Z"))).toBe(0);
    expect(daysUntil(dueDate, at("2026-03-02T00:01:00Z"))).toBe(-2);
    expect(daysUntil(dueDate, at("2026-01-31"))).toBe(28);
  });
});
