import type { PolicyDiff } from "@/lib/policy/diff";

// Each line says in words whether it was added or removed (and screen readers hear it too, as
// <ins>/<del> alone are not announced); colour only repeats it.
/** A line diff of two policy texts (lib/policy/diff.ts), for the public compare page and the editor. */
export function DiffView({ diff }: { diff: PolicyDiff }) {
  if (diff.added === 0 && diff.removed === 0) return <p>The two versions have the same text.</p>;
  return (
    <>
      <p>
        {diff.added} {diff.added === 1 ? "line" : "lines"} added, {diff.removed} {diff.removed === 1 ? "line" : "lines"} removed. Sections start with “##”;
        unchanged text is shown around each change.
      </p>
      <ol aria-label="Changed lines" className="divide-y divide-slate-200 rounded-md border border-slate-300 font-mono text-sm">
        {diff.rows.map((row, index) => {
          if (row.kind === "skipped") {
            return (
              <li key={index} className="bg-slate-50 px-3 py-1 text-slate-700">
                … {row.count} unchanged {row.count === 1 ? "line" : "lines"}
              </li>
            );
          }
          if (row.kind === "same") {
            return (
              <li key={index} className="grid grid-cols-[5.5rem_1fr] gap-2 px-3 py-1">
                <span className="text-slate-600">
                  <span className="sr-only">Unchanged</span>
                </span>
                <span className="whitespace-pre-wrap break-words">{row.text || "\u00a0"}</span>
              </li>
            );
          }
          const added = row.kind === "added";
          const Tag = added ? "ins" : "del";
          return (
            <li key={index} className={`grid grid-cols-[5.5rem_1fr] gap-2 px-3 py-1 ${added ? "bg-green-50" : "bg-red-50"}`}>
              <span className={`font-sans font-semibold ${added ? "text-green-900" : "text-red-900"}`}>{added ? "+ Added" : "− Removed"}</span>
              <Tag className={`whitespace-pre-wrap break-words ${added ? "text-green-950 no-underline" : "text-red-950"}`}>{row.text || "(blank line)"}</Tag>
            </li>
          );
        })}
      </ol>
    </>
  );
}
