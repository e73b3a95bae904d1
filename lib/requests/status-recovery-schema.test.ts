import { describe, expect, it } from "vitest";
import { normalizeReference, StatusRecoverySchema } from "@/lib/requests/status-recovery-schema";

describe("normalizeReference", () => {
  it("reads a reference however it was typed", () => {
    expect(normalizeReference("DSR-7K3M-Q9PX")).toBe("DSR-7K3M-Q9PX");
    expect(normalizeReference(" dsr 7k3m q9px ")).toBe("DSR-7K3M-Q9PX");
    expect(normalizeReference("7K3MQ9PX")).toBe("DSR-7K3M-Q9PX");
    expect(normalizeReference("DSR-7K3M-Q9PO")).toBe("DSR-7K3M-Q9P0");
    expect(normalizeReference("dsr-1il0-0000")).toBe("DSR-1110-0000");
  });
});

describe("StatusRecoverySchema", () => {
  it("gives the stored forms of the address and the reference", () => {
    expect(StatusRecoverySchema.parse({ email: " Ada@Example.TEST ", reference: "dsr-7k3m-q9px" })).toEqual({
      email: "ada@example.test",
      reference: "DSR-7K3M-Q9PX",
    });
  });

  it("says what is wrong with each field", () => {
    const result = StatusRecoverySchema.safeParse({ email: "", reference: "DSR-UUUU-0000" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      email: "Enter the email address you made the request with",
      reference: "Enter the reference from our emails, like DSR-7K3M-Q9PX",
    });
  });
});
