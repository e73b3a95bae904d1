import { z } from "zod";
import { noControlCharacters } from "@/lib/text/control-characters";

// What a manual system's owner answers from their link: a file, "nothing found", and a note.
// No server-only imports: the owner's page reads the limits from here too.

export const OWNER_NOTE_MAX = 2000;
export const OWNER_FILE_MAX_BYTES = 10 * 1024 * 1024;

export const OwnerAnswerSchema = z
  .object({
    nothingFound: z.boolean(),
    note: z.string().trim().max(OWNER_NOTE_MAX, `Keep the note under ${OWNER_NOTE_MAX} characters.`).check(noControlCharacters(true)).default(""),
    hasFile: z.boolean(),
  })
  .refine((a) => a.hasFile !== a.nothingFound, {
    path: ["file"],
    message: "Upload the file with what you found, or tick “Nothing found” (not both).",
  });
export type OwnerAnswerInput = z.input<typeof OwnerAnswerSchema>;
