import { describe, expect, it } from "vitest";
import { InviteSchema } from "@/lib/staff/manage";

describe("InviteSchema", () => {
  it("takes an internationalised work email in the normal form, and refuses what it cannot deliver to", () => {
    expect(InviteSchema.parse({ email: " Jo@Bücher.de ", role: "OFFICER" }).email).toBe("jo@xn--bcher-kva.de");
    const messages = (input: unknown) => InviteSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(messages({ email: `${"a".repeat(65)}@example.com`, role: "OFFICER" })).toEqual(["The part before the @ can be at most 64 characters."]);
    expect(messages({ email: "jo@example.com", name: "Jo\u0000", role: "OFFICER" })).toEqual(["Remove the invisible control character from this field."]);
  });
});
