import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePagePermission } from "@/lib/auth/staff";
import { discoverSystem } from "@/lib/datamap/discover";
import { loadSystem } from "@/lib/datamap/load";
import { IDENTITY_LABELS } from "@/lib/datamap/schema";
import { categoryLabel } from "@/lib/datamap/taxonomy";
import { IDENTITY_TYPES } from "@/lib/datamap/types";
import { db } from "@/lib/db";
import { applyDiscoveryAction } from "../../actions";
import { ActionForm } from "../../form-kit";
import { TaxonomyNote } from "../../taxonomy-note";

export const metadata: Metadata = { title: "Discover tables" };

const box = "h-5 w-5 accent-blue-700";

/**
 * Discover reads the system's schema when the page is opened and proposes every column. Nothing
 * is ticked: the admin ticks the columns (and the suggested categories) to add, and confirms.
 */
export default async function DiscoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requirePagePermission("datamap.manage", `/admin/data-map/${id}/discover`);
  const system = /^[0-9a-f-]{36}$/i.test(id) ? await loadSystem(db, id) : null;
  if (!system) notFound();
  const discovery = await discoverSystem(id, staff);

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb href={`/admin/data-map/${id}`} label={system.name} current="Discover tables" />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">Discover tables of {system.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Tick the columns to add to the map. Suggested categories and identities are guesses from the column name: tick only those
          that are right. Columns already mapped are marked and left as they are.
        </p>
      </div>
      {!discovery.ok ? (
        <Alert tone="error" title="The tables could not be read">
          {discovery.error}
        </Alert>
      ) : discovery.collections.length === 0 ? (
        <p className="text-slate-700">The database has no tables the user can read.</p>
      ) : (
        <ActionForm action={applyDiscoveryAction} idPrefix="discover" submitLabel="Add the ticked columns" hidden={{ systemId: id }} className="space-y-6">
          {discovery.collections.map((c) => (
            <fieldset key={c.name} className="space-y-2 rounded-md border border-slate-300 bg-white p-4">
              <legend className="px-1 font-mono font-semibold text-slate-900">
                {c.name}
                {c.rowEstimate !== undefined ? <span className="ml-2 font-sans text-sm font-normal text-slate-700">about {c.rowEstimate.toLocaleString("en")} rows</span> : null}
              </legend>
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">Columns of {c.name}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">Add</th>
                    <th scope="col" className="p-2">Column</th>
                    <th scope="col" className="p-2">Suggested categories</th>
                    <th scope="col" className="p-2">Identifies by</th>
                    <th scope="col" className="p-2">Reference</th>
                  </tr>
                </thead>
                <tbody>
                  {c.fields.map((f) => {
                    const name = `${c.name}.${f.name}`;
                    const slug = name.replace(/[^A-Za-z0-9_-]/g, "_");
                    const mapped = discovery.mapped.has(name);
                    return (
                      <tr key={name} className="border-b border-slate-200 align-top">
                        <td className="p-2">
                          {mapped ? (
                            <span className="text-slate-700">Mapped</span>
                          ) : (
                            <input id={`col-${slug}`} type="checkbox" name="col" value={name} className={box} aria-label={`Add ${name}`} />
                          )}
                        </td>
                        <th scope="row" className="p-2 font-normal">
                          <label htmlFor={`col-${slug}`} className="font-mono">
                            {f.name}
                          </label>
                          <div className="text-xs text-slate-700">
                            {f.dataType}
                            {f.nullable ? "" : ", required"}
                            {f.primaryKey ? ", primary key" : ""}
                          </div>
                          {f.primaryKey ? <input type="hidden" name={`pk:${name}`} value="on" /> : null}
                        </th>
                        <td className="p-2">
                          {f.suggestedCategories.length === 0 ? <span className="text-slate-700">None guessed</span> : null}
                          {f.suggestedCategories.map((key) => (
                            <div key={key} className="flex items-center gap-2">
                              <input id={`cat-${slug}-${key}`} type="checkbox" name={`cat:${name}`} value={key} className={box} disabled={mapped} />
                              <label htmlFor={`cat-${slug}-${key}`}>
                                {categoryLabel(key)} <span className="text-xs text-slate-700">(suggestion)</span>
                              </label>
                            </div>
                          ))}
                        </td>
                        <td className="p-2">
                          <label htmlFor={`identity-${slug}`} className="sr-only">
                            {name} identifies a person by
                          </label>
                          <select id={`identity-${slug}`} name={`identity:${name}`} defaultValue="" disabled={mapped} className="rounded border border-slate-500 p-1">
                            <option value="">Nothing</option>
                            {IDENTITY_TYPES.map((t) => (
                              <option key={t} value={t}>
                                {IDENTITY_LABELS[t]}
                                {f.suggestedIdentity === t ? " (suggested)" : ""}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="p-2">
                          {f.references ? (
                            <div className="flex items-center gap-2">
                              <input id={`ref-${slug}`} type="checkbox" name={`ref:${name}`} value={f.references} className={box} disabled={mapped} defaultChecked={!mapped} />
                              <label htmlFor={`ref-${slug}`} className="font-mono">
                                {f.references}
                              </label>
                            </div>
                          ) : (
                            "–"
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </fieldset>
          ))}
        </ActionForm>
      )}
      <TaxonomyNote />
    </div>
  );
}
