// What the owner's page says for each refusal of an answer (codes from lib/fulfillment/owner.ts).
// No server-only imports: the page reads them.

export const OWNER_ERRORS = {
  OWNER_TASK_NOT_FOUND: "This link no longer works.",
  OWNER_FILE_TOO_LARGE: "The file is larger than 10 MB. Split it, or write to the privacy team.",
  OWNER_ANSWER_INVALID: "Upload the file with what you found, or tick “Nothing found” (not both).",
  RATE_LIMITED: "Too many answers from your network in a short time. Try again in an hour.",
  INTERNAL: "That did not work because of a problem on our side. Please try again in a moment.",
} as const;

export type OwnerErrorCode = keyof typeof OWNER_ERRORS;
