import { z } from "zod";
import { noControlCharacters } from "@/lib/text/control-characters";

// What a told recipient answers from their link, and what their page says for each refusal
// (codes from lib/recipients/notice-answer.ts). No server-only imports: the page reads them.

export const NOTICE_NOTE_MAX = 2000;

export const NoticeAnswerSchema = z.object({
  outcome: z.enum(["DONE", "HELD_NOTHING"], { message: "Choose whether you did it or held nothing about this person." }),
  note: z.string().trim().max(NOTICE_NOTE_MAX, `Keep the note under ${NOTICE_NOTE_MAX} characters.`).check(noControlCharacters(true)).default(""),
});

export const NOTICE_ERRORS = {
  NOTICE_NOT_FOUND: "This link no longer works.",
  NOTICE_ANSWER_INVALID: "Choose whether you did it or held nothing about this person, and keep the note under 2,000 characters.",
  RATE_LIMITED: "Too many answers from your network in a short time. Try again in an hour.",
  INTERNAL: "That did not work because of a problem on our side. Please try again in a moment.",
} as const;

export type NoticeErrorCode = keyof typeof NOTICE_ERRORS;
