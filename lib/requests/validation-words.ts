import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { CHILD_AGE_LIMIT, TEXT_LIMITS } from "@/lib/requests/schema";
import { RULE_MESSAGES } from "@/lib/requests/rule-messages";
import { SCHEMA_MESSAGES } from "@/lib/requests/schema-messages";
import { EMAIL_LOCAL_PART_MAX_LENGTH, EMAIL_MAX_LENGTH } from "@/lib/text/email-address";

// The request's validation messages in the reader's language, keyed by the English message the
// schema gives: the form looks up what zod says in the browser, and the server what it refuses,
// so the schema (and the API's 422 answers) stay English and no catalogue goes to the browser.

/** Every English validation message by its catalogue key: en/validation.json is exactly this. */
export const VALIDATION_MESSAGES = { ...SCHEMA_MESSAGES, ...RULE_MESSAGES };
type Key = keyof typeof VALIDATION_MESSAGES;

/** "Keep this under {max} characters" with { max: 200 } → "Keep this under 200 characters". */
export function fillMessage(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The values each message is said with; a message without an entry takes none. */
const VALUES: Partial<Record<Key, Record<string, number>[]>> = {
  tooLong: [...TEXT_LIMITS].map((max) => ({ max })),
  emailLocalPartTooLong: [{ max: EMAIL_LOCAL_PART_MAX_LENGTH }],
  emailTooLong: [{ max: EMAIL_MAX_LENGTH }],
  childTooOld: [{ age: CHILD_AGE_LIMIT }],
};

/** English message → the same message in `locale` (in English, itself). */
export function validationMessages(locale: Locale): Record<string, string> {
  const t = translatorFor(locale, "validation") as unknown as (key: string, values?: Record<string, number>) => string;
  const out: Record<string, string> = {};
  for (const key of Object.keys(VALIDATION_MESSAGES) as Key[]) {
    for (const values of VALUES[key] ?? [{}]) out[fillMessage(VALIDATION_MESSAGES[key], values)] = t(key, values);
  }
  return out;
}

/** Field errors in `locale`; a message the map does not know is kept as it is. */
export function translateFieldErrors(errors: Record<string, string>, locale: Locale): Record<string, string> {
  const messages = validationMessages(locale);
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, messages[message] ?? message]));
}
