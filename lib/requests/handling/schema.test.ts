import { describe, expect, it } from "vitest";
import { CompleteInputSchema, MessageInputSchema, NoteInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";

const control = "Remove the invisible control character from this field.";
const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("handling inputs", () => {
  it("refuse control characters in messages, answers, reasons, notes and outcomes", () => {
    expect(messageOf(MessageInputSchema.safeParse({ message: "My answer\u0000" }))).toBe(control);
    expect(messageOf(ReasonInputSchema.safeParse({ reason: "Because\u0007" }))).toBe(control);
    expect(messageOf(NoteInputSchema.safeParse({ note: "Called them\u001b[2J" }))).toBe(control);
    expect(messageOf(CompleteInputSchema.safeParse({ outcome: "Deleted\u0085" }))).toBe(control);
  });

  it("keep the line breaks and tabs people write", () => {
    expect(MessageInputSchema.parse({ message: "Dear team,\r\n\tmy account is ada." }).message).toBe("Dear team,\r\n\tmy account is ada.");
  });
});
