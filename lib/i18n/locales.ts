// The languages the public pages, the request form and the emails to requesters and customers are
// written in. English is the default: what a reader gets when nothing they ask for is offered, and
// what every catalogue is checked against (lib/i18n/catalogue.test.ts). Pure, safe on the client.

export const LOCALES = ["en", "de", "fr", "es", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, as the switcher offers it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  "pt-BR": "Português (Brasil)",
};

/**
 * The locale dates and numbers are written in. English is British English, as the portal always
 * was ("22 November 2026"); the others are the country whose usage the catalogue follows.
 */
export const FORMAT_LOCALES: Record<Locale, string> = {
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
  es: "es-ES",
  "pt-BR": "pt-BR",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The offered locale for a language tag, however it is written ("de-AT", "PT", "pt_br", "fr-CA"),
 * or null. Portuguese of any country gets Brazilian Portuguese, the only Portuguese offered.
 */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (!lower) return null;
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0];
  if (base === "pt") return "pt-BR";
  return LOCALES.find((l) => l === base) ?? null;
}

/** A stored language code as a locale: anything not offered falls back to English, never a mix. */
export function localeOrDefault(code: string | null | undefined): Locale {
  return (code && matchLocale(code)) || DEFAULT_LOCALE;
}

/**
 * The best offered locale for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"): the highest
 * weighted tag that matches one, in the header's order among equals. English when none does.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== "*")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** "/de/privacy" → { locale: "de", path: "/privacy" }; "/privacy" → { locale: null, path: "/privacy" }. */
export function splitLocalePrefix(pathname: string): { locale: Locale | null; path: string } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const first = match?.[1];
  const locale = LOCALES.find((l) => l === first) ?? null;
  if (!locale) return { locale: null, path: pathname };
  return { locale, path: match?.[2] ?? "/" };
}

/**
 * A portal address in a language: "/de/requests/new". English addresses carry no prefix, except
 * where the language must hold whatever the reader's browser asks for (`pinned`: emails' links, the
 * switcher, and links on a page whose own address named its language), which get "/en/…".
 */
export function localePath(locale: Locale, path: string, pinned = false): string {
  if (locale === DEFAULT_LOCALE && !pinned) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
