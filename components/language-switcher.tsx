import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES, localePath } from "@/lib/i18n/locales";
import { currentPath, readerLocale } from "@/lib/i18n/server";

/**
 * Plain links to this page in each language. Each name is written in its own language and marked
 * so (`lang`), so a screen reader says "Deutsch" in German; the address keeps the language chosen.
 */
export async function LanguageSwitcher() {
  const [locale, path, t] = await Promise.all([readerLocale(), currentPath(), getTranslations("common")]);
  return (
    <nav aria-label={t("languageNav")}>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <a href={localePath(l, path, true)} lang={l} hrefLang={l} aria-current="true" className="font-semibold text-slate-900 no-underline">
                {LOCALE_NAMES[l]}
              </a>
            ) : (
              <a href={localePath(l, path, true)} lang={l} hrefLang={l}>
                {LOCALE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
