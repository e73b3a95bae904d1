import { db } from "@/lib/db";
import { REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { offeredTypesHistory, readOfferedTypes } from "@/lib/requests/offered-types-settings";
import { REQUEST_TYPES } from "@/lib/requests/schema";
import { RequestTypesForm } from "./request-types-form";
import { SettingsHistory } from "./settings-history";

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
      <SettingsHistory
        id="request-types-history-heading"
        heading="Changes to request types"
        entries={history.map(({ from, to, ...entry }) => ({
          ...entry,
          what: (
            <>
              <p>From: {from.join(", ")}</p>
              <p>To: {to.join(", ")}</p>
            </>
          ),
        }))}
        timeZone={timeZone}
        empty="No change since the portal was set up."
      />
    </section>
  );
}
