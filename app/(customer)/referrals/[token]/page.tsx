import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { fileSize } from "@/lib/packages/display";
import { db } from "@/lib/db";
import { getCustomerReferralView, type CustomerReferralView } from "@/lib/referrals/customer";
import { referralPath } from "@/lib/referrals/refer";
import { customerWorkspaceErasure, type CustomerErasureSection } from "@/lib/referrals/workspace-erasure-view";
import { isWorkspaceErasureRefusal, WORKSPACE_ERASURE_REFUSALS, type WorkspaceErasureRefusal } from "@/lib/referrals/workspace-erasure-words";
import { acknowledgeAction, requestExportAction } from "./actions";
import { ClosedReferral } from "./closed-referral";
import { CloseForm } from "./close-form";
import { Confirmation } from "./confirmation";
import { doneFrom, type Done } from "./page-state";
import { WorkspaceErasureSection } from "./workspace-erasure-section";
import { ActionForm } from "@/components/ui/action-form";

// The link is the customer's only credential: never sent on in a Referer (the site-wide header
// says the same) and never indexed.
export const metadata: Metadata = {
  title: "Privacy request for your workspace",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

type OpenView = Extract<CustomerReferralView, { state: "open" }>;

export default async function ReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string | string[]; failed?: string | string[]; download?: string | string[]; refused?: string | string[] }>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const [view, timeZone] = await Promise.all([getCustomerReferralView(token), getOperatorTimeZone()]);
  if (!view) notFound();
  const done = doneFrom(query.done);
  if (view.state === "closed") return <ClosedReferral view={view} done={done} timeZone={timeZone} />;
  const erasure = await customerWorkspaceErasure(db, token);
  return (
    <OpenReferral
      token={token}
      view={view}
      erasure={erasure}
      done={done}
      refused={isWorkspaceErasureRefusal(query.refused) ? query.refused : null}
      failed={query.failed === "1"}
      downloadFailed={query.download === "PACKAGE_EXPIRED"}
      timeZone={timeZone}
    />
  );
}

/** The confirmation for what the customer just did, if the referral shows it really happened. */
function DoneMessage({ view, erasure, done }: { view: OpenView; erasure: CustomerErasureSection | null; done: Done | null }) {
  const run = erasure?.offered ? erasure.run : null;
  if (done === "erasure-started" && run && run.status !== "CANCELLED") {
    return (
      <Confirmation title="We are looking for the data">
        We are searching {view.workspaceName} for the requester&apos;s data. Nothing is erased until you approve: read what the erasure
        would do below.
      </Confirmation>
    );
  }
  if (done === "erasure-approved" && run?.approvedAt) {
    return (
      <Confirmation title="Erasure approved">
        We erase the requester&apos;s data in {view.workspaceName} now. The outcome shows below, and your privacy contacts get an email when
        it is done.
      </Confirmation>
    );
  }
  if (done === "erasure-cancelled" && run?.status === "CANCELLED") {
    return <Confirmation title="Erasure cancelled">Nothing was erased in {view.workspaceName}.</Confirmation>;
  }
  if (done === "acknowledged" && view.acknowledgedAt) {
    return (
      <Confirmation title="Thank you for confirming">
        We know the request reached you and will send no more reminders about it.
      </Confirmation>
    );
  }
  if (done === "export" && view.exportRequestedAt) {
    return (
      <Confirmation title="Export requested">
        {view.operatorName}&apos;s privacy team has your request for an export of the data in {view.workspaceName}. When it is ready,
        your privacy contacts get an email and you download it on this page.
      </Confirmation>
    );
  }
  return null;
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-300">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="whitespace-pre-wrap text-slate-900 sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Why an erasure step was refused; the words that send the customer to us carry our address. */
function Refusal({ code, view }: { code: WorkspaceErasureRefusal; view: OpenView }) {
  const writeToUs = code === "NO_WORKSPACE_CONTENT" || code === "LEGAL_HOLD";
  return (
    <Confirmation tone="error" title="The erasure did not go ahead">
      {WORKSPACE_ERASURE_REFUSALS[code]}
      {writeToUs ? (
        <>
          {" "}
          Our privacy team: <a href={`mailto:${view.operatorPrivacyEmail}`}>{view.operatorPrivacyEmail}</a>.
        </>
      ) : null}
    </Confirmation>
  );
}

function OpenReferral({
  token,
  view,
  erasure,
  done,
  refused,
  failed,
  downloadFailed,
  timeZone,
}: {
  token: string;
  view: OpenView;
  /** The section to instruct an erasure in the workspace (a deletion request). */
  erasure: CustomerErasureSection | null;
  done: Done | null;
  /** An erasure step just refused. */
  refused: WorkspaceErasureRefusal | null;
  failed: boolean;
  /** An export's download link was followed after it expired. */
  downloadFailed: boolean;
  /** The operator's: moments are shown in it. */
  timeZone: string;
}) {
  const formatMoment = (at: Date) => formatInstant(at, timeZone);
  const requesterName = view.requester.name.trim() || "Someone";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Privacy request {view.reference}</h1>
      <p className="mt-4 text-lg text-slate-800">
        <UntrustedText>{requesterName}</UntrustedText> asked {view.operatorName} about personal data in your workspace {view.workspaceName}. {view.customerName}{" "}
        controls that data, so the request is yours to answer; we help you with it.
      </p>
      <div className="mt-6 space-y-4">
        <DoneMessage view={view} erasure={erasure} done={done} />
        {refused ? <Refusal code={refused} view={view} /> : null}
        {failed ? (
          <Alert tone="error">That did not work because of a problem on our side. Please try again in a moment.</Alert>
        ) : null}
        {downloadFailed ? (
          <Alert tone="error">
            That download has expired. Write to <a href={`mailto:${view.operatorPrivacyEmail}`}>{view.operatorPrivacyEmail}</a> with
            the reference {view.reference} for a new copy.
          </Alert>
        ) : null}
        <div className="rounded-md border-2 border-blue-700 bg-blue-50 p-4 text-blue-950">
          <p className="text-lg font-semibold">
            {view.dueDate ? <>Answer the requester by {formatCalendarDate(view.dueDate)}</> : <>Answer the requester as soon as you can</>}
          </p>
          <p className="mt-1">The deadline is set by {view.regimeLabel}.</p>
        </div>
        {view.includesOperatorPart ? (
          <Alert tone="info" title={`${view.operatorName} answers its own part separately`}>
            The requester also asked about data {view.operatorName} controls itself. We answer them about that; you only answer for
            the data in {view.workspaceName}.
          </Alert>
        ) : (
          <p className="text-slate-800">The whole request concerns your workspace: {view.operatorName} does not answer any part of it.</p>
        )}
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Keep this page&apos;s address within your privacy team: anyone who has it can answer this request for {view.customerName}.
      </p>

      <Section id="request-heading" title="The request">
        <Facts
          rows={[
            ["Reference", view.reference],
            ["Request", view.requestTypeLabel],
            ["Law", view.regimeLabel],
            ["Answer by", view.dueDate ? formatCalendarDate(view.dueDate) : "No deadline set yet"],
            ["Workspace", view.workspaceName],
          ]}
        />
      </Section>

      <Section id="requester-heading" title="The requester">
        <Facts
          rows={[
            ["Name", view.requester.name ? <UntrustedText>{view.requester.name}</UntrustedText> : "Not given"],
            ["Email", view.requester.email ? <a href={`mailto:${view.requester.email}`}>{view.requester.email}</a> : "Not given"],
            ["How they know you", view.relationshipLabel],
          ]}
        />
        {view.details.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold text-slate-900">What they told us</h3>
            <Facts rows={view.details.map((d) => [d.label, <UntrustedText>{d.value}</UntrustedText>])} />
          </>
        ) : null}
      </Section>

      <Section id="progress-heading" title="Progress">
        <Facts
          rows={[
            ["Sent to you", formatMoment(view.sentAt)],
            ["Acknowledged", view.acknowledgedAt ? formatMoment(view.acknowledgedAt) : "Not yet"],
            ["Export of workspace data", view.exportRequestedAt ? `Requested ${formatMoment(view.exportRequestedAt)}` : "Not requested"],
          ]}
        />
        {view.status === "ESCALATED" ? (
          <p className="mt-3 text-slate-800">
            We had no answer after our reminders and told {view.operatorName}&apos;s privacy team. You can still answer here.
          </p>
        ) : null}
      </Section>

      {view.exports.length ? (
        <Section id="exports-heading" title="Your workspace export">
          <p className="mt-2 text-slate-800">
            The data {view.operatorName} holds for you in {view.workspaceName}, to answer this request. It contains the
            requester&apos;s personal data: keep it within your privacy team.
          </p>
          <ul className="mt-3 space-y-2">
            {view.exports.map((e) => (
              <li key={e.id}>
                {e.expired ? (
                  <span className="text-slate-700">
                    {e.filename}: the download expired on {formatMoment(e.expiresAt)}. Write to{" "}
                    <a href={`mailto:${view.operatorPrivacyEmail}`}>{view.operatorPrivacyEmail}</a> for a new copy.
                  </span>
                ) : (
                  <>
                    <a className="font-medium text-blue-700 underline" href={`${referralPath(encodeURIComponent(token))}/export/${e.id}`}>
                      Download {e.filename}
                    </a>{" "}
                    <span className="text-slate-700">
                      ({fileSize(e.size)}, available until {formatMoment(e.expiresAt)})
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {!view.acknowledgedAt ? (
        <Section id="acknowledge-heading" title="Confirm you have the request">
          <p className="mt-2 text-slate-800">Tell us the request reached the right people. We then stop sending reminders.</p>
          <ActionForm action={acknowledgeAction} className="mt-3">
            <input type="hidden" name="token" value={token} />
            <Button type="submit">Acknowledge</Button>
          </ActionForm>
        </Section>
      ) : null}

      {!view.exportRequestedAt ? (
        <Section id="export-heading" title="Get the data we hold for you">
          <p className="mt-2 text-slate-800">
            If you need the content of {view.workspaceName} to answer, our privacy team prepares an export. Your privacy contacts get an
            email when it is ready, and you download it on this page.
          </p>
          <ActionForm action={requestExportAction} className="mt-3">
            <input type="hidden" name="token" value={token} />
            <Button type="submit" variant="secondary">
              Ask {view.operatorName} for an export of the workspace data
            </Button>
          </ActionForm>
        </Section>
      ) : null}

      {erasure?.offered ? (
        <WorkspaceErasureSection
          token={token}
          section={erasure}
          names={{ workspaceName: view.workspaceName, operatorName: view.operatorName, operatorPrivacyEmail: view.operatorPrivacyEmail }}
          formatMoment={formatMoment}
        />
      ) : null}

      <Section id="close-heading" title="Close the request">
        <p className="mt-2 text-slate-800">
          When you have answered the requester, tell us the outcome. We email it to them with your note, and this page then only shows that the request is closed.
        </p>
        <div className="mt-4">
          <CloseForm token={token} operatorName={view.operatorName} />
        </div>
      </Section>
    </div>
  );
}
