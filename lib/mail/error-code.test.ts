import { describe, expect, it } from "vitest";
import { errorCode, PermanentFailure } from "@/lib/mail/error-code";

describe("errorCode", () => {
  it("keeps nodemailer's code, the SMTP reply code and the command, not the reply text", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <bob@example.com>"), {
      code: "EENVELOPE",
      responseCode: 550,
      response: "550 5.1.1 <bob@example.com>: Recipient address rejected",
      command: "RCPT TO",
    });
    expect(errorCode(error)).toBe("EENVELOPE 550 at RCPT TO");
  });

  it("names the system error of a refused connection", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1025"), {
      code: "ESOCKET",
      errno: -111,
      syscall: "connect",
      command: "CONN",
    });
    expect(errorCode(error)).toMatch(/^ESOCKET (ECONNREFUSED )?at CONN$/);
  });

  it("never copies free text that sits where a code should be", () => {
    expect(errorCode({ code: "bob@example.com rejected" })).toBe("Error");
    expect(errorCode(new TypeError("Cannot read properties of bob@example.com"))).toBe("TypeError");
    expect(errorCode("bob@example.com")).toBe("UNKNOWN");
  });

  it("passes permanent failure codes through", () => {
    expect(errorCode(new PermanentFailure("UNKNOWN_TEMPLATE"))).toBe("UNKNOWN_TEMPLATE");
  });
});
