import type { ReactNode } from "react";

/**
 * Figures as a table: a row header, then numbers aligned right. The caption is for screen readers
 * under a chart that already has its title, or shown when the table stands alone.
 */
export function FigureTable({ caption, headers, rows, showCaption = false }: { caption: string; headers: string[]; rows: { key: string; label: string; cells: ReactNode[] }[]; showCaption?: boolean }) {
  return (
    <div className={`overflow-x-auto ${showCaption ? "rounded-md border border-slate-300 bg-white" : ""}`}>
      <table className={`w-full border-collapse bg-white text-left text-sm ${showCaption ? "" : "mt-2 max-w-3xl"}`}>
        <caption className={showCaption ? "px-3 py-2 text-left font-medium text-slate-900" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className={`border-b border-slate-300 ${showCaption ? "bg-slate-50" : ""}`}>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={`p-2 ${i ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-normal">{row.label}</th>
              {row.cells.map((c, i) => (
                <td key={i} className="p-2 text-right tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
