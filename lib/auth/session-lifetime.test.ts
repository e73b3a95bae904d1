import { describe, expect, it } from "vitest";
import { absoluteEnd, judgeSession } from "@/lib/auth/session-lifetime";

const limits = { maxHours: 8, idleMinutes: 60 };
const signIn = new Date("2026-11-28T08:00:00Z");
const at = (minutes: number) => new Date(signIn.getTime() + minutes * 60_000);
const times = (lastSeenMinutes: number) => ({ createdAt: signIn, lastSeenAt: at(lastSeenMinutes), expiresAt: at(8 * 60) });

describe("judgeSession", () => {
  it("keeps a session in use and says when to record its use", () => {
    expect(judgeSession(times(0), limits, at(0.5))).toEqual({ alive: true, expires: at(480), touch: false });
    expect(judgeSession(times(0), limits, at(1))).toEqual({ alive: true, expires: at(480), touch: true });
  });

  it("ends a session unused for the idle time", () => {
    expect(judgeSession(times(0), limits, at(59.9))).toMatchObject({ alive: true });
    expect(judgeSession(times(0), limits, at(60))).toEqual({ alive: false, reason: "IDLE" });
  });

  it("ends a session at its absolute lifetime however recently it was used", () => {
    expect(judgeSession(times(479), limits, at(479.9))).toMatchObject({ alive: true });
    expect(judgeSession(times(479), limits, at(480))).toEqual({ alive: false, reason: "ABSOLUTE" });
  });

  it("never lets a stored expiry outlast the absolute lifetime, and honours an earlier one", () => {
    expect(absoluteEnd({ createdAt: signIn, expiresAt: at(24 * 60) }, limits)).toEqual(at(480));
    expect(absoluteEnd({ createdAt: signIn, expiresAt: at(30) }, limits)).toEqual(at(30));
  });
});
