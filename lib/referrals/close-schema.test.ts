import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { CloseReferralSchema, REFERRAL_NOTE_MAX } from "@/lib/referrals/close-schema";

const errorsOf = (input: unknown) => {
  const parsed = CloseReferralSchema.safeParse(input);
  return parsed.success ? null : fieldErrorsFrom(parsed.error);
};

describe("CloseReferralSchema", () => {
  it("accepts a completion without a note, and trims the note", () => {
    expect(CloseReferralSchema.parse({ outcome: "COMPLETED" })).toEqual({ outcome: "COMPLETED", note: "" });
    expect(CloseReferralSchema.parse({ outcome: "COMPLETED", note: "  Deleted.\n" })).toEqual({ outcome: "COMPLETED", note: "Deleted." });
  });

  it("accepts a refusal that explains itself", () => {
    expect(CloseReferralSchema.parse({ outcome: "REFUSED", note: "We must keep invoices for 10 years." })).toMatchObject({ outcome: "REFUSED" });
  });

  it("asks for the outcome when none or an unknown one is chosen", () => {
    expect(errorsOf({ note: "x" })).toEqual({ outcome: "Choose whether you completed or refused the request." });
    expect(errorsOf({ outcome: "WITHDRAWN", note: "x" })).toEqual({ outcome: "Choose whether you completed or refused the request." });
  });

  it("requires a note for a refusal, blank counting as none", () => {
    expect(errorsOf({ outcome: "REFUSED", note: "" })).toEqual({ note: "Explain the refusal: the requester will read this note." });
    expect(errorsOf({ outcome: "REFUSED", note: " \n\t " })).toEqual({ note: "Explain the refusal: the requester will read this note." });
  });

  it("limits the note to 5,000 characters after trimming", () => {
    expect(REFERRAL_NOTE_MAX).toBe(5000);
    expect(CloseReferralSchema.safeParse({ outcome: "REFUSED", note: ` ${"a".repeat(5000)} ` }).success).toBe(true);
    expect(errorsOf({ outcome: "COMPLETED", note: "a".repeat(5001) })).toEqual({ note: "Keep the note under 5,000 characters." });
  });

  it("refuses control characters in the note and keeps its line breaks", () => {
    expect(errorsOf({ outcome: "REFUSED", note: "We keep\u0000 invoices." })).toEqual({ note: "Remove the invisible control character from this field." });
    expect(CloseReferralSchema.parse({ outcome: "REFUSED", note: "Line one.\r\n\tLine two." }).note).toBe("Line one.\r\n\tLine two.");
  });
});
