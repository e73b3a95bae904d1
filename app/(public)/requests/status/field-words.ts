// The schemas' English field errors the requester's forms may get back from the server, by the
// catalogue key ("status" namespace) that words them in the reader's language. The schemas are
// shared with the dashboard and stay English; field-words.test.ts checks every message they give
// is here, so a reworded schema cannot fall back to English unnoticed.

import { REPLY_LIMITS, REPLY_MESSAGES, tooLongMessage } from "@/lib/requests/handling/schema";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/text/control-characters";

/** The new-link form (lib/requests/status-recovery-schema.ts): keys under `recovery`. */
export const RECOVERY_FIELD_WORDS: Readonly<Record<string, "emailEmpty" | "emailFormat" | "referenceInvalid">> = {
  "Enter the email address you made the request with": "emailEmpty",
  "Enter an email address in the format name@example.com": "emailFormat",
  "Enter the reference from our emails, like DSR-7K3M-Q9PX": "referenceInvalid",
};

/** The identity questions (lib/verification/identity/schema.ts): keys under `actions.identityFields`. */
export const IDENTITY_FIELD_WORDS: Readonly<
  Record<string, "answer" | "answerTooLong" | "controlCharacters" | "declaration" | "signature" | "signatureTooLong">
> = {
  "Answer this question": "answer",
  "Keep the answer under 200 characters": "answerTooLong",
  "Remove the control characters": "controlCharacters",
  "Tick the declaration to send your answers": "declaration",
  "Type your full name": "signature",
  "Keep the name under 200 characters": "signatureTooLong",
};

type ReplyWord = { key: "message" | "reason" | "tooLong" | "controlCharacter"; values?: { max: number } };

/** The answer and appeal forms (lib/requests/handling/schema.ts): keys under `replyForm.errors`. */
export function replyFieldWords(field: "message" | "reason"): Readonly<Record<string, ReplyWord>> {
  const max = REPLY_LIMITS[field];
  return {
    [REPLY_MESSAGES[field]]: { key: field },
    [tooLongMessage(max)]: { key: "tooLong", values: { max } },
    [CONTROL_CHARACTER_MESSAGE]: { key: "controlCharacter" },
  };
}
