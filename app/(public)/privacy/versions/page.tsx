import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { listPolicyVersions } from "@/lib/policy/queries";
import { languagesOf } from "@/lib/policy/reader-text";
import { formatPolicyDate, isoDate } from "@/lib/policy/render";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policy.versions");
  return { title: t("metaTitle") };
}

export default async function PolicyVersionsPage() {
  await connection();
  const [versions, locale, t, status, current, compare, versionsPath] = await Promise.all([
    listPolicyVersions(),
    readerLocale(),
    getTranslations("policy.versions"),
    getTranslations("policy.status"),
    localeHref("/privacy"),
    localeHref("/privacy/versions/compare"),
    localeHref("/privacy/versions"),
  ]);

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p>{t.rich("intro", { link: (chunks) => <a href={current}>{chunks}</a> })}</p>
      {versions.length > 1 ? <p>{t.rich("compareIntro", { link: (chunks) => <a href={compare}>{chunks}</a> })}</p> : null}
      {versions.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              {[t("version"), t("effective"), t("lastUpdated"), t("status"), t("languages"), t("changes")].map((heading) => (
                <th key={heading} scope="col" className="py-2 pr-4 font-semibold">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => {
              // The title in the reader's language when the version has it, marked with its language when not.
              const translated = version.language === locale ? null : version.translations.find((tr) => tr.language === locale);
              const titleLanguage = translated ? locale : version.language;
              const title = translated?.title ?? version.title;
              const previous = versions[index + 1];
              return (
                <tr key={version.version} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <a href={`${versionsPath}/${encodeURIComponent(version.version)}`}>
                      {t.rich("row", { title, version: version.version, lang: (chunks) => <span lang={titleLanguage === locale ? undefined : titleLanguage}>{chunks}</span> })}
                    </a>
                  </th>
                  <td className="py-2 pr-4">
                    <time dateTime={isoDate(version.effectiveAt)}>{formatPolicyDate(version.effectiveAt, locale)}</time>
                  </td>
                  <td className="py-2 pr-4">
                    <time dateTime={isoDate(version.updatedAt)}>{formatPolicyDate(version.updatedAt, locale)}</time>
                  </td>
                  <td className="py-2 pr-4">{status(version.status)}</td>
                  <td className="py-2 pr-4">
                    {/* Each language in its own words, as the language switcher names it. */}
                    <ul aria-label={t("languages")}>
                      {languagesOf(version).map((language) => (
                        <li key={language} lang={language}>
                          {LOCALE_NAMES[language]}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-2 pr-4">
                    {previous ? (
                      <a href={`${compare}?${new URLSearchParams({ from: previous.version, to: version.version })}`}>
                        {t.rich("whatChanged", { version: version.version, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                      </a>
                    ) : (
                      t("first")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
