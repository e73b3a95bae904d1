import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { listSystems, mapWideHistory, readAutoRunTypes } from "@/lib/datamap/queries";
import { AUTO_RUN_TYPES, KIND_LABELS } from "@/lib/datamap/schema";
import { TAXONOMY_CREDIT } from "@/lib/datamap/taxonomy";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { setAutoRunAction, setErasureApprovalAction } from "./actions";
import { ActionForm, CheckboxField } from "./form-kit";
import { MapHistory } from "./map-history";

export const metadata: Metadata = { title: "Data map" };

const AUTO_RUN_LABELS: Record<(typeof AUTO_RUN_TYPES)[number], string> = { ACCESS: "Access requests", PORTABILITY: "Export (portability) requests" };

export default async function DataMapPage() {
  const staff = await requirePagePermission("requests.read", "/admin/data-map");
  const [{ systems, truncated }, autoRun, timeZone, wide, settings] = await Promise.all([
    listSystems(staff),
    readAutoRunTypes(staff),
    getOperatorTimeZone(),
    mapWideHistory(staff),
    db.organizationSettings.findUnique({ where: { id: 1 }, select: { erasureSecondApprover: true } }),
  ]);
  const secondApprover = settings?.erasureSecondApprover ?? false;
  const canManage = can(staff.role, "datamap.manage");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Data map</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            The systems that hold personal data, their tables and fields, and what each field holds. Access and export requests are
            answered from it: connected systems are searched automatically, and the owner of a manual system is asked.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canManage ? (
            <>
              <a href="/admin/data-map/new" className={buttonClass()}>
                Add system
              </a>
              <a href="/admin/data-map/import" className={buttonClass("secondary")}>
                Import YAML
              </a>
            </>
          ) : null}
          <a href="/admin/data-map/export" className={buttonClass("secondary")} download>
            Export YAML
          </a>
        </div>
      </div>

      {systems.length === 0 ? (
        <p className="text-slate-700">No systems are mapped yet.</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Mapped systems, by name</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">System</th>
              <th scope="col" className="p-2">Kind</th>
              <th scope="col" className="p-2">Owner</th>
              <th scope="col" className="p-2">Third party</th>
              <th scope="col" className="p-2">Collections</th>
              <th scope="col" className="p-2">Last connection test</th>
            </tr>
          </thead>
          <tbody>
            {systems.map((s) => (
              <tr key={s.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-medium">
                  <a href={`/admin/data-map/${s.id}`} className="text-blue-700 underline">
                    {s.name}
                  </a>
                  <div className="font-mono text-xs font-normal text-slate-700">{s.key}</div>
                </th>
                <td className="p-2">{KIND_LABELS[s.kind]}</td>
                <td className="p-2">{s.ownerEmail}</td>
                <td className="p-2">{s.thirdParty ? "Yes" : "No"}</td>
                <td className="p-2">{s._count.collections}</td>
                <td className="p-2">
                  {s.kind === "MANUAL" ? "Not applicable" : s.testedAt ? `${s.testOk ? "Passed" : "Failed"} · ${formatInstant(s.testedAt, timeZone, "medium")}` : "Never tested"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {truncated ? <p className="text-sm text-slate-700">Showing the first {systems.length} systems.</p> : null}
      <p className="text-sm text-slate-700">Data categories are keys of the {TAXONOMY_CREDIT}.</p>

      <section aria-labelledby="verification-questions-heading" className="max-w-2xl space-y-3">
        <h2 id="verification-questions-heading" className="text-lg font-semibold text-slate-900">
          Verifying who asks
        </h2>
        <p className="text-slate-700">
          Request types that give out or erase data can ask questions whose answers these systems hold, compared with the person&apos;s
          records after the email check.{" "}
          <Link href="/admin/data-map/verification" className="text-blue-700 underline">
            Verification questions
          </Link>
        </p>
      </section>

      <section aria-labelledby="auto-run-heading" className="max-w-2xl space-y-3">
        <h2 id="auto-run-heading" className="text-lg font-semibold text-slate-900">
          Start a run by itself after verification
        </h2>
        <p className="text-slate-700">
          When the requester has verified their email, the portal can start finding their data without waiting for an officer. The
          officer still reviews the package before it is released.
        </p>
        {canManage ? (
          <ActionForm action={setAutoRunAction} idPrefix="auto-run" submitLabel="Save automatic runs" className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            {AUTO_RUN_TYPES.map((type) => (
              <CheckboxField key={type} name={`autoRunTypes`} label={AUTO_RUN_LABELS[type]} defaultChecked={autoRun.includes(type)} value={type} />
            ))}
          </ActionForm>
        ) : (
          <p className="text-slate-900">{autoRun.length ? autoRun.map((t) => AUTO_RUN_LABELS[t as keyof typeof AUTO_RUN_LABELS] ?? t).join(", ") : "Off: officers start every run."}</p>
        )}
      </section>

      <section aria-labelledby="erasure-approval-heading" className="max-w-2xl space-y-3">
        <h2 id="erasure-approval-heading" className="text-lg font-semibold text-slate-900">
          Approving erasures
        </h2>
        <p className="text-slate-700">
          A deletion request&apos;s run finds the person&apos;s rows and shows what the erasure would do; nothing changes until an
          officer approves it. You can require that someone other than the officer who started the run approves.
        </p>
        {canManage ? (
          <ActionForm action={setErasureApprovalAction} idPrefix="erasure-approval" submitLabel="Save erasure approval" className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            <CheckboxField name="erasureSecondApprover" label="A second officer approves every erasure" defaultChecked={secondApprover} />
          </ActionForm>
        ) : (
          <p className="text-slate-900">{secondApprover ? "A second officer approves every erasure." : "The officer who started the run may approve it."}</p>
        )}
      </section>

      <MapHistory
        id="map-history-heading"
        title="Changes to the whole map"
        history={wide.history}
        truncated={wide.truncated}
        timeZone={timeZone}
      />
    </div>
  );
}
