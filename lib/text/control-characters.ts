import * as z from "zod/mini";

// Control characters (C0, DEL and C1) are never something a person means to type: they are
// invisible, and a null byte makes PostgreSQL refuse the row and quote the text around it in its
// log. Every text input refuses them in validation, before anything reaches the database. No
// server-only imports: the request form ships this to the browser, so it stays one regex.

export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control character from this field.";

const SINGLE_LINE = /^\P{Cc}*$/u;
/** Multi-line fields keep their tabs and line breaks. */
const MULTI_LINE = /^(?:[\t\n\r]|\P{Cc})*$/u;

export function hasControlCharacter(text: string, multiLine = false): boolean {
  return !(multiLine ? MULTI_LINE : SINGLE_LINE).test(text);
}

/** For text that is only looked up, never stored (a search term): drop them rather than refuse. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\p{Cc}/gu, "");
}

/**
 * The one check every text field uses, with zod or zod/mini alike:
 * `z.string().check(noControlCharacters())`, or `noControlCharacters(true)` for a text area.
 */
export const noControlCharacters = (multiLine = false) => z.regex(multiLine ? MULTI_LINE : SINGLE_LINE, CONTROL_CHARACTER_MESSAGE);
