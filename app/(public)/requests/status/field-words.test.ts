import { describe, expect, it } from "vitest";
import { StatusRecoverySchema } from "@/lib/requests/status-recovery-schema";
import { IdentityAnswersSchema } from "@/lib/verification/identity/schema";
import { translatorFor } from "@/lib/i18n/translator";
import { IDENTITY_FIELD_WORDS, RECOVERY_FIELD_WORDS } from "./field-words";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("the forms' field errors in the reader's language", () => {
  it("knows every message the new-link form's schema gives for a usual mistake", () => {
    const given = [
      ...messages(StatusRecoverySchema.safeParse({ email: "", reference: "" })),
      ...messages(StatusRecoverySchema.safeParse({ email: "not-an-address", reference: "DSR-1" })),
    ];
    expect(given.length).toBeGreaterThan(2);
    for (const message of given) expect(Object.keys(RECOVERY_FIELD_WORDS)).toContain(message);
    expect(translatorFor("de", "status")(`recovery.${RECOVERY_FIELD_WORDS["Enter the email address you made the request with"]!}`)).toBe(
      "Geben Sie die E-Mail-Adresse ein, mit der Sie den Antrag gestellt haben",
    );
  });

  it("knows every message the identity questions' schema gives", () => {
    const schema = IdentityAnswersSchema(["q1"]);
    const given = [
      ...messages(schema.safeParse({ answers: { q1: "" }, declaration: false, signature: "" })),
      ...messages(schema.safeParse({ answers: { q1: "x".repeat(201) }, declaration: true, signature: "y".repeat(201) })),
      ...messages(schema.safeParse({ answers: { q1: "a\u0007" }, declaration: true, signature: "Ada" })),
    ];
    expect(new Set(given)).toEqual(new Set(Object.keys(IDENTITY_FIELD_WORDS)));
    expect(translatorFor("pt-BR", "status")("actions.identityFields.declaration")).toBe("Marque a declaração para enviar suas respostas");
  });
});
