import "server-only";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { DiffWords } from "@/components/policy-diff-view";
import { PolicyDocument, type PolicyDocumentWords } from "@/components/policy-document";
import type { Locale } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import type { OrganizationDetails } from "@/lib/organization/types";
import { translatorFor } from "@/lib/i18n/translator";
import type { ReaderPolicy } from "@/lib/policy/reader-text";
import type { UnsetWords } from "@/lib/policy/render";

// The public policy pages' own words in the reader's language, for the components the editor's
// preview shares (which take them as props, since a client component may not load a catalogue).

/** A locale as a catalogue key ("pt-BR" → "ptBR": keys have no dashes). */
export function languageKey(locale: Locale) {
  return locale === "pt-BR" ? "ptBR" : locale;
}

export async function documentWords(): Promise<PolicyDocumentWords> {
  const t = await getTranslations("policy.document");
  const recipientsHref = await localeHref("/privacy/recipients");
  return {
    effective: t("effective"),
    lastUpdated: t("lastUpdated"),
    contents: t("contents"),
    makeRequest: t("makeRequest"),
    recipients: t.rich("recipients", { link: (chunks) => <a href={recipientsHref}>{chunks}</a> }),
    whatChanged: t("whatChanged"),
    requestHref: await localeHref("/requests/new"),
  };
}

export async function diffWords(): Promise<DiffWords> {
  const t = await getTranslations("policy.diff");
  return {
    same: t("same"),
    counts: (added, removed) => t("counts", { added, removed }),
    changedLines: t("changedLines"),
    skipped: (count) => t("skipped", { count }),
    unchanged: t("unchanged"),
    added: t("added"),
    removed: t("removed"),
    blankLine: t("blankLine"),
  };
}

/** "not appointed" in the language of the policy's text, which a fallback makes other than the page's. */
export function unsetWords(language: Locale): UnsetWords {
  const t = translatorFor(language, "policy");
  return { notAppointed: t("placeholders.notAppointed"), notRegistered: t("placeholders.notRegistered") };
}

/** The language's English name ("German"), for the dashboard, which is English. */
export function englishName(language: Locale): string {
  return translatorFor("en", "policy")(`languageNames.${languageKey(language)}`);
}

/** The language's name in the reader's words ("Englisch" on a German page). */
export async function languageName(language: Locale): Promise<string> {
  const t = await getTranslations("policy.languageNames");
  return t(languageKey(language));
}

/** On a fallback, the note that says the policy is not in the reader's language and which it is in; else null. */
export async function FallbackNotice({ policy }: { policy: ReaderPolicy }): Promise<ReactNode> {
  if (!policy.fallback) return null;
  const t = await getTranslations("policy.fallbackNotice");
  return (
    <p role="note" className="max-w-3xl rounded-md border-l-4 border-blue-700 bg-blue-50 p-4">
      {t(languageKey(policy.language))}
    </p>
  );
}

/** A version as the reader reads it (reader.ts): the note on a fallback, then the document, its own words in the reader's language. */
export async function ReaderPolicyDocument({ policy, org, meta }: { policy: ReaderPolicy; org: OrganizationDetails; meta: ReactNode }) {
  const [words, locale] = await Promise.all([documentWords(), readerLocale()]);
  return (
    <>
      <FallbackNotice policy={policy} />
      <PolicyDocument policy={policy} org={org} words={words} locale={locale} unset={unsetWords(policy.language)} meta={meta} />
    </>
  );
}
