import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/validation.json";
import { LOCALES } from "@/lib/i18n/locales";
import { representationProblems } from "@/lib/representation/form-rules";
import { NewRequestSchema, type NewRequest } from "@/lib/requests/schema";
import { translateFieldErrors, VALIDATION_MESSAGES, validationMessages } from "@/lib/requests/validation-words";
import { EMAIL_PROBLEM_MESSAGES } from "@/lib/text/email-address";

/** Every message the schema gives for these inputs. */
function schemaMessages(...inputs: unknown[]): string[] {
  return inputs.flatMap((input) => NewRequestSchema.safeParse(input).error?.issues.map((i) => i.message) ?? []);
}

const long = (n: number) => "x".repeat(n + 1);
const INVALID = [
  {},
  { type: "CORRECTION", details: {}, name: "", email: "kim@", country: "US", relationship: "CUSTOMER_END_USER", submittedBy: "PARENT", representative: { guardianRelationship: "UNCLE" } },
  { type: "DELETION", details: { scope: "SPECIFIC" }, name: long(200), email: `${long(64)}@example.com`, country: "CA", region: "ZZ", companyEmail: "nope", dataScope: "ALL" },
  { type: "RESTRICTION", details: { activity: long(2000) }, name: "A\u0000B", email: `a@${"b".repeat(250)}.com`, country: "DE", region: "BY", submittedBy: "NOBODY" },
  { type: "PORTABILITY", details: {}, name: "x", email: "x@example.com", country: "XX", relationship: "X", region: long(8) },
  { type: "OBJECTION", details: {}, name: "x", email: "x@example.com", country: "DE", relationship: "OTHER", representative: { name: "", email: "" } },
  { type: "WITHDRAW_CONSENT", details: {}, email: `ada@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.com` },
  { type: "DELETION", details: {} },
  { type: "RESTRICTION", details: {} },
  { type: "NOT_A_TYPE" },
];

const base = { type: "ACCESS", details: {}, name: "Kim Lee", email: "kim@example.com", country: "US", region: "CA", relationship: "ACCOUNT_HOLDER" } as const;
const parent = (childBirthDate: string) =>
  NewRequestSchema.parse({ ...base, submittedBy: "PARENT", representative: { name: "Sam Lee", email: "sam@example.com", guardianRelationship: "", childBirthDate } }) as NewRequest;
const TODAY = new Date("2026-11-29T12:00:00Z");
const RULE_MESSAGES = [
  ...Object.values(representationProblems(NewRequestSchema.parse({ ...base, submittedBy: "AGENT", representative: { name: "Sam", email: "kim@example.com" } }), TODAY)),
  ...Object.values(representationProblems(parent("2014-02-30"), TODAY)),
  ...Object.values(representationProblems(parent("2030-01-01"), TODAY)),
  ...Object.values(representationProblems(parent("2000-01-01"), TODAY)),
];

describe("the request's validation messages", () => {
  it("are in English in the catalogue exactly as the schema gives them", () => {
    expect(en).toEqual(VALIDATION_MESSAGES);
  });

  it("cover every message the schema and the representation rules give, each of them tried", () => {
    const given = new Set([...schemaMessages(...INVALID), ...RULE_MESSAGES]);
    // The inputs above are meant to provoke every message: a new message needs a case here.
    const provoked = (template: string) => {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "\\d+")}$`);
      return [...given].some((m) => pattern.test(m));
    };
    const untried = Object.entries(VALIDATION_MESSAGES).filter(([, template]) => !provoked(template)).map(([key]) => key);
    expect(untried).toEqual(["code", "codeFormat"]);
    const english = validationMessages("en");
    expect([...given].filter((m) => !(m in english))).toEqual([]);
    for (const locale of LOCALES) {
      const translated = validationMessages(locale);
      expect([...given].filter((m) => !translated[m]), locale).toEqual([]);
    }
  });

  it("in English are the messages themselves, with their values", () => {
    const english = validationMessages("en");
    for (const [message, said] of Object.entries(english)) expect(said).toBe(message);
    expect(english["Keep this under 2000 characters"]).toBe("Keep this under 2000 characters");
    expect(english[EMAIL_PROBLEM_MESSAGES.LOCAL_PART_TOO_LONG]).toBe(EMAIL_PROBLEM_MESSAGES.LOCAL_PART_TOO_LONG);
    expect(english[EMAIL_PROBLEM_MESSAGES.TOO_LONG]).toBe(EMAIL_PROBLEM_MESSAGES.TOO_LONG);
  });

  it("are said in German", () => {
    const de = validationMessages("de");
    expect(de["Enter your full name"]).toBe("Geben Sie Ihren vollständigen Namen ein");
    expect(de["Choose the kind of request"]).toBe("Wählen Sie die Art des Antrags");
    expect(de["Keep this under 2000 characters"]).toBe("Bitte höchstens 2.000 Zeichen");
    expect(de[EMAIL_PROBLEM_MESSAGES.LOCAL_PART_TOO_LONG]).toBe("Der Teil vor dem @ darf höchstens 64 Zeichen lang sein.");
    expect(de["A parent or guardian can ask for a child under 18. An adult can ask for themselves, or name you as their authorized agent."]).toMatch(
      /^Eltern oder Vormund können einen Antrag für ein Kind unter 18 Jahren stellen\./,
    );
  });

  it("are said in Brazilian Portuguese, and no translated message is left in English", () => {
    const pt = validationMessages("pt-BR");
    expect(pt["Choose the country where you live"]).toBe("Escolha o país onde você mora");
    expect(pt["Keep this under 200 characters"]).toBe("Use no máximo 200 caracteres");
    expect(pt["Enter the 6-digit code from the email"]).toBe("Informe o código de verificação de 6 dígitos enviado por e-mail");
    for (const locale of ["de", "fr", "es", "pt-BR"] as const) {
      const same = Object.entries(validationMessages(locale)).filter(([english, said]) => english === said);
      expect(same, locale).toEqual([]);
    }
  });

  it("translate the server's field errors, keeping what they do not know", () => {
    expect(translateFieldErrors({ name: "Enter your full name", email: "Something new" }, "pt-BR")).toEqual({
      name: "Informe seu nome completo",
      email: "Something new",
    });
  });
});
