import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { readHandling } from "@/lib/organization/handling";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatCalendarDate, formatInstant, formatInstantDate } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { fileSize } from "@/lib/packages/display";
import { workspaceChoices } from "@/lib/referrals/officer-view";
import { daysUntil, REGIMES } from "@/lib/requests/deadlines";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { RELATIONSHIP_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { deliversPackage, HANDLING_ERRORS, isUnfinished, MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";
import { regionOptions, countryName } from "@/lib/requests/regions";
import { describeReceipt, receiptState } from "@/lib/requests/receipt";
import { regulatorFor } from "@/lib/requests/regulators";
import { lawLabel } from "@/lib/requests/us-state-laws";
import { fillTemplate } from "@/lib/templates/fill";
import { listTemplates } from "@/lib/templates/templates";
import { staffEventWording } from "@/lib/requests/staff-timeline";
import { detailFacts, eventDataWords } from "@/lib/requests/details-words";
import { STATUS_LABELS } from "../status-labels";
import { ActionsPanel } from "./actions-panel";
import { ProcessingSection } from "./processing-section";
import { RecipientsSection } from "./recipients-section";
import { RunPanel } from "./run-panel";
import { FactList } from "@/components/ui/fact-list";
import { RepresentationPanel } from "./representation-panel";
import { IdentityPanel } from "./identity-panel";
import { TableHead } from "@/components/ui/table-head";
import { ReferralActions, RoutePanel } from "./referral-panels";
import { ReferralList, RouteSummary, WorkspaceExportForm } from "./referral-sections";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { UntrustedText } from "@/components/ui/untrusted-text";

export const metadata: Metadata = { title: "Request" };

/** Who did it, when no staff member did. */
const ACTOR_WORDS = { REQUESTER: "the requester", STAFF: "staff", CUSTOMER: "the customer", SYSTEM: "the portal" } as const;

export default async function RequestDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    uploaded?: string;
    exportSent?: string;
    uploadError?: string;
    workspaceSearch?: string | string[];
    run?: string;
    runError?: string;
    /** The correctable field a refused new value was for (collectionId:field). */
    field?: string;
    processing?: string;
    processingError?: string;
    records?: string;
    page?: string;
    at?: string;
  }>;
}) {
  const [{ id }, { uploaded, exportSent, uploadError, workspaceSearch, processing, processingError, ...runParams }] = await Promise.all([params, searchParams]);
  const staff = await requirePagePermission("requests.read", `/admin/requests/${id}`);
  const [detail, timeZone] = await Promise.all([getRequestDetail(id, staff), getOperatorTimeZone()]);
  if (!detail) notFound();
  const now = new Date();
  // A moment, in the operator's time zone with the zone named.
  const when = (at: Date) => formatInstant(at, timeZone, "medium");
  const { request } = detail;
  const canAct = can(staff.role, "requests.act");
  const assignees = canAct
    ? await db.staff.findMany({
        where: { deactivatedAt: null, role: { in: ["ADMIN", "OFFICER"] } },
        select: { id: true, email: true, name: true },
        orderBy: { email: "asc" },
        take: 200,
      })
    : [];
  // Any request not finished can be routed again, referred ones included.
  // An appeal is of our own decision: it stays with the privacy team, never routed to a customer.
  // Saved texts to start an answer from, filled with this request's values (only for staff who act).
  const savedTexts = canAct ? await listTemplates(db) : [];
  const routable = canAct && isUnfinished(request.status) && request.type !== "APPEAL";
  const workspaces = routable ? await workspaceChoices(staff, (Array.isArray(workspaceSearch) ? workspaceSearch[0] : workspaceSearch) ?? "") : null;
  const due = request.effectiveDueAt;
  const left = due ? daysUntil(due, now, timeZone) : null;
  const receipt = describeReceipt(request, now, timeZone);
  // With the customer or not, the deadline is ours to answer for.
  const open = isUnfinished(request.status);
  const extension = REGIMES[request.jurisdiction].extension;
  const linkDays = (await readHandling(db)).packageLinkDays;
  const region = request.region ? (regionOptions(request.country).find((r) => r.value === request.region)?.label ?? request.region) : null;

  const facts: [string, string][] = [
    ["Requester", request.requesterName ?? (request.erasedAt ? "Erased" : "–")],
    ["Email", request.requesterEmail ?? (request.erasedAt ? "Erased" : "–")],
    ["Lives in", [countryName(request.country), region].filter(Boolean).join(", ")],
    ["Law", lawLabel(request.jurisdiction, request.region)],
    ["Relationship", RELATIONSHIP_LABELS[request.relationship]],
    // Emails to the requester go out in it; an answer written by hand should be too.
    ["Language", LOCALE_NAMES[request.language]],
    ["Company or workspace named", request.workspaceReference ?? "–"],
    ["Received", when(request.receivedAt)],
    ["Email confirmed", request.verifiedAt ? when(request.verifiedAt) : request.type === "OPT_OUT_SALE" ? "Not needed for an opt-out" : "Not yet"],
    ...(request.type === "OPT_OUT_SALE"
      ? [["Global Privacy Control", request.gpcSignal ? "Sent by the requester's browser with this opt-out" : "Not sent"] as [string, string]]
      : []),
    ["Due", due ? `${formatCalendarDate(due)}${request.extendedDueAt ? " (extended)" : ""}` : "Clock not started"],
    ...(receipt ? [["Receipt confirmation (CCPA)", receipt] as [string, string]] : []),
    ["Assignee", detail.assignee ? (detail.assignee.name ?? detail.assignee.email) : "Nobody"],
    ["Policy version seen", request.policyVersion ?? "–"],
  ];
  if (request.closedAt) facts.push(["Closed", when(request.closedAt)]);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Breadcrumb href="/admin/requests" label="Requests" current={request.reference} />
          <h1 className="mt-1 text-2xl font-bold text-slate-900">
            {request.typeLabel}: {request.reference}
          </h1>
          <p className="mt-1 text-slate-800">
            <span className="font-medium">{STATUS_LABELS[request.status]}</span>
            {open && left !== null ? (
              left < 0 ? (
                <span className="ml-3 font-semibold text-red-700">Overdue by {-left} {-left === 1 ? "day" : "days"}</span>
              ) : (
                <span className={`ml-3 ${left <= 7 ? "font-semibold text-amber-800" : "text-slate-700"}`}>Due in {left} {left === 1 ? "day" : "days"}</span>
              )
            ) : null}
            {receiptState(request, now, timeZone).state === "overdue" ? (
              <span className="ml-3 font-semibold text-red-700">Receipt confirmation overdue</span>
            ) : null}
          </p>
        </div>
        {can(staff.role, "audit.export") ? (
          <div className="flex gap-2">
            <a className={buttonClass("secondary")} href={`/admin/requests/${request.id}/export?format=json`}>
              Export record (JSON)
            </a>
            <a className={buttonClass("secondary")} href={`/admin/requests/${request.id}/export?format=csv`}>
              Export record (CSV)
            </a>
          </div>
        ) : null}
      </div>

      {!detail.personalVisible ? <Alert tone="info">Personal data is masked for your role.</Alert> : null}
      {uploaded ? <Alert tone="success">Data package attached.</Alert> : null}
      {exportSent ? <Alert tone="success">Workspace export sent: the customer&apos;s privacy contacts are emailed a link to download it.</Alert> : null}
      {uploadError ? <Alert tone="error">{HANDLING_ERRORS[uploadError as keyof typeof HANDLING_ERRORS] ?? "The file could not be attached."}</Alert> : null}

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <section aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="text-lg font-semibold text-slate-900">
              Request
            </h2>
            <FactList facts={facts} className="mt-3 rounded-md border border-slate-300 bg-white" />
            {request.details && typeof request.details === "object" && Object.keys(request.details).length ? (
              <>
                <h3 className="mt-4 font-semibold text-slate-900">What they asked</h3>
                <FactList facts={detailFacts(request.details)} className="mt-2 rounded-md border border-slate-300 bg-white" />
              </>
            ) : null}
            {detail.appealOf ? (
              <p className="mt-3 text-slate-800">
                Appeal of{" "}
                <a className="text-blue-700 underline" href={`/admin/requests/${detail.appealOf.id}`}>
                  {detail.appealOf.reference}
                </a>
              </p>
            ) : null}
            {detail.appeals.length ? (
              <p className="mt-3 text-slate-800">
                Appealed in{" "}
                {detail.appeals.map((a) => (
                  <a key={a.id} className="text-blue-700 underline" href={`/admin/requests/${a.id}`}>
                    {a.reference}
                  </a>
                ))}
              </p>
            ) : null}
            {detail.duplicateOf && isUnfinished(request.status) ? (
              <div className="mt-3">
                <Alert tone="info" title="Possible duplicate">
                  Same confirmed email address and type as{" "}
                  <a className="underline" href={`/admin/requests/${detail.duplicateOf.id}`}>
                    {detail.duplicateOf.reference}
                  </a>{" "}
                  (received {when(detail.duplicateOf.receivedAt)}, {STATUS_LABELS[detail.duplicateOf.status].toLowerCase()}).
                  {canAct ? " Merge it into that request, or keep both, under Actions." : ""}
                </Alert>
              </div>
            ) : null}
            {detail.duplicateOf && request.status === "MERGED" ? (
              <p className="mt-3 text-slate-800">
                Merged into{" "}
                <a className="text-blue-700 underline" href={`/admin/requests/${detail.duplicateOf.id}`}>
                  {detail.duplicateOf.reference}
                </a>
                , which answers both.
              </p>
            ) : null}
            {detail.mergedIn.length ? (
              <p className="mt-3 text-slate-800">
                Merged into this request:{" "}
                {detail.mergedIn.map((m, i) => (
                  <Fragment key={m.id}>
                    {i ? ", " : ""}
                    <a className="text-blue-700 underline" href={`/admin/requests/${m.id}`}>
                      {m.reference}
                    </a>
                  </Fragment>
                ))}
              </p>
            ) : null}
          </section>

          {detail.identity.check !== "NOT_NEEDED" ? <IdentityPanel identity={detail.identity} when={when} /> : null}

          {detail.representation && request.submittedBy !== "SELF" ? (
            <RepresentationPanel
              requestId={request.id}
              submittedBy={request.submittedBy}
              verifiedAt={request.verifiedAt}
              representation={detail.representation}
              when={when}
              canOpen={detail.personalVisible}
            />
          ) : null}

          {detail.otherRequests.total ? (
            <section aria-labelledby="others-heading">
              <h2 id="others-heading" className="text-lg font-semibold text-slate-900">
                Other requests from this address
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {detail.otherRequests.total} in the 12 months before today
                {detail.otherRequests.total > detail.otherRequests.requests.length ? `; the newest ${detail.otherRequests.requests.length} are listed` : ""}. If you deny
                this request as manifestly unfounded or excessive, this list is kept with the decision as evidence.
              </p>
              <table className="mt-3 w-full border-collapse text-left text-sm">
                <TableHead labels={["Reference", "Type", "Received", "Status"]} />
                <tbody>
                  {detail.otherRequests.requests.map((r) => (
                    <tr key={r.id} className="border-b border-slate-200">
                      <td className="py-2 pr-4">
                        <a className="text-blue-700 underline" href={`/admin/requests/${r.id}`}>
                          {r.reference}
                        </a>
                      </td>
                      <td className="py-2 pr-4">{REQUEST_TYPE_LABELS[r.type]}</td>
                      <td className="py-2 pr-4">{when(r.receivedAt)}</td>
                      <td className="py-2 pr-4">{STATUS_LABELS[r.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}

          <RouteSummary routing={detail.routing} />
          <ReferralList referrals={detail.referrals} timeZone={timeZone} />

          {detail.messages.length ? (
            <section aria-labelledby="messages-heading">
              <h2 id="messages-heading" className="text-lg font-semibold text-slate-900">
                Messages with the requester
              </h2>
              <ol className="mt-3 space-y-3">
                {detail.messages.map((m) => (
                  <li key={m.id} className={`rounded-md border p-3 ${m.author === "STAFF" ? "border-blue-200 bg-blue-50" : "border-slate-300 bg-white"}`}>
                    <p className="text-sm text-slate-700">
                      {m.author === "STAFF"
                        ? `Us (${m.staff?.email ?? "staff"})${request.submittedBy === "AGENT" ? `, to the ${m.party === "SUBJECT" ? "consumer" : "agent"}` : ""}`
                        : request.submittedBy === "SELF"
                          ? "Requester"
                          : m.party === "SUBJECT"
                            ? "The consumer"
                            : request.submittedBy === "AGENT"
                              ? "The agent"
                              : "The parent or guardian"}{" "}
                      · {when(m.createdAt)}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap text-slate-900">{m.body === null ? "(masked)" : <UntrustedText>{m.body}</UntrustedText>}</p>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {(deliversPackage(request.type) || request.type === "DELETION" || request.type === "CORRECTION") && request.verifiedAt ? (
            <RunPanel
              requestId={request.id}
              open={open}
              staff={staff}
              timeZone={timeZone}
              done={runParams.run}
              error={runParams.runError}
              errorField={runParams.field}
              records={runParams.records}
              page={runParams.page}
              at={runParams.at}
              erasable={request.type === "DELETION"}
            />
          ) : null}

          {deliversPackage(request.type) ? (
            <section aria-labelledby="packages-heading">
              <h2 id="packages-heading" className="text-lg font-semibold text-slate-900">
                Data package
              </h2>
              {detail.packages.length ? (
                <ul className="mt-3 space-y-1">
                  {detail.packages.map((p) => (
                    <li key={p.id} className="text-slate-900">
                      {p.filename} · {fileSize(p.size)} ·{" "}
                      {p.purgedAt
                        ? `download link expired ${formatInstantDate(p.expiresAt, timeZone)}, file deleted on ${formatInstantDate(p.purgedAt, timeZone)}`
                        : `download link until ${formatInstantDate(p.expiresAt, timeZone)} (once completed)`}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-slate-700">No file attached yet.</p>
              )}
              {detail.allowedActions.includes("attachPackage") ? (
                <form
                  method="post"
                  action={`/admin/requests/${request.id}/package`}
                  encType="multipart/form-data"
                  className="mt-3 flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-white p-4"
                >
                  <div>
                    <label htmlFor="package-file" className="block text-sm font-medium text-slate-900">
                      File (up to {MAX_PACKAGE_BYTES / 1024 / 1024} MB; stored encrypted)
                    </label>
                    <input id="package-file" name="file" type="file" required className={`${inputClass} mt-1`} />
                  </div>
                  <button type="submit" className={buttonClass("secondary")}>
                    Attach file
                  </button>
                </form>
              ) : null}
            </section>
          ) : null}

          <ProcessingSection
            request={request}
            open={open}
            canAct={canAct}
            personalVisible={detail.personalVisible}
            dayOf={(at) => formatInstantDate(at, timeZone)}
            outcome={{ done: processing, error: processingError, at: runParams.at }}
          />

          <RecipientsSection
            requestId={request.id}
            type={request.type}
            open={open}
            personalVisible={detail.personalVisible}
            dayOf={(at) => formatInstantDate(at, timeZone)}
          />

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="text-lg font-semibold text-slate-900">
              Timeline
            </h2>
            {detail.timelineTruncated ? <p className="mt-1 text-sm text-slate-700">Showing the newest events; export the record for all of them.</p> : null}
            <ol className="mt-3 space-y-2 border-l-2 border-slate-300 pl-4">
              {detail.timeline.map((event) => {
                const wording = staffEventWording(event.action, event.data);
                return (
                  <li key={event.id}>
                    <p className="text-slate-900">
                      {/* The event's code is for the record export; here it is only the title's tooltip. */}
                      <span className="font-medium" title={event.action}>
                        {wording.title}
                      </span>
                      {event.fromStatus !== event.toStatus && event.toStatus ? (
                        <span className="text-slate-700">
                          {" "}
                          · {event.fromStatus ? `${STATUS_LABELS[event.fromStatus]} → ` : ""}
                          {STATUS_LABELS[event.toStatus]}
                        </span>
                      ) : null}
                      <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${event.visibility === "PUBLIC" ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-900"}`}>
                        {event.visibility === "PUBLIC" ? "Requester sees this" : "Internal"}
                      </span>
                    </p>
                    <p className="text-sm text-slate-700">
                      {when(event.at)} · {event.actorStaff?.email ?? ACTOR_WORDS[event.actorType]}
                    </p>
                    {wording.detail ? (
                      <p className="text-sm whitespace-pre-wrap text-slate-800">
                        <UntrustedText>{wording.detail}</UntrustedText>
                      </p>
                    ) : eventDataWords(event.data) ? (
                      <p className="text-sm whitespace-pre-wrap text-slate-800">
                        <UntrustedText>{eventDataWords(event.data)!}</UntrustedText>
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>

        <aside aria-label="Actions" className="space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">Actions</h2>
          {canAct && detail.allowedActions.length ? (
            <ActionsPanel
              requestId={request.id}
              reference={request.reference}
              allowed={detail.allowedActions}
              deliversPackage={deliversPackage(request.type)}
              hasPackage={detail.packages.length > 0}
              extensionLabel={extension ? `The law allows ${extension.amount} more ${extension.unit === "businessDays" ? "business days" : extension.unit}.` : null}
              appealAvailable={request.regime.appealAvailable}
              regulator={regulatorFor(request.jurisdiction, request.region)}
              assigneeId={detail.assignee?.id ?? null}
              duplicateOf={detail.duplicateOf && isUnfinished(request.status) ? { reference: detail.duplicateOf.reference } : null}
              spamBlockDays={getEnv().SPAM_BLOCK_DAYS}
              otherRequests={detail.otherRequests.total}
              submittedBy={request.submittedBy}
              identityDecisions={
                !request.closedAt && detail.identity.check === "FOR_OFFICER"
                  ? ["PASSED", "FAILED"]
                  : !request.closedAt && detail.identity.check === "FAILED"
                    ? ["PASSED"]
                    : []
              }
              assignees={assignees.map((a) => ({ id: a.id, label: a.name ? `${a.name} (${a.email})` : a.email }))}
              templates={savedTexts.map((t) => ({
                id: t.id,
                action: t.action,
                title: t.title,
                body: fillTemplate(t.body, {
                  requesterName: request.requesterName,
                  reference: request.reference,
                  dueDate: due ? formatCalendarDate(due) : null,
                  law: lawLabel(request.jurisdiction, request.region),
                }),
              }))}
            />
          ) : (
            <p className="text-slate-700">{canAct ? "Nothing to do: this request is closed." : "Your role can read requests but not act on them."}</p>
          )}
          {canAct
            ? detail.referrals
                .filter((r) => r.open)
                .map((r) => {
                  // What the customer asked us for comes first.
                  const exportForm = <WorkspaceExportForm requestId={request.id} referral={r} linkDays={linkDays} timeZone={timeZone} />;
                  return (
                    <Fragment key={r.id}>
                      {r.exportRequestedAt ? exportForm : null}
                      <ReferralActions
                        requestId={request.id}
                        referralId={r.id}
                        customerName={r.customer.legalName}
                        activeLinks={r.activeLinks}
                        wholeRequest={request.route === "CUSTOMER"}
                      />
                      {r.exportRequestedAt ? null : exportForm}
                    </Fragment>
                  );
                })
            : null}
          {workspaces ? (
            <RoutePanel
              requestId={request.id}
              reference={request.reference}
              candidates={detail.routing.candidates}
              workspaces={workspaces.options}
              search={workspaces.kind === "search" ? { term: workspaces.search, more: workspaces.more } : null}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
