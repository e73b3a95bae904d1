import { CATEGORY_LABELS, daysText, type MetricsRow } from "@/lib/reports/request-metrics";

/** The §7102 figures of one year as a table, for the staff report and the public page alike. */
export function RequestMetricsTable({ rows, caption }: { rows: readonly MetricsRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left font-medium text-slate-900">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            <th scope="col" className="p-2">Category</th>
            <th scope="col" className="p-2 text-right">Received</th>
            <th scope="col" className="p-2 text-right">Complied with, in whole or in part</th>
            <th scope="col" className="p-2 text-right">Denied: identity not confirmed</th>
            <th scope="col" className="p-2 text-right">Denied: other reasons</th>
            <th scope="col" className="p-2 text-right">Still open</th>
            <th scope="col" className="p-2 text-right">Median days to respond</th>
            <th scope="col" className="p-2 text-right">Mean days to respond</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-normal">{CATEGORY_LABELS[r.category]}</th>
              <td className="p-2 text-right tabular-nums">{r.received}</td>
              <td className="p-2 text-right tabular-nums">{r.complied}</td>
              <td className="p-2 text-right tabular-nums">{r.deniedUnverifiable}</td>
              <td className="p-2 text-right tabular-nums">{r.deniedOther}</td>
              <td className="p-2 text-right tabular-nums">{r.open}</td>
              <td className="p-2 text-right tabular-nums">{daysText(r.medianDays)}</td>
              <td className="p-2 text-right tabular-nums">{daysText(r.meanDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
