import { z } from "zod";
import { DenialBasis } from "@/lib/generated/prisma/enums";
import { refuse } from "@/lib/requests/lifecycle";
import { noControlCharacters } from "@/lib/text/control-characters";

// One schema per handling input: the dashboard forms use them through zodResolver, the server
// actions parse with them, and the domain functions parse once more, since jobs and tests call
// them directly. No server-only imports: they ship to the browser.

// Every text here is written in a text area, so tabs and line breaks stay.
/** "Keep this under 5000 characters": the status page's reply form words it in the reader's language. */
export const tooLongMessage = (max: number) => `Keep this under ${max} characters`;
/** What the requester's answer and appeal forms may say, with their limits. */
export const REPLY_MESSAGES = { message: "Write your message", reason: "Give the reason" } as const;
export const REPLY_LIMITS = { message: 5000, reason: 2000 } as const;

const required = (max: number, empty: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, tooLongMessage(max)).check(noControlCharacters(true));

export const MAX_BULK = 100;

export const RequestIdSchema = z.guid({ error: "Unknown request" });

/** A question to the requester, or their answer. Personal content: stored apart from the audit trail. */
export const MessageInputSchema = z.object({
  message: required(REPLY_LIMITS.message, REPLY_MESSAGES.message),
  /** Whom a question asks, on an agent's request: the agent (the default) or the consumer. */
  party: z.optional(z.enum(["REQUESTER", "SUBJECT"], { error: "Choose whom to ask" })),
});
export type MessageInput = z.input<typeof MessageInputSchema>;

/**
 * Why we extend or deny. Staff-written and kept in the audit record (for a denial, the basis that
 * 11 CCR §7101 asks to keep), so it should explain the decision without quoting personal data.
 */
export const ReasonInputSchema = z.object({ reason: required(REPLY_LIMITS.reason, REPLY_MESSAGES.reason) });
export type ReasonInput = z.input<typeof ReasonInputSchema>;

/** An internal note: the team's work product, never shown to the requester. */
/** A denial: the reason in words, and its basis among the few the figures count by. */
export const DenyInputSchema = ReasonInputSchema.extend({ basis: z.enum(DenialBasis, { error: "Choose the basis for the denial" }) });
export type DenyInput = z.input<typeof DenyInputSchema>;

export const NoteInputSchema = z.object({ note: required(5000, "Write the note") });
export type NoteInput = z.input<typeof NoteInputSchema>;

/** What was done; required for every type except access and export, whose answer is a file. */
export const CompleteInputSchema = z.object({
  outcome: z
    .string()
    .trim()
    .max(5000, "Keep this under 5000 characters")
    .check(noControlCharacters(true))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CompleteInput = z.input<typeof CompleteInputSchema>;

export const BulkIdsSchema = z.array(RequestIdSchema).min(1, "Select at least one request").max(MAX_BULK, `Select at most ${MAX_BULK} requests`);

/** Parses in a domain function: a bad input is a refusal with the first message, not a crash. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw refuse("INVALID_INPUT", parsed.error.issues[0]?.message);
}
