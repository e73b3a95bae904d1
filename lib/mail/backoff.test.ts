import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/mail/backoff";

const noJitter = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles from 15 seconds", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, noJitter))).toEqual([15_000, 30_000, 60_000, 120_000]);
  });

  it("never waits more than an hour, however many attempts", () => {
    expect(retryDelayMs(9, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(500, noJitter)).toBe(3_600_000);
  });

  it("jitters by at most 10 % either way", () => {
    expect(retryDelayMs(1, () => 0)).toBe(13_500);
    expect(retryDelayMs(1, () => 0.999999)).toBe(16_500);
  });

  it("treats a first attempt counted as zero like the first", () => {
    expect(retryDelayMs(0, noJitter)).toBe(15_000);
  });
});
