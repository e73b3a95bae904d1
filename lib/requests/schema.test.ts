import { describe, expect, it } from "vitest";
import { NewRequestSchema, VerifyCodeSchema } from "@/lib/requests/schema";

const valid = { type: "ACCESS", details: {}, name: "Ada", email: "ada@example.com", country: "DE", relationship: "ACCOUNT_HOLDER" };

function errors(input: unknown): Record<string, string> {
  const result = NewRequestSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("NewRequestSchema", () => {
  it("accepts a valid request, lower-cases the email and trims text", () => {
    const parsed = NewRequestSchema.parse({ ...valid, name: "  Ada Lovelace ", email: " Ada@Example.COM " });
    expect(parsed.name).toBe("Ada Lovelace");
    expect(parsed.email).toBe("ada@example.com");
  });

  it("reports every empty field at once, even before a type is chosen", () => {
    expect(errors({ details: {} })).toMatchObject({
      type: "Choose the kind of request",
      name: "Enter your full name",
      email: "Enter your email address",
      country: "Choose the country where you live",
      relationship: "Choose how you know us",
    });
  });

  it("asks each type for its own details", () => {
    expect(errors({ ...valid, type: "CORRECTION" })).toEqual({
      "details.whatIsWrong": "Tell us which information is wrong",
      "details.correctValue": "Tell us what it should say",
    });
    expect(errors({ ...valid, type: "OBJECTION" })).toEqual({ "details.processing": "Choose the processing you object to" });
    expect(errors({ ...valid, type: "DELETION", details: { scope: "SPECIFIC" } })).toEqual({
      "details.specifics": "Describe the data you want deleted",
    });
    expect(errors({ ...valid, type: "DELETION", details: { scope: "ALL" } })).toEqual({});
    expect(errors({ ...valid, type: "OPT_OUT_SALE" })).toEqual({});
  });

  it("keeps only the chosen type's details", () => {
    const parsed = NewRequestSchema.parse({ ...valid, type: "PORTABILITY", details: { format: "CSV", whatIsWrong: "x" } });
    expect(parsed.details).toEqual({ format: "CSV" });
  });

  it("needs a state for the US, a province for Canada, and the company and scope for end users", () => {
    expect(errors({ ...valid, country: "US" })).toEqual({ region: "Choose your state" });
    expect(errors({ ...valid, country: "US", region: "ZZ" })).toEqual({ region: "Choose your state" });
    expect(errors({ ...valid, country: "CA" })).toEqual({ region: "Choose your province or territory" });
    expect(errors({ ...valid, country: "US", region: "VA" })).toEqual({});
    expect(errors({ ...valid, relationship: "CUSTOMER_END_USER" })).toEqual({
      workspaceReference: "Tell us which company's chat, email or support service you used",
      dataScope: "Choose what your request is about",
    });
    expect(errors({ ...valid, relationship: "CUSTOMER_END_USER", workspaceReference: "Acme", dataScope: "WORKSPACE" })).toEqual({});
    expect(errors({ ...valid, relationship: "CUSTOMER_END_USER", workspaceReference: "Acme", dataScope: "EVERYTHING" })).toEqual({
      dataScope: "Choose what your request is about",
    });
    expect(
      errors({ ...valid, relationship: "CUSTOMER_END_USER", workspaceReference: "Acme", dataScope: "WORKSPACE", companyEmail: "support at acme" }),
    ).toEqual({ companyEmail: "Enter the company's address in the format support@example.com" });
  });

  it("rejects malformed emails, unknown countries and overlong text", () => {
    expect(errors({ ...valid, email: "ada@" }).email).toBe("Enter an email address in the format name@example.com");
    expect(errors({ ...valid, country: "XX" }).country).toBe("Choose the country where you live");
    expect(errors({ ...valid, name: "a".repeat(201) }).name).toBe("Keep this under 200 characters");
    expect(errors({ ...valid, type: "ACCESS", details: { topics: "a".repeat(2001) } })["details.topics"]).toBe(
      "Keep this under 2000 characters",
    );
  });
});

describe("VerifyCodeSchema", () => {
  it("takes exactly six digits", () => {
    const id = "7b0b7a8e-4f7c-4a53-9d7e-0f4b1c2d3e4f";
    expect(VerifyCodeSchema.safeParse({ requestId: id, code: " 012345 " }).success).toBe(true);
    expect(VerifyCodeSchema.safeParse({ requestId: id, code: "12345" }).success).toBe(false);
    expect(VerifyCodeSchema.safeParse({ requestId: id, code: "12a456" }).success).toBe(false);
    expect(VerifyCodeSchema.safeParse({ requestId: "nope", code: "123456" }).success).toBe(false);
  });
});
