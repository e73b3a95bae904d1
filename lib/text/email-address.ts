import * as z from "zod/mini";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "@/lib/text/control-characters";

// The one rule for an email address typed anywhere (the request form, status-link recovery,
// customers' privacy contacts, staff invitations). No server-only imports: forms ship it.
//
// The normal form: the domain in ASCII (IDNA: "bücher.de" → "xn--bcher-kva.de"), the local part
// as typed in Unicode NFC, and the whole address lower-cased, as addresses always were here.
// ASCII domains because that is what DNS and SMTP use, what a browser's email field already sends
// (so a typed and a posted "bücher.de" become the same stored address, one rate limit, one search
// hit), what workspace domains are matched in, and because a look-alike domain cannot hide in it.

export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_PART_MAX_LENGTH = 64;

export type EmailProblem = "EMPTY" | "CONTROL_CHARACTER" | "FORMAT" | "LOCAL_PART_TOO_LONG" | "TOO_LONG";
export type NormalizedEmail = { ok: true; email: string } | { ok: false; problem: EmailProblem };

/** Messages that mean the same on every form; "empty" and "format" name the field, so each form words them. */
export const EMAIL_PROBLEM_MESSAGES = {
  CONTROL_CHARACTER: CONTROL_CHARACTER_MESSAGE,
  LOCAL_PART_TOO_LONG: `The part before the @ can be at most ${EMAIL_LOCAL_PART_MAX_LENGTH} characters.`,
  TOO_LONG: `This email address is too long: ${EMAIL_MAX_LENGTH} characters at most.`,
} as const;

// Letters, marks and digits of any script (RFC 6531), and the ASCII symbols addresses here always
// allowed; dots only between atoms. No quoted local parts.
const LOCAL_PART = /^[\p{L}\p{M}\p{N}_'+-]+(?:\.[\p{L}\p{M}\p{N}_'+-]+)*$/u;
// Before conversion: what a domain may be typed with. Keeps the URL parser's other talents
// (percent-decoding, IPv4 numbers, ports) out of it.
const TYPED_DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;
// After: LDH labels, and a top-level domain of letters or an IDN one.
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** IDNA to ASCII, as browsers and Node do it for host names (UTS #46: case, width, NFC). */
function asciiDomain(domain: string): string | null {
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
}

const octets = (text: string) => new TextEncoder().encode(text).length;

/** " Ada@Bücher.DE " → "ada@xn--bcher-kva.de", or what is wrong with it. */
export function normalizeEmailAddress(text: string): NormalizedEmail {
  const typed = text.trim();
  if (!typed) return { ok: false, problem: "EMPTY" };
  if (hasControlCharacter(typed)) return { ok: false, problem: "CONTROL_CHARACTER" };
  const at = typed.lastIndexOf("@");
  if (at < 1) return { ok: false, problem: "FORMAT" };
  const local = typed.slice(0, at).normalize("NFC").toLowerCase();
  const typedDomain = typed.slice(at + 1);
  // Limits in octets, as RFC 5321 and 6531 count them.
  if (octets(local) > EMAIL_LOCAL_PART_MAX_LENGTH) return { ok: false, problem: "LOCAL_PART_TOO_LONG" };
  const domain = TYPED_DOMAIN.test(typedDomain) ? asciiDomain(typedDomain) : null;
  if (!LOCAL_PART.test(local) || !domain || !ASCII_DOMAIN.test(domain)) return { ok: false, problem: "FORMAT" };
  const email = `${local}@${domain}`;
  if (octets(email) > EMAIL_MAX_LENGTH) return { ok: false, problem: "TOO_LONG" };
  return { ok: true, email };
}

/** The message for a problem, with the form's own words for a missing or malformed address. */
export function emailProblemMessage(problem: EmailProblem, words: { empty: string; format: string }): string {
  return problem === "EMPTY" ? words.empty : problem === "FORMAT" ? words.format : EMAIL_PROBLEM_MESSAGES[problem];
}

function normalized(words: { empty: string; format: string }, optional: boolean) {
  return z.transform((text: string | undefined, ctx) => {
    const result = normalizeEmailAddress(text ?? "");
    if (result.ok) return result.email;
    if (optional && result.problem === "EMPTY") return undefined;
    ctx.issues.push({ code: "custom", message: emailProblemMessage(result.problem, words), input: text });
    return z.NEVER;
  });
}

/**
 * A required address as a schema field, giving the normal form: works in zod and zod/mini
 * schemas alike (`z.object({ email: emailAddress(...) })`).
 */
export const emailAddress = (words: { empty: string; format: string }) =>
  z.pipe(z.string({ error: words.empty }), normalized(words, false) as z.ZodMiniTransform<string, string>);

/** An address that may be left blank: blank gives undefined. */
export const optionalEmailAddress = (format: string) =>
  z.pipe(z.optional(z.string()), normalized({ empty: "", format }, true) as z.ZodMiniTransform<string | undefined, string | undefined>);
