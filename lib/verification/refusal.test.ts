import { describe, expect, it } from "vitest";
import { refusalOf, type ChallengeState } from "@/lib/verification/refusal";
import { resendMessage, verifyFailureMessage } from "@/lib/verification/messages";

const now = new Date("2026-03-01T12:00:00Z");
const open: ChallengeState = {
  status: "PENDING_VERIFICATION",
  verifiedAt: null,
  codeLockedAt: null,
  consumedAt: null,
  supersededAt: null,
  lockedAt: null,
  expiresAt: new Date(now.getTime() + 60_000),
};

describe("refusalOf", () => {
  it("lets an open challenge confirm by code or link", () => {
    expect(refusalOf(open, now, "code")).toBeNull();
    expect(refusalOf(open, now, "link")).toBeNull();
  });

  it("stops codes, not the link, once too many wrong codes were entered", () => {
    expect(refusalOf({ ...open, codeLockedAt: now }, now, "code")).toBe("CODES_LOCKED");
    expect(refusalOf({ ...open, codeLockedAt: now, lockedAt: now }, now, "code")).toBe("CODES_LOCKED");
    expect(refusalOf({ ...open, lockedAt: now }, now, "code")).toBe("LOCKED");
    expect(refusalOf({ ...open, codeLockedAt: now, lockedAt: now }, now, "link")).toBeNull();
  });

  it("says a verified request is confirmed, whichever of its links or codes is used", () => {
    expect(refusalOf({ ...open, status: "RECEIVED", verifiedAt: now, supersededAt: now }, now, "link")).toBe("ALREADY_VERIFIED");
    expect(refusalOf({ ...open, consumedAt: now }, now, "code")).toBe("ALREADY_VERIFIED");
  });

  it("expires at the stored time, and with the request closed unconfirmed", () => {
    expect(refusalOf(open, open.expiresAt, "link")).toBe("EXPIRED");
    expect(refusalOf({ ...open, status: "CLOSED_UNVERIFIED" }, now, "link")).toBe("EXPIRED");
    expect(refusalOf({ ...open, supersededAt: now }, now, "link")).toBe("SUPERSEDED");
  });
});

describe("refusals in the requester's language", () => {
  it("counts attempts and minutes with the language's plurals", () => {
    expect(verifyFailureMessage("INVALID_CODE", { attemptsLeft: 1 })).toBe("That code is not right. You have 1 attempt left.");
    expect(verifyFailureMessage("INVALID_CODE", { attemptsLeft: 1 }, "de")).toBe("Dieser Code ist nicht richtig. Sie haben noch 1 Versuch.");
    expect(verifyFailureMessage("INVALID_CODE", { attemptsLeft: 3 }, "pt-BR")).toBe("Esse código não está correto. Você ainda tem 3 tentativas.");
    expect(verifyFailureMessage("RATE_LIMITED", { retryAfterSeconds: 60 }, "de")).toContain("in 1 Minute erneut");
    expect(resendMessage({ ok: false, code: "RESEND_TOO_SOON", retryAfterSeconds: 42 }, "pt-BR")).toBe("Aguarde 42 segundos antes de pedir outro código.");
  });
});
