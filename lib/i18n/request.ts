import "server-only";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

// next-intl's per-request configuration (next.config.ts points its plugin here). proxy.ts has
// already settled the language, from the address, the remembered choice or Accept-Language, and
// passes it in the request's X-NEXT-INTL-LOCALE header; anything else is English.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: messagesFor(locale) };
});
