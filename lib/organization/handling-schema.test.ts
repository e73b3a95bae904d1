import { describe, expect, it } from "vitest";
import { describeHandling, handlingSchema, type Handling } from "@/lib/organization/handling-schema";

const defaults: Handling = {
  unverifiedExpiryDays: 7,
  verificationFirstReminderHours: 24,
  verificationLastReminderHours: 24,
  statusLinkDaysAfterClose: 90,
  packageLinkDays: 7,
  referralReminderDays: 5,
  referralMaxReminders: 2,
  duplicateWindowDays: 30,
};
const empty = Object.fromEntries(Object.keys(defaults).map((k) => [k, ""]));

describe("the request-handling form's schema", () => {
  it("reads an empty field as the default (null) and a number as an override", () => {
    expect(handlingSchema(defaults).parse({ ...empty, packageLinkDays: " 14 ", referralMaxReminders: "0" })).toMatchObject({
      packageLinkDays: 14,
      referralMaxReminders: 0,
      duplicateWindowDays: null,
    });
  });

  it("names the field of a value out of range or not a whole number", () => {
    const result = handlingSchema(defaults).safeParse({ ...empty, packageLinkDays: "91", duplicateWindowDays: "-1", referralReminderDays: "1e2" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      packageLinkDays: "Enter a whole number from 1 to 90, or leave it empty for the default",
      duplicateWindowDays: "Enter a whole number from 0 to 365, or leave it empty for the default",
      referralReminderDays: "Enter a whole number from 1 to 60, or leave it empty for the default",
    });
  });

  it("checks the reminders against the wait with the defaults filled in", () => {
    const shortWait = handlingSchema(defaults).safeParse({ ...empty, unverifiedExpiryDays: "1" });
    expect(shortWait.error?.issues.map((i) => i.path[0])).toEqual(["verificationFirstReminderHours", "verificationLastReminderHours"]);
    // With both reminders off, one day is fine.
    expect(handlingSchema(defaults).safeParse({ ...empty, unverifiedExpiryDays: "1", verificationFirstReminderHours: "0", verificationLastReminderHours: "0" }).success).toBe(true);
    // A default that clashes is caught too (the environment refuses one at start; this check does not rely on it).
    expect(handlingSchema({ ...defaults, verificationLastReminderHours: 200 }).safeParse(empty).error?.issues[0]?.path).toEqual(["verificationLastReminderHours"]);
  });

  it("words a value in its field's unit", () => {
    expect(describeHandling("packageLinkDays", 1)).toBe("1 day");
    expect(describeHandling("packageLinkDays", 14)).toBe("14 days");
    expect(describeHandling("verificationFirstReminderHours", 1)).toBe("1 hour after the request was sent");
    expect(describeHandling("referralMaxReminders", 0)).toBe("0 reminders");
  });
});
