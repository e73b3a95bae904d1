import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale, localePath, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { PATH_HEADER, PINNED_HEADER } from "@/lib/i18n/path-header";

/** The language of the page being rendered (or the action being run), as proxy.ts settled it. */
export async function readerLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * A portal address in the reader's language: `await localeHref("/privacy")` → "/de/privacy". On a
 * page whose address named its language ("/en/privacy"), English links name it too, so a reader
 * who chose English keeps it whatever their browser asks for.
 */
export async function localeHref(path: string): Promise<string> {
  const [locale, requestHeaders] = await Promise.all([readerLocale(), headers()]);
  return localePath(locale, path, requestHeaders.get(PINNED_HEADER) === "1");
}

/** This page's address without a language prefix ("/requests/new?type=ACCESS"), for the switcher. */
export async function currentPath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path?.startsWith("/") ? path : "/";
}
