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

describe("NewRequestSchema against bad input", () => {
  const control = "Remove the invisible control character from this field.";

  it("refuses control characters in every text field, keeping line breaks in the details", () => {
    expect(errors({ ...valid, name: "Ada\u0000Lovelace" })).toEqual({ name: control });
    expect(errors({ ...valid, name: "Ada\tLovelace" })).toEqual({ name: control });
    expect(errors({ ...valid, name: "Ada\u009bLovelace" })).toEqual({ name: control });
    expect(errors({ ...valid, email: "ada\u0000@example.com" })).toEqual({ email: control });
    expect(errors({ ...valid, details: { topics: "first\u0000second" } })).toEqual({ "details.topics": control });
    expect(errors({ ...valid, type: "CORRECTION", details: { whatIsWrong: "x\u007f", correctValue: "y" } })).toEqual({
      "details.whatIsWrong": control,
    });
    expect(
      errors({ ...valid, relationship: "CUSTOMER_END_USER", workspaceReference: "Acme\u0007", dataScope: "WORKSPACE", companyEmail: "a@acme.example" }),
    ).toEqual({ workspaceReference: control });
    const lines = NewRequestSchema.parse({ ...valid, details: { topics: "first line\r\n\tsecond line" } });
    expect(lines.details).toEqual({ topics: "first line\r\n\tsecond line" });
  });

  it("accepts an internationalised address and stores its domain in ASCII", () => {
    expect(NewRequestSchema.parse({ ...valid, email: "user@bücher.de" }).email).toBe("user@xn--bcher-kva.de");
    // What a browser's email field sends for the same address: one stored form.
    expect(NewRequestSchema.parse({ ...valid, email: "User@XN--BCHER-KVA.DE" }).email).toBe("user@xn--bcher-kva.de");
    const endUser = { ...valid, relationship: "CUSTOMER_END_USER", workspaceReference: "Acme", dataScope: "WORKSPACE" };
    expect(NewRequestSchema.parse({ ...endUser, companyEmail: "Hilfe@Bücher.de" }).companyEmail).toBe("hilfe@xn--bcher-kva.de");
    expect(NewRequestSchema.parse({ ...endUser, companyEmail: "  " }).companyEmail).toBeUndefined();
  });

  it("holds the local part to 64 characters and the address to 254", () => {
    expect(NewRequestSchema.parse({ ...valid, email: `${"a".repeat(64)}@example.com` }).email).toBe(`${"a".repeat(64)}@example.com`);
    expect(errors({ ...valid, email: `${"a".repeat(65)}@example.com` })).toEqual({ email: "The part before the @ can be at most 64 characters." });
    const domain = `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.${"g".repeat(60)}.de`; // 246 characters
    expect(errors({ ...valid, email: `${"a".repeat(7)}@${domain}` })).toEqual({});
    expect(errors({ ...valid, email: `${"a".repeat(8)}@${domain}` })).toEqual({ email: "This email address is too long: 254 characters at most." });
  });

  it("refuses a state or province that does not belong to the country", () => {
    expect(errors({ ...valid, country: "DE", region: "CA" })).toEqual({
      region: "Leave the state or province empty: we ask for one only in the United States and Canada",
    });
    expect(errors({ ...valid, country: "CA", region: "TX" })).toEqual({ region: "Choose your province or territory" });
    expect(errors({ ...valid, country: "US", region: "QC" })).toEqual({ region: "Choose your state" });
    expect(errors({ ...valid, country: "constructor", region: "CA" })).toMatchObject({ country: "Choose the country where you live" });
    expect(NewRequestSchema.parse({ ...valid, country: "DE", region: "  " }).region).toBeUndefined();
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
