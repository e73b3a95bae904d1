import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePagePermission } from "@/lib/auth/staff";
import { KIND_LABELS, SYSTEM_KINDS } from "@/lib/datamap/schema";
import { importAction } from "../actions";
import { ActionForm, SelectField, TextField } from "../form-kit";
import { TaxonomyNote } from "../taxonomy-note";

export const metadata: Metadata = { title: "Import a data map" };

export default async function ImportPage() {
  await requirePagePermission("datamap.manage", "/admin/data-map/import");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Breadcrumb href="/admin/data-map" label="Data map" current="Import" />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">Import a data map</h1>
        <p className="mt-1 text-slate-700">
          A YAML file in the fideslang dataset format: this portal&apos;s own export, or a dataset file from Ethyca Fides. Each dataset
          becomes the system with its <code>fides_key</code> (created, or updated when it exists: its collections and fields become the
          file&apos;s). The whole file is checked first; if anything is wrong, nothing changes and every problem is listed. Secrets are
          never in the file: set them on each system&apos;s page.
        </p>
      </div>
      <ActionForm action={importAction} idPrefix="import" submitLabel="Check and import" encType="multipart/form-data" className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
        <div>
          <label htmlFor="import-file" className="block font-medium text-slate-900">
            YAML file
          </label>
          <input id="import-file" name="file" type="file" accept=".yml,.yaml,text/yaml,application/yaml" className="mt-1 block" />
        </div>
        <TextField name="yaml" label="Or paste the YAML" rows={8} hint="Used when no file is chosen." />
        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 font-semibold text-slate-900">For datasets without this portal&apos;s meta (plain Fides datasets)</legend>
          <p className="text-sm text-slate-700">A Fides dataset does not say who owns the system or how it is reached. Say it here; you can change each system afterwards.</p>
          <TextField name="defaultOwnerEmail" label="Owner's email" type="email" />
          <SelectField name="defaultKind" label="Kind" options={[{ value: "", label: "Choose a kind" }, ...SYSTEM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))]} defaultValue="" />
          <TextField name="defaultPurpose" label="Purpose" hint="Used when the dataset has no description." />
        </fieldset>
      </ActionForm>
      <TaxonomyNote />
    </div>
  );
}
