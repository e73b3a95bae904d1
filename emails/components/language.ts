import { localeOrDefault, type Locale } from "@/lib/i18n/locales";

/**
 * The languages an email can be written in: the portal's (lib/i18n/locales.ts). A requester's
 * emails follow their request's language, a customer's its language setting.
 */
export type EmailLanguage = Locale;

/** The email language for a stored language code ("de", "pt-br"); anything not offered falls back to English. */
export function emailLanguage(code: string | null | undefined): EmailLanguage {
  return localeOrDefault(code);
}
