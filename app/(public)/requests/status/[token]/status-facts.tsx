/** Label and value rows of the status page, stacked on narrow screens. Values are our own words, not what anyone typed. */
export function StatusFacts({ rows, className = "" }: { rows: [string, string][]; className?: string }) {
  return (
    <dl className={`divide-y divide-slate-200 rounded-md border border-slate-300 ${className}`}>
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="text-slate-900 sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
