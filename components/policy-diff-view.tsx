import type { PolicyDiff } from "@/lib/policy/diff";

/** The view's words; the public compare page passes the reader's language's (the "policy" catalogue's diff). */
export type DiffWords = {
  same: string;
  counts: (added: number, removed: number) => string;
  changedLines: string;
  skipped: (count: number) => string;
  unchanged: string;
  added: string;
  removed: string;
  blankLine: string;
};

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

// The editor's preview (a client component, which may not load catalogues) and the tests: the dashboard is English.
const ENGLISH: DiffWords = {
  same: "The two versions have the same text.",
  counts: (added, removed) => `${lines(added)} added, ${lines(removed)} removed. Sections start with “##”; unchanged text is shown around each change.`,
  changedLines: "Changed lines",
  skipped: (count) => `… ${count} unchanged ${count === 1 ? "line" : "lines"}`,
  unchanged: "Unchanged",
  added: "+ Added",
  removed: "− Removed",
  blankLine: "(blank line)",
};

// Each line says in words whether it was added or removed (and screen readers hear it too, as
// <ins>/<del> alone are not announced); colour only repeats it.
/** A line diff of two policy texts (lib/policy/diff.ts), for the public compare page and the editor. */
export function DiffView({ diff, words = ENGLISH, textLang }: { diff: PolicyDiff; words?: DiffWords; textLang?: string }) {
  if (diff.added === 0 && diff.removed === 0) return <p>{words.same}</p>;
  return (
    <>
      <p>{words.counts(diff.added, diff.removed)}</p>
      <ol aria-label={words.changedLines} className="divide-y divide-slate-200 rounded-md border border-slate-300 font-mono text-sm">
        {diff.rows.map((row, index) => {
          if (row.kind === "skipped") {
            return (
              <li key={index} className="bg-slate-50 px-3 py-1 text-slate-700">
                {words.skipped(row.count)}
              </li>
            );
          }
          if (row.kind === "same") {
            return (
              <li key={index} className="grid grid-cols-[5.5rem_1fr] gap-2 px-3 py-1">
                <span className="text-slate-600">
                  <span className="sr-only">{words.unchanged}</span>
                </span>
                <span className="whitespace-pre-wrap break-words" lang={textLang}>
                  {row.text || "\u00a0"}
                </span>
              </li>
            );
          }
          const added = row.kind === "added";
          const Tag = added ? "ins" : "del";
          return (
            <li key={index} className={`grid grid-cols-[5.5rem_1fr] gap-2 px-3 py-1 ${added ? "bg-green-50" : "bg-red-50"}`}>
              <span className={`font-sans font-semibold ${added ? "text-green-900" : "text-red-900"}`}>{added ? words.added : words.removed}</span>
              <Tag className={`whitespace-pre-wrap break-words ${added ? "text-green-950 no-underline" : "text-red-950"}`} lang={row.text ? textLang : undefined}>
                {row.text || words.blankLine}
              </Tag>
            </li>
          );
        })}
      </ol>
    </>
  );
}
