import { z } from "zod";
import { HANDLING_ERRORS } from "@/lib/requests/lifecycle";
import { noControlCharacters } from "@/lib/text/control-characters";

// How a customer closes its part of a referred request. No server-only imports: the referral
// page's form reads the limit from here too. closeReferral checks the same rules once more, since
// tests and jobs call it directly.

export const REFERRAL_NOTE_MAX = 5000;
export const REFERRAL_OUTCOMES = ["COMPLETED", "REFUSED"] as const;

export const CloseReferralSchema = z
  .object({
    outcome: z.enum(REFERRAL_OUTCOMES, { error: "Choose whether you completed or refused the request." }),
    // The requester reads this note; a refusal must explain itself.
    note: z.string().trim().max(REFERRAL_NOTE_MAX, HANDLING_ERRORS.REFERRAL_NOTE_TOO_LONG).check(noControlCharacters(true)).default(""),
  })
  .refine((input) => input.outcome !== "REFUSED" || input.note.length > 0, {
    path: ["note"],
    message: HANDLING_ERRORS.REFERRAL_NOTE_REQUIRED,
  });
export type CloseReferralInput = z.input<typeof CloseReferralSchema>;
