import Link from "next/link";
import { db } from "@/lib/db";
import { readAutoRunTypes } from "@/lib/datamap/queries";
import type { StaffUser } from "@/lib/auth/staff";
import { handlingDefaults, handlingHistory, readHandlingOverrides } from "@/lib/organization/handling";
import { describeHandling, HANDLING_FIELDS, HANDLING_KEYS, type HandlingKey } from "@/lib/organization/handling-schema";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { HandlingForm } from "./handling-form";
import { SettingsHistory } from "./settings-history";

const valueWords = (key: HandlingKey, value: number | null, defaults: Record<HandlingKey, number>) =>
  value === null ? `the default (${describeHandling(key, defaults[key])})` : describeHandling(key, value);

/** Settings → Request handling: the overrides of the environment's defaults, and their history. */
export async function HandlingSection({ admin, timeZone }: { admin: StaffUser; timeZone: string }) {
  const defaults = handlingDefaults();
  const [overrides, history, autoRun] = await Promise.all([readHandlingOverrides(db), handlingHistory(db), readAutoRunTypes(admin)]);
  const values = Object.fromEntries(HANDLING_KEYS.map((key) => [key, overrides[key] === null ? "" : String(overrides[key])]));
  return (
    <section aria-labelledby="handling-heading" className="rounded-md border border-slate-300 bg-white p-6">
      <h2 id="handling-heading" className="text-lg font-semibold text-slate-900">
        Request handling
      </h2>
      <p className="mt-1 text-slate-700">
        How long people have, and how often they and your customers are reminded. Each field left empty takes the server&apos;s
        default. Changes apply from the next page view and the next reminder pass.
      </p>
      <p className="mt-2 text-slate-700">
        Runs that start by themselves once a request is confirmed:{" "}
        <strong>{autoRun.length ? autoRun.map((t) => REQUEST_TYPE_LABELS[t]).join(", ") : "none"}</strong>.{" "}
        <Link href="/admin/data-map#auto-run-heading" className="text-blue-700 underline">
          Change on the data map
        </Link>
        , where the systems they search are.
      </p>
      <HandlingForm values={values} defaults={defaults} />
      <SettingsHistory
        id="handling-history-heading"
        heading="Changes to request handling"
        timeZone={timeZone}
        empty="The defaults have applied since the portal was set up."
        entries={history.map(({ changes, ...entry }) => ({
          ...entry,
          what: (
            <ul className="list-disc pl-5">
              {changes.map((c) => (
                <li key={c.field}>
                  {HANDLING_FIELDS[c.field]?.label ?? c.field}: {valueWords(c.field, c.from, defaults)} → {valueWords(c.field, c.to, defaults)}
                </li>
              ))}
            </ul>
          ),
        }))}
      />
    </section>
  );
}
