import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { CUSTOMER_LANGUAGES, customerLanguageLabel, CustomerSchema, splitList, WorkspaceSchema } from "@/lib/customers/schema";

const customer = { legalName: "Acme Support Ltd", privacyEmails: "privacy@acme.example", language: "en", dpaReference: "" };
const workspace = { name: "Acme Help", slug: "acme-help", domains: "" };

function errorsOf(schema: typeof CustomerSchema | typeof WorkspaceSchema, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
}

describe("customer schema", () => {
  it("splits contact emails typed one per line or comma separated, lower case and without repeats", () => {
    expect(splitList(" a@x.example,\nb@x.example ;; \r\n")).toEqual(["a@x.example", "b@x.example"]);
    const parsed = CustomerSchema.parse({ ...customer, privacyEmails: "Privacy@Acme.example\nlegal@acme.example, privacy@acme.example" });
    expect(parsed).toEqual({ legalName: "Acme Support Ltd", privacyEmails: ["privacy@acme.example", "legal@acme.example"], language: "en", dpaReference: null, notifyRecipientChanges: false });
    expect(CustomerSchema.parse({ ...customer, notifyRecipientChanges: true }).notifyRecipientChanges).toBe(true);
  });

  it("names the address that is not one, and wants 1 to 5", () => {
    expect(errorsOf(CustomerSchema, { ...customer, privacyEmails: "privacy@acme.example, privacy@" })).toEqual({
      privacyEmails: "“privacy@” is not an email address. Use the format privacy@example.com",
    });
    expect(errorsOf(CustomerSchema, { ...customer, privacyEmails: " , \n" })).toEqual({ privacyEmails: "Enter at least one privacy contact email address" });
    const six = Array.from({ length: 6 }, (_, i) => `p${i}@acme.example`).join("\n");
    expect(errorsOf(CustomerSchema, { ...customer, privacyEmails: six })).toEqual({ privacyEmails: "Enter at most 5 addresses (there are 6)" });
  });

  it("takes a language from the list, a legal name with letters and a DPA reference of 200 characters at most", () => {
    expect(errorsOf(CustomerSchema, { ...customer, language: "xx", legalName: "  ", dpaReference: "x".repeat(201) })).toEqual({
      legalName: "Enter the customer's legal name",
      language: "Choose the language we write to this customer in: English, German (Deutsch), French (Français), Spanish (Español) or Brazilian Portuguese (Português (Brasil))",
      dpaReference: "Keep the DPA reference to 200 characters or fewer",
    });
    expect(errorsOf(CustomerSchema, { ...customer, legalName: "—!" })).toEqual({ legalName: "Use at least one letter or digit" });
    expect(CustomerSchema.parse({ ...customer, language: "pt-BR", dpaReference: " DPA-7 " })).toMatchObject({ language: "pt-BR", dpaReference: "DPA-7" });
  });

  it("offers exactly the portal's five languages, and refuses the codes it offered before", () => {
    expect(CUSTOMER_LANGUAGES).toEqual(["en", "de", "fr", "es", "pt-BR"]);
    for (const code of CUSTOMER_LANGUAGES) expect(CustomerSchema.safeParse({ ...customer, language: code }).success).toBe(true);
    for (const code of ["sv", "it", "pt", "DE"]) expect(Object.keys(errorsOf(CustomerSchema, { ...customer, language: code }))).toEqual(["language"]);
  });

  it("names a code saved before the five with the language we now write in", () => {
    expect(customerLanguageLabel("de")).toBe("German (Deutsch)");
    expect(customerLanguageLabel("pt-BR")).toBe("Brazilian Portuguese (Português (Brasil))");
    expect(customerLanguageLabel("pt")).toBe("pt, not offered: we write in Brazilian Portuguese (Português (Brasil))");
    expect(customerLanguageLabel("sv")).toBe("sv, not offered: we write in English");
  });
});

describe("customer schema against bad input", () => {
  const control = "Remove the invisible control character from this field.";

  it("stores internationalised contact addresses in the normal form and names an over-long one", () => {
    expect(CustomerSchema.parse({ ...customer, privacyEmails: "Datenschutz@Bücher.de" }).privacyEmails).toEqual(["datenschutz@xn--bcher-kva.de"]);
    expect(errorsOf(CustomerSchema, { ...customer, privacyEmails: `${"a".repeat(65)}@acme.example` })).toEqual({
      privacyEmails: `“${"a".repeat(65)}@acme.example”: The part before the @ can be at most 64 characters.`,
    });
  });

  it("refuses control characters in every text field", () => {
    expect(
      errorsOf(CustomerSchema, { ...customer, legalName: "Acme\u0000", privacyEmails: "privacy@acme.example\u0085", dpaReference: "DPA\t7" }),
    ).toEqual({ legalName: control, privacyEmails: control, dpaReference: control });
    expect(errorsOf(WorkspaceSchema, { ...workspace, name: "Acme\u001bHelp", domains: "acme.example\u0000" })).toEqual({ name: control, domains: control });
    expect(WorkspaceSchema.parse({ ...workspace, domains: "acme.example\r\nhelp.acme.example" }).domains).toEqual(["acme.example", "help.acme.example"]);
  });
});

describe("workspace schema", () => {
  it("stores domains as the host names routing compares, without repeats", () => {
    const parsed = WorkspaceSchema.parse({ ...workspace, domains: "https://www.Acme.example/help\nhelp.acme.example, privacy@acme.example" });
    expect(parsed.domains).toEqual(["acme.example", "help.acme.example"]);
    expect(WorkspaceSchema.parse(workspace).domains).toEqual([]);
  });

  it("names the entry that is not a host name, and allows 20 at most", () => {
    expect(errorsOf(WorkspaceSchema, { ...workspace, domains: "acme.example\nacme" })).toEqual({
      domains: "“acme” is not a host name. Enter names such as help.acme.example",
    });
    const many = Array.from({ length: 21 }, (_, i) => `w${i}.acme.example`).join(",");
    expect(errorsOf(WorkspaceSchema, { ...workspace, domains: many })).toEqual({ domains: "Enter at most 20 domains (there are 21)" });
  });

  it("accepts slugs of lower-case letters, digits and inner hyphens, up to 50 characters", () => {
    expect(WorkspaceSchema.parse({ ...workspace, slug: " Acme-Help " }).slug).toBe("acme-help");
    expect(WorkspaceSchema.parse({ ...workspace, slug: "a" }).slug).toBe("a");
    expect(WorkspaceSchema.parse({ ...workspace, slug: "a".repeat(50) }).slug).toHaveLength(50);
    const rule = "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit";
    for (const slug of ["-acme", "acme-", "acme help", "acme_help", "äcme"]) expect(errorsOf(WorkspaceSchema, { ...workspace, slug })).toEqual({ slug: rule });
    expect(errorsOf(WorkspaceSchema, { ...workspace, slug: "a".repeat(51) })).toEqual({ slug: "Keep the slug to 50 characters or fewer" });
    expect(errorsOf(WorkspaceSchema, { ...workspace, slug: "", name: "" })).toEqual({ name: "Enter the workspace name", slug: "Enter a slug" });
  });
});
