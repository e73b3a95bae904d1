import { FigureTable } from "@/components/figure-table";
import { CATEGORY_LABELS, daysText, type MetricsRow } from "@/lib/reports/request-metrics";

/** The §7102 figures of one year as a table, for the staff report and the public page alike. */
export function RequestMetricsTable({ rows, caption }: { rows: readonly MetricsRow[]; caption: string }) {
  return (
    <FigureTable
      showCaption
      caption={caption}
      headers={[
        "Category",
        "Received",
        "Complied with, in whole or in part",
        "Denied: identity not verified",
        "Denied: an exception in the law",
        "Denied: manifestly unfounded or excessive",
        "Denied: no such right",
        "Denied: other reasons",
        "Still open",
        "Median days to respond",
        "Mean days to respond",
      ]}
      rows={rows.map((r) => ({
        key: r.category,
        label: CATEGORY_LABELS[r.category],
        cells: [r.received, r.complied, r.deniedUnverifiable, r.deniedExemption, r.deniedUnfounded, r.deniedNotCovered, r.deniedOther, r.open, daysText(r.medianDays), daysText(r.meanDays)],
      }))}
    />
  );
}
