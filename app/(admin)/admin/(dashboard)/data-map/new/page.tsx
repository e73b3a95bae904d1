import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePagePermission } from "@/lib/auth/staff";
import { createSystemAction } from "../actions";
import { ActionForm } from "../form-kit";
import { SystemFields } from "../system-fields";
import { DataUsesNote } from "../taxonomy-note";

export const metadata: Metadata = { title: "Add a system" };

export default async function NewSystemPage() {
  await requirePagePermission("datamap.manage", "/admin/data-map/new");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <Breadcrumb href="/admin/data-map" label="Data map" current="Add a system" />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">Add a system</h1>
        <p className="mt-1 text-slate-700">Connection settings, tables and fields come next, on the system&apos;s page.</p>
      </div>
      <ActionForm action={createSystemAction} idPrefix="new-system" submitLabel="Add system" className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
        <SystemFields />
      </ActionForm>
      <DataUsesNote />
    </div>
  );
}
