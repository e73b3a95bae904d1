import { describe, expect, it } from "vitest";
import { answerMatches, foldText, monthOf } from "@/lib/verification/identity/compare";

describe("answerMatches", () => {
  it("compares text ignoring case, accents, spaces and punctuation, but not substance", () => {
    expect(answerMatches(" Owner ", "owner", "EXACT")).toBe(true);
    expect(answerMatches("Müller-Lüdenscheidt", "muller ludenscheidt", "EXACT")).toBe(true);
    expect(answerMatches("agent", "owner", "EXACT")).toBe(false);
    expect(answerMatches("own", "owner", "EXACT")).toBe(false);
    expect(answerMatches("", "", "EXACT")).toBe(false);
    expect(answerMatches("--", "", "EXACT")).toBe(false);
  });

  it("compares a month with the month of a stored date or timestamp", () => {
    expect(answerMatches("2025-03", "2025-03-01T09:05:00.000Z", "SAME_MONTH")).toBe(true);
    expect(answerMatches("2025-03", "2025-03-31", "SAME_MONTH")).toBe(true);
    expect(answerMatches("2025-04", "2025-03-01T09:05:00.000Z", "SAME_MONTH")).toBe(false);
    expect(answerMatches("March 2025", "2025-03-01", "SAME_MONTH")).toBe(false);
    expect(answerMatches("2025-13", "2025-13-01", "SAME_MONTH")).toBe(false);
  });

  it("compares the digits of references, whatever surrounds them", () => {
    expect(answerMatches("#48-213", 48213, "SAME_DIGITS")).toBe(true);
    expect(answerMatches("T-48213", "48213", "SAME_DIGITS")).toBe(true);
    expect(answerMatches("4821", "48213", "SAME_DIGITS")).toBe(false);
    expect(answerMatches("none", "", "SAME_DIGITS")).toBe(false);
  });

  it("never matches a missing or structured value", () => {
    expect(answerMatches("x", null, "EXACT")).toBe(false);
    expect(answerMatches("x", { a: "x" }, "EXACT")).toBe(false);
    expect(answerMatches("1", [1], "SAME_DIGITS")).toBe(false);
  });
});

describe("the helpers", () => {
  it("fold text and read months", () => {
    expect(foldText("Ça Va, Ünïcode!")).toBe("cavaunicode");
    expect(monthOf("2025-03")).toBe("2025-03");
    expect(monthOf("2025-03-01 10:00:00")).toBe("2025-03");
    expect(monthOf("25-03")).toBeNull();
  });
});
