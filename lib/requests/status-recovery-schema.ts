import * as z from "zod/mini";
import { emailAddress } from "@/lib/text/email-address";

// What a requester gives to get a new status link: the address they made the request with and
// its reference. Both are read the way they are stored, so "dsr 7k3m q9px" finds "DSR-7K3M-Q9PX".

// Crockford's base32 as lib/requests/reference.ts writes it (no I, L, O, U).
const REFERENCE = /^DSR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A reference as typed, in the form we write it: case, spaces and dashes do not matter, and the
 * letters Crockford's alphabet reads as digits (O as 0, I and L as 1) are read that way.
 */
export function normalizeReference(text: string): string {
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  const code = (compact.startsWith("DSR") ? compact.slice(3) : compact).replace(/O/g, "0").replace(/[IL]/g, "1");
  return code.length === 8 ? `DSR-${code.slice(0, 4)}-${code.slice(4)}` : compact;
}

const REFERENCE_MESSAGE = "Enter the reference from our emails, like DSR-7K3M-Q9PX";

export const StatusRecoverySchema = z.object({
  email: emailAddress({
    empty: "Enter the email address you made the request with",
    format: "Enter an email address in the format name@example.com",
  }),
  reference: z.pipe(
    z.string({ error: REFERENCE_MESSAGE }).check(z.maxLength(40, REFERENCE_MESSAGE)),
    z.pipe(z.transform(normalizeReference), z.string().check(z.regex(REFERENCE, REFERENCE_MESSAGE))),
  ),
});
export type StatusRecoveryInput = z.input<typeof StatusRecoverySchema>;
