import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale, localePath, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { PATH_HEADER } from "@/lib/i18n/path-header";

/** The language of the page being rendered (or the action being run), as proxy.ts settled it. */
export async function readerLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** A portal address in the reader's language: `await localeHref("/privacy")` → "/de/privacy". */
export async function localeHref(path: string): Promise<string> {
  return localePath(await readerLocale(), path);
}

/** This page's address without a language prefix ("/requests/new?type=ACCESS"), for the switcher. */
export async function currentPath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path?.startsWith("/") ? path : "/";
}
