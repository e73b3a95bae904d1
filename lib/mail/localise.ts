import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { localePath, splitLocalePrefix } from "@/lib/i18n/locales";
import { EMAIL_AUDIENCES, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";

/**
 * The language an email is written in. A requester's email: the language its props name, else
 * the request's (`requestLanguage`, read by the outbox worker), else English. A customer's: its
 * language setting, in the props. Staff's and third parties' emails are English.
 */
export function emailLanguageOf<N extends EmailTemplateName>(name: N, props: EmailProps<N>, requestLanguage?: string | null): EmailLanguage {
  const named = (props as { language?: string | null }).language;
  switch (EMAIL_AUDIENCES[name]) {
    case "requester":
      return emailLanguage(named ?? requestLanguage);
    case "customer":
      return emailLanguage(named);
    default:
      return "en";
  }
}

/**
 * The props a template renders: its language spelled out, and each link to a page of the portal
 * (a top-level `…Url` prop on `appUrl`'s origin) opening that page in the same language, English
 * included ("/en/…"), whatever the reader's browser prefers. Links are built as plain addresses
 * where the email is queued, so every queued email, old or new, gets them here. Staff's and third
 * parties' emails are left as they are: the pages they link to are English only.
 */
export function localiseEmailProps<N extends EmailTemplateName>(name: N, props: EmailProps<N>, appUrl: string, requestLanguage?: string | null): EmailProps<N> {
  const audience = EMAIL_AUDIENCES[name];
  if (audience !== "requester" && audience !== "customer") return props;
  const language = emailLanguageOf(name, props, requestLanguage);
  const origin = new URL(appUrl).origin;
  const localised: Record<string, unknown> = { ...props, language: audience === "requester" ? language : (props as { language: string }).language };
  for (const [key, value] of Object.entries(props)) {
    if (key.endsWith("Url") && typeof value === "string") localised[key] = localiseUrl(value, language, origin);
  }
  return localised as EmailProps<N>;
}

/** "https://host/requests/status/T" → "https://host/de/requests/status/T"; another site's address, or one with a language already, as it is. */
export function localiseUrl(address: string, language: EmailLanguage, origin: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  if (url.origin !== origin || splitLocalePrefix(url.pathname).locale) return address;
  url.pathname = localePath(language, url.pathname, true);
  return url.toString();
}
