import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor, type Namespace } from "@/lib/i18n/messages";

/**
 * Words in a given language outside a page's request: an email rendered by the outbox worker, a
 * refusal worked out in the domain. Pages and server actions use next-intl's `getTranslations`,
 * which knows the reader's language by itself.
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
