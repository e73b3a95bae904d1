import { DATA_CATEGORIES, DATA_USES, TAXONOMY_CREDIT } from "@/lib/datamap/taxonomy";

/** A list of fideslang keys, shown where they are typed, with the taxonomy's credit. */
function KeyList({ id, what, entries }: { id?: string; what: string; entries: readonly { key: string; name: string }[] }) {
  return (
    <details id={id} className="rounded-md border border-slate-300 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">
        Data {what} you can use ({entries.length})
      </summary>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 md:grid-cols-2">
        {entries.map((c) => (
          <div key={c.key}>
            <dt className="inline font-mono text-slate-900">{c.key}</dt>
            <dd className="inline text-slate-700"> — {c.name}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-slate-700">
        Data {what}: {TAXONOMY_CREDIT}.
      </p>
    </details>
  );
}

/** The category keys a field may hold. */
export function TaxonomyNote() {
  return <KeyList what="categories" entries={DATA_CATEGORIES} />;
}

/** Where the system form's hint points. */
export const DATA_USES_LIST_ID = "data-uses-list";

/** The data use keys a system may list. */
export function DataUsesNote() {
  return <KeyList id={DATA_USES_LIST_ID} what="uses" entries={DATA_USES} />;
}
