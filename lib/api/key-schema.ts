import { z } from "zod";
import { API_SCOPES } from "@/lib/api/scopes";

// A new API key's fields: the admin's form validates with this in the browser, the server again.

export const CreateKeySchema = z.object({
  name: z
    .string({ error: "Name the key after the system that will use it" })
    .trim()
    .min(2, "Name the key after the system that will use it")
    .max(80, "Keep the name under 80 characters")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "Use letters, digits and punctuation only"),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Choose scopes from the list" }), { error: "Choose at least one scope" })
    .min(1, "Choose at least one scope")
    .transform((s) => [...new Set(s)]),
  /** The last day the key works, "YYYY-MM-DD"; empty for a key that does not expire. */
  expiresOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Enter the date as YYYY-MM-DD")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CreateKeyInput = z.input<typeof CreateKeySchema>;

