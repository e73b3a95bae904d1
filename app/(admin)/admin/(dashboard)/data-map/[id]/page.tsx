import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FactList } from "@/components/ui/fact-list";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { getSystemPage, referenceOptions } from "@/lib/datamap/queries";
import { KIND_LABELS } from "@/lib/datamap/schema";
import { dataUseLabel } from "@/lib/datamap/taxonomy";
import { formatInstant } from "@/lib/dates/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { deleteSystemAction, updateSystemAction } from "../actions";
import { ActionForm } from "../form-kit";
import { MapHistory } from "../map-history";
import { SystemFields } from "../system-fields";
import { DataUsesNote, TaxonomyNote } from "../taxonomy-note";
import { CollectionsSection } from "./collections-section";
import { ConnectionSection } from "./connection-section";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requirePagePermission("requests.read", `/admin/data-map/${id}`);
  const [page, references, timeZone] = await Promise.all([getSystemPage(staff, id), referenceOptions(staff), getOperatorTimeZone()]);
  if (!page) notFound();
  const { system } = page;
  const canManage = can(staff.role, "datamap.manage");
  const when = (at: Date) => formatInstant(at, timeZone, "medium");
  const sql = system.kind === "POSTGRES" || system.kind === "MYSQL";
  const dataUses = system.dataUses.length ? system.dataUses.map(dataUseLabel).join(", ") : "–";

  return (
    <div className="space-y-10">
      <div>
        <Breadcrumb href="/admin/data-map" label="Data map" current={system.name} />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{system.name}</h1>
        <p className="mt-1 text-slate-700">
          {KIND_LABELS[system.kind]} · <code>{system.key}</code> · added {when(page.createdAt)}
        </p>
      </div>

      <section aria-labelledby="details-heading" className="max-w-2xl space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold text-slate-900">
          Details
        </h2>
        {canManage ? (
          <>
            <ActionForm action={updateSystemAction} idPrefix="system" submitLabel="Save details" hidden={{ systemId: system.id }} className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
              <SystemFields system={system} />
            </ActionForm>
            {/* The form holds the keys; their names are here. */}
            {system.dataUses.length ? <p className="text-sm text-slate-700">Data uses saved: {dataUses}.</p> : null}
          </>
        ) : (
          <FactList
            className="rounded-md border border-slate-300 bg-white"
            facts={[
              ["Key", system.key],
              ["Owner", system.ownerEmail],
              ["Purpose", system.purpose],
              ["Description", system.description ?? "–"],
              ["Third party", system.thirdParty ? "Yes" : "No"],
              ["Country", system.country ?? "–"],
              ["Notice address", system.noticeEmail ?? "–"],
              ["Data uses", dataUses],
            ]}
          />
        )}
      </section>

      {system.kind === "MANUAL" ? (
        <section aria-labelledby="connection-heading" className="max-w-2xl">
          <h2 id="connection-heading" className="text-lg font-semibold text-slate-900">
            Connection
          </h2>
          <p className="mt-1 text-slate-700">A manual system has no connection: for each run, its owner ({system.ownerEmail}) is emailed a task link saying what to look for.</p>
        </section>
      ) : (
        <ConnectionSection system={system} canManage={canManage} secretSetAt={page.secretSetAt} test={page.test} when={when} />
      )}

      {sql && canManage ? (
        <section aria-labelledby="discover-heading" className="max-w-2xl space-y-2">
          <h2 id="discover-heading" className="text-lg font-semibold text-slate-900">
            Discover tables
          </h2>
          <p className="text-slate-700">Reads the database&apos;s tables, columns and foreign keys and proposes them, with categories guessed from column names. Nothing is added until you tick it and confirm.</p>
          <a href={`/admin/data-map/${system.id}/discover`} className="text-blue-700 underline">
            Discover tables of {system.name}
          </a>
        </section>
      ) : null}

      <CollectionsSection system={system} canManage={canManage} references={references} referenced={page.referenced} />
      <TaxonomyNote />
      <DataUsesNote />

      {canManage ? (
        <section aria-labelledby="remove-heading" className="max-w-2xl space-y-2">
          <h2 id="remove-heading" className="text-lg font-semibold text-slate-900">
            Remove this system
          </h2>
          <details>
            <summary className="cursor-pointer text-red-800 underline">Remove {system.name}…</summary>
            <div className="mt-2 space-y-2 rounded-md bg-amber-50 p-3">
              <p className="text-sm text-slate-900">Its collections and fields go with it, and fields of other systems stop referencing them. A system that runs have used can&apos;t be removed.</p>
              <ActionForm action={deleteSystemAction} idPrefix="remove-system" submitLabel={`Confirm: remove ${system.name}`} variant="secondary" hidden={{ systemId: system.id }} className="space-y-2" />
            </div>
          </details>
        </section>
      ) : null}

      <MapHistory id="history-heading" title="History" history={page.history} truncated={page.historyTruncated} timeZone={timeZone} />
    </div>
  );
}
