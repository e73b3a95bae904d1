import { describe, expect, it } from "vitest";
import { StatusRecoverySchema } from "@/lib/requests/status-recovery-schema";
import { IdentityAnswersSchema } from "@/lib/verification/identity/schema";
import { translatorFor } from "@/lib/i18n/translator";
import { MessageInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";
import { IDENTITY_FIELD_WORDS, RECOVERY_FIELD_WORDS, replyFieldWords } from "./field-words";

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

  it("knows every message the answer and appeal forms' schemas give, and words them with their limit", () => {
    const answers = [
      ...messages(MessageInputSchema.safeParse({ message: "" })),
      ...messages(MessageInputSchema.safeParse({ message: "x".repeat(5001) })),
      ...messages(MessageInputSchema.safeParse({ message: "hi\u0007" })),
    ];
    expect(new Set(answers)).toEqual(new Set(Object.keys(replyFieldWords("message"))));
    const appeals = [...messages(ReasonInputSchema.safeParse({ reason: "" })), ...messages(ReasonInputSchema.safeParse({ reason: "x".repeat(2001) }))];
    for (const message of appeals) expect(Object.keys(replyFieldWords("reason"))).toContain(message);
    const t = translatorFor("de", "status");
    expect(t("replyForm.errors.tooLong", replyFieldWords("reason")["Keep this under 2000 characters"]!.values)).toBe("Bitte bleiben Sie unter 2000 Zeichen");
    expect(translatorFor("pt-BR", "status")("replyForm.errors.message")).toBe("Escreva sua mensagem");
  });
});
