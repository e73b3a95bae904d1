import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { CHILD_AGE_LIMIT, TEXT_LIMITS } from "@/lib/requests/schema";
import { fillMessage, SCHEMA_MESSAGES, type SchemaMessageKey } from "@/lib/requests/schema-messages";
import { EMAIL_LOCAL_PART_MAX_LENGTH, EMAIL_MAX_LENGTH } from "@/lib/text/email-address";

// The request's validation messages in the reader's language, keyed by the English message the
// schema gives: the form looks up what zod says in the browser, and the server what it refuses,
// so the schema (and the API's 422 answers) stay English and no catalogue goes to the browser.

/** The values each message is said with; a message without an entry takes none. */
const VALUES: Partial<Record<SchemaMessageKey, Record<string, number>[]>> = {
  tooLong: [...TEXT_LIMITS].map((max) => ({ max })),
  emailLocalPartTooLong: [{ max: EMAIL_LOCAL_PART_MAX_LENGTH }],
  emailTooLong: [{ max: EMAIL_MAX_LENGTH }],
  childTooOld: [{ age: CHILD_AGE_LIMIT }],
};

/** English message → the same message in `locale` (in English, itself). */
export function validationMessages(locale: Locale): Record<string, string> {
  const t = translatorFor(locale, "validation") as unknown as (key: string, values?: Record<string, number>) => string;
  const out: Record<string, string> = {};
  for (const key of Object.keys(SCHEMA_MESSAGES) as SchemaMessageKey[]) {
    for (const values of VALUES[key] ?? [{}]) out[fillMessage(SCHEMA_MESSAGES[key], values)] = t(key, values);
  }
  return out;
}

/** Field errors in `locale`; a message the map does not know is kept as it is. */
export function translateFieldErrors(errors: Record<string, string>, locale: Locale): Record<string, string> {
  const messages = validationMessages(locale);
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, messages[message] ?? message]));
}
