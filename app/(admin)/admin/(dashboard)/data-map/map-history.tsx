import { ACTION_LABELS, describeEvent, type MapAction } from "@/lib/datamap/events";
import type { MapHistoryEntry } from "@/lib/datamap/queries";
import { formatInstant } from "@/lib/dates/format";

/** A list of data map events, newest first: what changed, when, by whom, and the changes in words. */
export function MapHistory({ id, title, history, truncated, timeZone }: { id: string; title: string; history: MapHistoryEntry[]; truncated: boolean; timeZone: string }) {
  return (
    <section aria-labelledby={id} className="max-w-3xl">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {truncated ? <p className="mt-1 text-sm text-slate-700">Showing the newest {history.length} events.</p> : null}
      {history.length === 0 ? <p className="mt-2 text-slate-800">Nothing yet.</p> : null}
      <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4">
        {history.map((event) => (
          <li key={event.id}>
            <p className="font-medium text-slate-900">{ACTION_LABELS[event.action as MapAction] ?? event.action}</p>
            <p className="text-sm text-slate-700">
              {formatInstant(event.at, timeZone, "medium")} · {event.actorEmail ?? "a former staff member"}
            </p>
            <ul className="text-sm text-slate-800">
              {describeEvent(event.data).map((line, i) => (
                <li key={i} className="break-words">
                  {line}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
