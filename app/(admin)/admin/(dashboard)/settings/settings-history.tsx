import type { ReactNode } from "react";
import { formatInstant } from "@/lib/dates/format";

/** One settings change as its section lists it: when, who, and what in words. */
export type HistoryEntry = { id: string; at: Date; by: string | null; what: ReactNode };

/**
 * A section's list of changes, newest first, under its own heading; `empty` when there is none.
 * Each section words its own changes; the frame is the same everywhere.
 */
export function SettingsHistory({ id, heading, entries, timeZone, empty }: { id: string; heading: string; entries: HistoryEntry[]; timeZone: string; empty: string }) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <h3 id={id} className="font-semibold text-slate-900">
        {heading}
      </h3>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium text-slate-900">
                {formatInstant(entry.at, timeZone)} · {entry.by ?? "a former staff member"}
              </p>
              <div className="mt-1 break-words text-slate-700">{entry.what}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
