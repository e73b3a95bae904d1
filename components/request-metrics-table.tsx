import { getTranslations } from "next-intl/server";
import { FigureTable } from "@/components/figure-table";
import { FORMAT_LOCALES } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import type { MetricCategory, MetricsRow } from "@/lib/reports/request-metrics";

const CATEGORY_KEYS = { know: "know", delete: "delete", correct: "correct", opt_out: "optOut", limit: "limit" } as const satisfies Record<MetricCategory, string>;

/**
 * The §7102 figures of one year as a table, for the staff report and the public page alike, in
 * the page's language: the dashboard is English (proxy.ts), the public page the reader's. Days
 * with one decimal ("12.5", "12,5"), or "–" without a response.
 */
export async function RequestMetricsTable({ rows, caption }: { rows: readonly MetricsRow[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations("pages.metrics"), readerLocale()]);
  const count = new Intl.NumberFormat(FORMAT_LOCALES[locale]);
  const days = new Intl.NumberFormat(FORMAT_LOCALES[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const daysText = (value: number | null) => (value === null ? "–" : days.format(value));
  return (
    <FigureTable
      showCaption
      caption={caption}
      headers={[
        t("columns.category"),
        t("columns.received"),
        t("columns.complied"),
        t("columns.deniedUnverifiable"),
        t("columns.deniedExemption"),
        t("columns.deniedUnfounded"),
        t("columns.deniedNotCovered"),
        t("columns.deniedOther"),
        t("columns.open"),
        t("columns.medianDays"),
        t("columns.meanDays"),
      ]}
      rows={rows.map((r) => ({
        key: r.category,
        label: t(`categories.${CATEGORY_KEYS[r.category]}`),
        cells: [...[r.received, r.complied, r.deniedUnverifiable, r.deniedExemption, r.deniedUnfounded, r.deniedNotCovered, r.deniedOther, r.open].map((n) => count.format(n)), daysText(r.medianDays), daysText(r.meanDays)],
      }))}
    />
  );
}
