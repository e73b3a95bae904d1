import "server-only";
// Every catalogue, imported statically: the server holds all five languages, a page gets only
// its own (lib/i18n/request.ts) and no catalogue is sent to the browser whole. One file per
// language and namespace, so each part of the portal can be translated on its own.
import type { Locale } from "@/lib/i18n/locales";
import en_common from "@/lib/i18n/messages/en/common.json";
import en_policy from "@/lib/i18n/messages/en/policy.json";
import en_form from "@/lib/i18n/messages/en/form.json";
import en_validation from "@/lib/i18n/messages/en/validation.json";
import en_verify from "@/lib/i18n/messages/en/verify.json";
import en_status from "@/lib/i18n/messages/en/status.json";
import en_laws from "@/lib/i18n/messages/en/laws.json";
import en_referral from "@/lib/i18n/messages/en/referral.json";
import en_emails from "@/lib/i18n/messages/en/emails.json";
import en_pages from "@/lib/i18n/messages/en/pages.json";
import en_requests from "@/lib/i18n/messages/en/requests.json";
import de_common from "@/lib/i18n/messages/de/common.json";
import de_policy from "@/lib/i18n/messages/de/policy.json";
import de_form from "@/lib/i18n/messages/de/form.json";
import de_validation from "@/lib/i18n/messages/de/validation.json";
import de_verify from "@/lib/i18n/messages/de/verify.json";
import de_status from "@/lib/i18n/messages/de/status.json";
import de_laws from "@/lib/i18n/messages/de/laws.json";
import de_referral from "@/lib/i18n/messages/de/referral.json";
import de_emails from "@/lib/i18n/messages/de/emails.json";
import de_pages from "@/lib/i18n/messages/de/pages.json";
import de_requests from "@/lib/i18n/messages/de/requests.json";
import fr_common from "@/lib/i18n/messages/fr/common.json";
import fr_policy from "@/lib/i18n/messages/fr/policy.json";
import fr_form from "@/lib/i18n/messages/fr/form.json";
import fr_validation from "@/lib/i18n/messages/fr/validation.json";
import fr_verify from "@/lib/i18n/messages/fr/verify.json";
import fr_status from "@/lib/i18n/messages/fr/status.json";
import fr_laws from "@/lib/i18n/messages/fr/laws.json";
import fr_referral from "@/lib/i18n/messages/fr/referral.json";
import fr_emails from "@/lib/i18n/messages/fr/emails.json";
import fr_pages from "@/lib/i18n/messages/fr/pages.json";
import fr_requests from "@/lib/i18n/messages/fr/requests.json";
import es_common from "@/lib/i18n/messages/es/common.json";
import es_policy from "@/lib/i18n/messages/es/policy.json";
import es_form from "@/lib/i18n/messages/es/form.json";
import es_validation from "@/lib/i18n/messages/es/validation.json";
import es_verify from "@/lib/i18n/messages/es/verify.json";
import es_status from "@/lib/i18n/messages/es/status.json";
import es_laws from "@/lib/i18n/messages/es/laws.json";
import es_referral from "@/lib/i18n/messages/es/referral.json";
import es_emails from "@/lib/i18n/messages/es/emails.json";
import es_pages from "@/lib/i18n/messages/es/pages.json";
import es_requests from "@/lib/i18n/messages/es/requests.json";
import ptBR_common from "@/lib/i18n/messages/pt-BR/common.json";
import ptBR_policy from "@/lib/i18n/messages/pt-BR/policy.json";
import ptBR_form from "@/lib/i18n/messages/pt-BR/form.json";
import ptBR_validation from "@/lib/i18n/messages/pt-BR/validation.json";
import ptBR_verify from "@/lib/i18n/messages/pt-BR/verify.json";
import ptBR_status from "@/lib/i18n/messages/pt-BR/status.json";
import ptBR_laws from "@/lib/i18n/messages/pt-BR/laws.json";
import ptBR_referral from "@/lib/i18n/messages/pt-BR/referral.json";
import ptBR_emails from "@/lib/i18n/messages/pt-BR/emails.json";
import ptBR_pages from "@/lib/i18n/messages/pt-BR/pages.json";
import ptBR_requests from "@/lib/i18n/messages/pt-BR/requests.json";

export const NAMESPACES = ["common", "policy", "form", "validation", "verify", "status", "laws", "referral", "emails", "pages", "requests"] as const;
export type Namespace = (typeof NAMESPACES)[number];

const en = { common: en_common, policy: en_policy, form: en_form, validation: en_validation, verify: en_verify, status: en_status, laws: en_laws, referral: en_referral, emails: en_emails, pages: en_pages, requests: en_requests };

/** The English catalogue's shape: every other language must have each of its keys (tsc checks). */
export type Messages = typeof en;

const CATALOGUES: Record<Locale, Messages> = {
  en,
  "de": { common: de_common, policy: de_policy, form: de_form, validation: de_validation, verify: de_verify, status: de_status, laws: de_laws, referral: de_referral, emails: de_emails, pages: de_pages, requests: de_requests },
  "fr": { common: fr_common, policy: fr_policy, form: fr_form, validation: fr_validation, verify: fr_verify, status: fr_status, laws: fr_laws, referral: fr_referral, emails: fr_emails, pages: fr_pages, requests: fr_requests },
  "es": { common: es_common, policy: es_policy, form: es_form, validation: es_validation, verify: es_verify, status: es_status, laws: es_laws, referral: es_referral, emails: es_emails, pages: es_pages, requests: es_requests },
  "pt-BR": { common: ptBR_common, policy: ptBR_policy, form: ptBR_form, validation: ptBR_validation, verify: ptBR_verify, status: ptBR_status, laws: ptBR_laws, referral: ptBR_referral, emails: ptBR_emails, pages: ptBR_pages, requests: ptBR_requests },
};

/** The whole catalogue of one language. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
