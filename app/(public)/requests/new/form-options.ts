import "server-only";
import { FORMAT_LOCALES, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";
import { countryOptions, regionOptions } from "@/lib/requests/regions";
import { RELATIONSHIPS, type RequestTypeValue } from "@/lib/requests/schema";
import { SCHEMA_MESSAGES } from "@/lib/requests/schema-messages";
import { validationMessages } from "@/lib/requests/validation-words";
import type { RequestFormOptions } from "./request-form";

/**
 * The language names and sorts countries in. English keeps the runtime's "en" names ("St. Lucia"),
 * as the form always showed them, rather than en-GB's; the others follow the catalogue's country.
 */
function namesLocale(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? "en" : FORMAT_LOCALES[locale];
}

/**
 * Everything the form says, in the reader's language, for the types the operator offers (Settings →
 * Request types): the form lists what it is given. Worked out on the server, so the browser gets
 * words as data and no catalogue.
 */
export function requestFormOptions(locale: Locale, offered: readonly RequestTypeValue[]): RequestFormOptions {
  const t = translatorFor(locale, "form");
  const form = messagesFor(locale).form;
  const requests = translatorFor(locale, "requests");
  const messages = validationMessages(locale);
  const tag = namesLocale(locale);
  // Groups of plain words, passed as the catalogue has them: with no ICU arguments or quotes,
  // its text is what the reader sees (form-options.test.ts checks each formats to itself).
  const { theirs, ...representation } = form.representation;
  return {
    countries: countryOptions(tag),
    regions: { US: regionOptions("US", tag), CA: regionOptions("CA", tag) },
    types: Object.fromEntries(
      offered.map((type) => [type, { label: requests(`types.${type}`), description: requests(`typeDescriptions.${type}`) }]),
    ) as RequestFormOptions["types"],
    relationships: Object.fromEntries(RELATIONSHIPS.map((r) => [r, requests(`relationships.${r}`)])) as RequestFormOptions["relationships"],
    details: form.details,
    representation: {
      ...representation,
      errors: {
        [messages[SCHEMA_MESSAGES.name]!]: theirs.name,
        [messages[SCHEMA_MESSAGES.email]!]: theirs.email,
        [messages[SCHEMA_MESSAGES.country]!]: theirs.country,
      },
    },
    words: {
      typeLegend: t("typeLegend"),
      about: form.about,
      relationship: form.relationship,
      honeypot: t("honeypot"),
      send: t("send"),
      sending: t("sending"),
      sent: t("sent"),
      notSent: t("notSent"),
    },
    messages,
  };
}
