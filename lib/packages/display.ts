// How a stored file is shown on the pages and the timeline.
import { DEFAULT_LOCALE, FORMAT_LOCALES, type Locale } from "@/lib/i18n/locales";

const sizeFormats = new Map<Locale, Intl.NumberFormat>();

/** "12.3 KB", "4.2 MB"; in German "12,3 KB". One decimal always, no grouping ("1024.0 KB"). */
export function fileSize(bytes: number, locale: Locale = DEFAULT_LOCALE): string {
  let format = sizeFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(FORMAT_LOCALES[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
    sizeFormats.set(locale, format);
  }
  return bytes < 1024 * 1024 ? `${format.format(bytes / 1024)} KB` : `${format.format(bytes / 1024 / 1024)} MB`;
}

/** Keeps only the extension, for roles that may not read personal data: staff may name a file after the person. */
export function maskFilename(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 && filename.length - dot <= 10 ? `•••${filename.slice(dot)}` : "•••";
}
