import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DiffView } from "@/components/policy-diff-view";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import type { PolicyVersionSummary } from "@/lib/policy/content";
import { diffPolicyMarkdown } from "@/lib/policy/diff";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { diffWords, languageName, unsetWords } from "@/lib/policy/page-words";
import { getPolicyVersion, listPolicyVersions } from "@/lib/policy/queries";
import { policyForReader } from "@/lib/policy/reader";
import { compareLanguage, type ReaderPolicy } from "@/lib/policy/reader-text";
import { fillPlaceholders, fillPolicySections, formatPolicyDate } from "@/lib/policy/render";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policy.compare");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

function one(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim().slice(0, 100) : null;
}

// Any two published versions side by side as a list of changed lines; a plain GET form, so it
// works without JavaScript, and each change is named in words, not colour alone. Both are
// compared in the reader's language when both have it, else in a language both were published in.
export default async function CompareVersionsPage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const [versions, org, locale, t] = await Promise.all([listPolicyVersions(), getOrganizationSettings(), readerLocale(), getTranslations("policy.compare")]);
  const currentIndex = Math.max(0, versions.findIndex((v) => v.status === "current"));
  // Without a choice: what the current version changed from the one before it.
  const fromName = one(query.from) ?? versions[currentIndex + 1]?.version ?? null;
  const toName = one(query.to) ?? versions[currentIndex]?.version ?? null;
  const [from, to] = await Promise.all([fromName ? getPolicyVersion(fromName) : null, toName ? getPolicyVersion(toName) : null]);

  const problems: string[] = [];
  if (fromName && !from) problems.push(t("noFrom", { name: fromName }));
  if (toName && !to) problems.push(t("noTo", { name: toName }));
  if (from && to && from.version === to.version) problems.push(t("same"));

  const summaryOf = (name: string) => versions.find((v) => v.version === name) ?? { language: "en" as Locale, translations: [] };
  const language = from && to ? compareLanguage(summaryOf(from.version), summaryOf(to.version), locale) : null;
  const [fromText, toText] = from && to && problems.length === 0 ? await Promise.all([policyForReader(from, language ?? from.language), policyForReader(to, language ?? to.language)]) : [null, null];
  const markdown = (policy: ReaderPolicy) => sectionsToMarkdown(fillPolicySections(policy.sections, org, unsetWords(policy.language)));
  const diff = fromText && toText ? diffPolicyMarkdown(markdown(fromText), markdown(toText)) : null;
  const [words, allVersions, action, versionPath] = await Promise.all([diffWords(), localeHref("/privacy/versions"), localeHref("/privacy/versions/compare"), localeHref("/privacy/versions/")]);
  const optionStatus = await getTranslations("policy.compare.optionStatus");
  const label = (v: PolicyVersionSummary) => t("option", { version: v.version, effective: formatPolicyDate(v.effectiveAt, locale), status: optionStatus(v.status) });
  const link = (name: string) => (chunks: ReactNode) => <a href={`${versionPath}${encodeURIComponent(name)}`}>{chunks}</a>;

  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <a href={allVersions}>{t("allVersions")}</a>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      {versions.length < 2 ? (
        <p>{versions.length === 1 ? t("onlyOne") : t("noneYet")}</p>
      ) : (
        <form method="get" action={action} className="flex flex-wrap items-end gap-4 rounded-md bg-slate-50 p-4">
          <VersionSelect id="compare-from" name="from" text={t("earlier")} options={versions.map((v) => ({ value: v.version, label: label(v) }))} value={from?.version} />
          <VersionSelect id="compare-to" name="to" text={t("later")} options={versions.map((v) => ({ value: v.version, label: label(v) }))} value={to?.version} />
          <button type="submit" className={buttonClass()}>
            {t("submit")}
          </button>
        </form>
      )}
      {problems.length ? (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      {fromText && toText && diff ? (
        <section aria-labelledby="changes-heading" className="space-y-4">
          <h2 id="changes-heading" className="text-2xl font-semibold">
            {t.rich("heading", { from: fromText.version, to: toText.version, fromLink: link(fromText.version), toLink: link(toText.version) })}
          </h2>
          {language === null ? (
            <p role="note">{t("ownLanguages")}</p>
          ) : language !== locale ? (
            <p role="note">{t("comparedIn", { language: await languageName(language) })}</p>
          ) : null}
          {toText.changeSummary ? (
            <div className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4">
              <p className="font-semibold">{t("publisherSummary", { version: toText.version })}</p>
              <p className="mt-1 whitespace-pre-line" lang={toText.language === locale ? undefined : toText.language}>
                {fillPlaceholders(toText.changeSummary, org, unsetWords(toText.language))}
              </p>
            </div>
          ) : null}
          <DiffView diff={diff} words={words} textLang={language && language !== locale ? language : undefined} />
        </section>
      ) : null}
    </div>
  );
}

function VersionSelect({ id, name, text, options, value }: { id: string; name: string; text: string; options: { value: string; label: string }[]; value?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {text}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="mt-1 block rounded-md border border-slate-500 bg-white px-3 py-2">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
