import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { offeredTypesHistory, readOfferedTypes } from "@/lib/requests/offered-types-settings";
import { REQUEST_TYPES } from "@/lib/requests/schema";
import { RequestTypesForm } from "./request-types-form";

/** Settings → Request types: what the form offers, and who changed it when. The page checks the role. */
export async function RequestTypesSection({ timeZone }: { timeZone: string }) {
  const [offered, history] = await Promise.all([readOfferedTypes(db), offeredTypesHistory(db)]);
  const words = Object.fromEntries(REQUEST_TYPES.map((t) => [t, { label: REQUEST_TYPE_LABELS[t], description: REQUEST_TYPE_DESCRIPTIONS[t] }])) as Parameters<typeof RequestTypesForm>[0]["words"];
  return (
    <section aria-labelledby="request-types-heading" className="rounded-md border border-slate-300 bg-white p-6">
      <h2 id="request-types-heading" className="text-lg font-semibold text-slate-900">
        Request types
      </h2>
      <p className="mt-1 text-slate-700">The rights people can exercise on this portal&apos;s form, as your privacy policy names them. Changes apply at once.</p>
      <RequestTypesForm offered={offered} words={words} />
      <section aria-labelledby="request-types-history-heading" className="mt-6">
        <h3 id="request-types-history-heading" className="font-semibold text-slate-900">
          Changes to request types
        </h3>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">No change since the portal was set up.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {history.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">
                  {formatInstant(entry.at, timeZone)} · {entry.by ?? "a former staff member"}
                </p>
                <p className="mt-1 text-slate-700">From: {entry.from.join(", ") || "none"}</p>
                <p className="text-slate-700">To: {entry.to.join(", ")}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
