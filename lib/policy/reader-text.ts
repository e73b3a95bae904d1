import type { Locale } from "@/lib/i18n/locales";
import type { Policy, PolicySection } from "@/lib/policy/content";

// Which words of a policy version a reader gets: pure, so the choice is tested without a database
// (reader.ts reads the translation it needs). A version is written in one language and may be
// published in others; a reader whose language it has none of reads the version's own text, and
// the page says so.

/** A version's words in one language: its own, or one of its published translations. */
export type PolicyText = Pick<Policy, "title" | "summary" | "sections" | "changeSummary"> & { language: Locale };

/** The version as a reader sees it: its words in `language`, `fallback` when that is not the reader's. */
export type ReaderPolicy = Policy & { fallback: boolean };

/**
 * The words to show a reader of `locale`: the version itself when it is written in that language,
 * else its translation into it, else the version's own words with `fallback`.
 */
export function chooseText(policy: Policy, translation: PolicyText | null, locale: Locale): ReaderPolicy {
  if (policy.language === locale) return { ...policy, fallback: false };
  if (translation && translation.language === locale) {
    const { title, summary, sections, changeSummary, language } = translation;
    return { ...policy, title, summary, sections, changeSummary, language, fallback: false };
  }
  return { ...policy, fallback: true };
}

/** The languages a version can be read in: its own first, then its translations'. */
export function languagesOf(version: { language: Locale; translations: { language: Locale }[] }): Locale[] {
  return [version.language, ...version.translations.map((t) => t.language).filter((l) => l !== version.language)];
}

/**
 * The language two versions are compared in: the reader's when both have it, else the first
 * version's own language that both have (the later version's, then the earlier's). Null when they
 * share none: each is then compared in its own words.
 */
export function compareLanguage(
  from: { language: Locale; translations: { language: Locale }[] },
  to: { language: Locale; translations: { language: Locale }[] },
  locale: Locale,
): Locale | null {
  const both = (l: Locale) => languagesOf(from).includes(l) && languagesOf(to).includes(l);
  return [locale, to.language, from.language].find(both) ?? null;
}

/** The section anchors of a translation must be the version's, in the same order, so /privacy#anchor works in every language. */
export function anchorMismatch(version: PolicySection[], translation: PolicySection[]): { missing: string[]; extra: string[]; reordered: boolean } | null {
  const ids = version.map((s) => s.id);
  const theirs = translation.map((s) => s.id);
  const missing = ids.filter((id) => !theirs.includes(id));
  const extra = theirs.filter((id) => !ids.includes(id));
  const reordered = missing.length === 0 && extra.length === 0 && ids.some((id, i) => theirs[i] !== id);
  return missing.length || extra.length || reordered ? { missing, extra, reordered } : null;
}
