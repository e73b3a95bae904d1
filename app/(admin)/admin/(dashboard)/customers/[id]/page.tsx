import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { ACTION_LABELS, describeChanges, type CustomerAction } from "@/lib/customers/events";
import { DETAIL_WORKSPACES, getCustomer, listCustomerReferrals, REFERRALS_SHOWN, type CustomerReferral } from "@/lib/customers/queries";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { LANGUAGE_LABELS, type CustomerLanguage } from "@/lib/customers/schema";
import { formatInstant } from "@/lib/dates/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { CustomerForm } from "../customer-form";
import { RemoveWorkspace } from "./remove-workspace";
import { WorkspaceForm } from "./workspace-form";
import { FactList } from "@/components/ui/fact-list";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requirePagePermission("requests.read", `/admin/customers/${id}`);
  const [customer, timeZone, referrals] = await Promise.all([getCustomer(staff, id), getOperatorTimeZone(), listCustomerReferrals(staff, id)]);
  if (!customer) notFound();
  const when = (at: Date) => formatInstant(at, timeZone, "medium");
  const canManage = can(staff.role, "customers.manage");
  const language = LANGUAGE_LABELS[customer.language as CustomerLanguage] ?? customer.language;

  return (
    <div className="space-y-10">
      <div>
        <Breadcrumb href="/admin/customers" label="Customers" current={customer.legalName} />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{customer.legalName}</h1>
        <p className="mt-1 text-slate-700">Registered {when(customer.createdAt)}</p>
      </div>

      <section aria-labelledby="details-heading" className="max-w-2xl">
        <h2 id="details-heading" className="text-lg font-semibold text-slate-900">
          Details
        </h2>
        <div className="mt-3">
          {canManage ? (
            <div className="rounded-md border border-slate-300 bg-white p-6">
              <CustomerForm
                customer={{
                  id: customer.id,
                  legalName: customer.legalName,
                  privacyEmails: customer.privacyEmails,
                  language: customer.language,
                  dpaReference: customer.dpaReference,
                  notifyRecipientChanges: customer.notifyRecipientChanges,
                }}
              />
            </div>
          ) : (
            <FactList
              className="rounded-md border border-slate-300 bg-white"
              facts={[
                ["Legal name", customer.legalName],
                ["Privacy contacts", customer.privacyEmails.join(", ")],
                ["Language", language],
                ["DPA reference", customer.dpaReference ?? "–"],
                ["Emailed when our recipients change", customer.notifyRecipientChanges ? "Yes" : "No"],
              ]}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="workspaces-heading" className="max-w-2xl space-y-4">
        <h2 id="workspaces-heading" tabIndex={-1} className="text-lg font-semibold text-slate-900">
          Workspaces
        </h2>
        <p className="text-slate-700">
          Requests are matched to a workspace by its slug, one of its domains or its name. Each slug and each domain belongs to one
          workspace only.
        </p>
        {customer.workspaces.length === 0 ? <p className="text-slate-700">No workspaces yet.</p> : null}
        {customer._count.workspaces > customer.workspaces.length ? (
          <p className="text-slate-700">Showing the first {DETAIL_WORKSPACES} of {customer._count.workspaces} workspaces.</p>
        ) : null}
        {customer.workspaces.map((workspace) => {
          const referrals = workspace._count.referrals;
          return (
            <section key={workspace.id} aria-labelledby={`workspace-${workspace.id}-heading`} className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
              <div>
                <h3 id={`workspace-${workspace.id}-heading`} className="font-semibold text-slate-900">
                  {workspace.name}
                </h3>
                <p className="text-sm text-slate-700">
                  {referrals === 0 ? "No referrals yet" : referrals === 1 ? "1 referral" : `${referrals} referrals`}
                </p>
              </div>
              {canManage ? (
                <>
                  <WorkspaceForm customerId={customer.id} workspace={{ id: workspace.id, name: workspace.name, slug: workspace.slug, domains: workspace.domains }} />
                  {referrals === 0 ? (
                    <RemoveWorkspace workspace={{ id: workspace.id, name: workspace.name, slug: workspace.slug }} focusAfterId="workspaces-heading" />
                  ) : (
                    <p className="text-sm text-slate-700">It can&apos;t be removed: requests were referred to the customer through it.</p>
                  )}
                </>
              ) : (
                <FactList
                  className="rounded-md border border-slate-300 bg-white"
                  facts={[
                    ["Slug", workspace.slug],
                    ["Domains", workspace.domains.join(", ") || "–"],
                  ]}
                />
              )}
            </section>
          );
        })}
        {canManage ? (
          <section aria-labelledby="add-workspace-heading" className="space-y-4 rounded-md border border-blue-200 bg-blue-50 p-6">
            <h3 id="add-workspace-heading" className="font-semibold text-slate-900">
              Add a workspace
            </h3>
            <WorkspaceForm customerId={customer.id} />
          </section>
        ) : null}
      </section>

      <section aria-labelledby="referrals-heading" className="space-y-4">
        <h2 id="referrals-heading" className="text-lg font-semibold text-slate-900">
          Referrals
        </h2>
        <ReferralTable caption="Open referrals, the longest waiting first" rows={referrals.open} more={referrals.moreOpen} when={when} empty="No open referral." />
        <ReferralTable caption="Closed referrals, the newest first" rows={referrals.closed} more={referrals.moreClosed} when={when} empty="No closed referral yet." />
      </section>

      <section aria-labelledby="history-heading" className="max-w-3xl">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          History
        </h2>
        {customer.historyTruncated ? <p className="mt-1 text-sm text-slate-700">Showing the newest {customer.history.length} events.</p> : null}
        {customer.history.length === 0 ? <p className="mt-1 text-slate-700">No changes recorded yet.</p> : null}
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4 empty:hidden">
          {customer.history.map((event) => {
            const workspaceSlug = (event.data as { workspaceSlug?: string } | null)?.workspaceSlug;
            return (
              <li key={event.id}>
                <p className="text-slate-900">
                  <span className="font-medium">{ACTION_LABELS[event.action as CustomerAction] ?? event.action}</span>
                  {workspaceSlug ? <span className="text-slate-700"> · {workspaceSlug}</span> : null}
                </p>
                <p className="text-sm text-slate-700">
                  {when(event.at)} · {event.actorEmail ?? "a former staff member"}
                </p>
                <ul className="text-sm text-slate-800">
                  {describeChanges(event.data).map((line) => (
                    <li key={line} className="break-words">
                      {line}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

/** One list of the customer's referrals: which request, through which workspace, where it stands, and when. */
function ReferralTable({ caption, rows, more, when, empty }: { caption: string; rows: CustomerReferral[]; more: boolean; when: (at: Date) => string; empty: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left font-medium text-slate-900">
          {caption}
          {more ? <span className="font-normal text-slate-700"> (the first {REFERRALS_SHOWN})</span> : null}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            <th scope="col" className="p-2">Request</th>
            <th scope="col" className="p-2">Workspace</th>
            <th scope="col" className="p-2">Where it stands</th>
            <th scope="col" className="p-2">Sent</th>
            <th scope="col" className="p-2">Acknowledged</th>
            <th scope="col" className="p-2">Closed</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-2 text-slate-700">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-normal">
                <a href={`/admin/requests/${r.requestId}`} className="font-mono text-blue-700 underline underline-offset-4">
                  {r.reference}
                </a>
                <span className="block text-slate-700">{REQUEST_TYPE_LABELS[r.type]}</span>
              </th>
              <td className="p-2">{r.workspace}</td>
              <td className="p-2">{r.state}</td>
              <td className="p-2">{when(r.sentAt)}</td>
              <td className="p-2">{r.acknowledgedAt ? when(r.acknowledgedAt) : "–"}</td>
              <td className="p-2">{r.closedAt ? when(r.closedAt) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
