import { DATA_CATEGORIES, TAXONOMY_CREDIT } from "@/lib/datamap/taxonomy";

/** The category keys a field may hold, listed where they are typed, with the taxonomy's credit. */
export function TaxonomyNote() {
  return (
    <details className="rounded-md border border-slate-300 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">Data categories you can use ({DATA_CATEGORIES.length})</summary>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 md:grid-cols-2">
        {DATA_CATEGORIES.map((c) => (
          <div key={c.key}>
            <dt className="inline font-mono text-slate-900">{c.key}</dt>
            <dd className="inline text-slate-700"> — {c.name}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-slate-700">Categories: {TAXONOMY_CREDIT}.</p>
    </details>
  );
}
