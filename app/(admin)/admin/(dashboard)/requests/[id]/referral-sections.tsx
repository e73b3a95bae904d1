import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { fileSize } from "@/lib/packages/display";
import type { OfficerReferral, Routing } from "@/lib/referrals/officer-view";
import { ROUTE_LABELS } from "@/lib/referrals/state";
import { officerWorkspaceErasure } from "@/lib/referrals/workspace-erasure-view";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";
import { FactList } from "@/components/ui/fact-list";

/** A moment in the operator's time zone, the zone named, or `none`. */
const moments = (timeZone: string) => (value: Date | null, none = "–") => (value ? formatInstant(value, timeZone, "medium") : none);
const linkClass = "text-blue-700 underline underline-offset-4 hover:text-blue-900";

const REASONS: Record<NonNullable<Routing["reason"]>, string> = {
  UNKNOWN: "No workspace matched the requester's answers with certainty.",
  AMBIGUOUS: "The requester's answers matched more than one workspace, so the rules could not choose.",
};

/** Where the request went when its email was confirmed, or why it waits for the officer. */
export function RouteSummary({ routing }: { routing: Routing }) {
  return (
    <section aria-labelledby="route-heading">
      <h2 id="route-heading" className="text-lg font-semibold text-slate-900">
        Route
      </h2>
      <div className="mt-3 rounded-md border border-slate-300 bg-white p-4">
        <p className="text-slate-900">
          <span className="font-medium">{routing.route ? ROUTE_LABELS[routing.route] : "Not routed yet"}</span>
          {routing.route === null ? <span className="text-slate-700"> (requests are routed once the email is confirmed)</span> : null}
        </p>
        {routing.route === "UNRESOLVED" ? (
          <>
            <p className="mt-1 text-slate-800">{routing.reason ? REASONS[routing.reason] : "The routing rules could not place this request."}</p>
            {routing.candidates.length ? (
              <>
                <p className="mt-2 text-sm font-medium text-slate-700">Workspaces that matched some answers</p>
                <ul className="mt-1 list-disc pl-5 text-slate-900">
                  {routing.candidates.map((c) => (
                    <li key={c.id}>{c.label}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Every referral of the request, with where each stands. */
export function ReferralList({ referrals, timeZone }: { referrals: OfficerReferral[]; timeZone: string }) {
  if (referrals.length === 0) return null;
  const when = moments(timeZone);
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading" className="text-lg font-semibold text-slate-900">
        Referrals
      </h2>
      <ol className="mt-3 space-y-3">
        {referrals.map((r) => {
          const facts: [string, string][] = [
            ["Workspace", `${r.workspace.name} (${r.workspace.slug})`],
            ["State", r.description],
            ["Sent", when(r.sentAt)],
            ["Acknowledged", when(r.acknowledgedAt, "Not yet")],
            ["Export requested", when(r.exportRequestedAt, "No")],
            ["Reminders sent", `${r.remindersSent} of ${r.maxReminders}`],
          ];
          if (r.nextFollowUpAt) facts.push(["Next reminder or escalation", when(r.nextFollowUpAt)]);
          if (r.escalatedAt) facts.push(["Escalated", when(r.escalatedAt)]);
          if (r.closedAt) facts.push(["Closed", when(r.closedAt)]);
          if (r.open) facts.push(["Working links", String(r.activeLinks)]);
          if (r.exports.length) {
            const sent = r.exports.map(
              (e) =>
                `${e.filename} · ${fileSize(e.size)} · sent ${when(e.createdAt)} · ${e.purgedAt ? `download expired ${when(e.expiresAt)}, file deleted ${when(e.purgedAt)}` : `download until ${when(e.expiresAt)}`}`,
            );
            facts.push(["Workspace exports sent", sent.join("\n")]);
          }
          if (r.hasOutcomeNote) facts.push(["Customer's note to the requester", r.outcomeNote ?? "(masked)"]);
          return (
            <li key={r.id} className="rounded-md border border-slate-300 bg-white">
              <h3 className="px-4 pt-3 font-semibold text-slate-900">
                <a href={`/admin/customers/${r.customer.id}`} className={linkClass}>
                  {r.customer.legalName}
                </a>
                <span className="font-normal text-slate-700"> · {r.description}</span>
              </h3>
              <FactList facts={facts} className="mt-2" />
              <WorkspaceErasureFacts referralId={r.id} customerName={r.customer.legalName} timeZone={timeZone} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The officer sends the customer the workspace export for an open referral: a plain multipart form
 * (it works without JavaScript, and server actions cap bodies at 64 KB). Set apart when the
 * customer asked for one; offered anyway, since the officer may know it is needed.
 */
export function WorkspaceExportForm({
  requestId,
  referral,
  linkDays,
  timeZone,
}: {
  requestId: string;
  referral: Pick<OfficerReferral, "id" | "customer" | "exportRequestedAt" | "exports">;
  linkDays: number;
  timeZone: string;
}) {
  const when = moments(timeZone);
  const customer = referral.customer.legalName;
  const asked = referral.exportRequestedAt;
  const id = `export-${referral.id}`;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={asked ? "rounded-md border-2 border-blue-700 bg-blue-50 p-4" : "rounded-md border border-slate-300 bg-white p-4"}
    >
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        Send the workspace export to {customer}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {asked ? `${customer} asked for it on ${when(asked)}.` : `${customer} has not asked for one.`}
        {referral.exports.length ? ` Sent so far: ${referral.exports.length}.` : ""}{" "}
        Its privacy contacts are emailed a new link and download the file from the referral page for {linkDays} {linkDays === 1 ? "day" : "days"},
        while the referral is open. The requester never sees it.
      </p>
      <form
        method="post"
        action={`/admin/requests/${requestId}/referrals/${referral.id}/export`}
        encType="multipart/form-data"
        className="mt-3 space-y-3"
      >
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-900">
            Export file (up to {MAX_PACKAGE_BYTES / 1024 / 1024} MB; stored encrypted)
          </label>
          <input id={`${id}-file`} name="file" type="file" required className={inputClass} />
        </div>
        <button type="submit" className={buttonClass(asked ? "primary" : "secondary")}>
          Send export
        </button>
      </form>
    </section>
  );
}

const ERASURE_STATES: Record<string, string> = {
  PLANNED: "Planned, not started",
  RUNNING: "Searching the workspace",
  AWAITING_APPROVAL: "Waiting for the customer's approval of the dry run",
  ERASING: "Approved by the customer: erasing",
  ERASED: "Erased",
  FAILED: "Stopped",
  CANCELLED: "Cancelled by the customer",
};

function rowsWord(n: number): string {
  return `${n} ${n === 1 ? "row" : "rows"}`;
}

/**
 * The erasure the customer instructed from its referral page (its workspace only): where it
 * stands, the dry run's counts and the proof. No rows: the customer reads those, as controller.
 */
async function WorkspaceErasureFacts({ referralId, customerName, timeZone }: { referralId: string; customerName: string; timeZone: string }) {
  await requirePermission("requests.read");
  const run = await officerWorkspaceErasure(db, referralId);
  if (!run) return null;
  const when = moments(timeZone);
  const facts: [string, string][] = [
    ["State", ERASURE_STATES[run.status] ?? run.status],
    ["Asked for", when(run.createdAt)],
  ];
  if (run.status === "RUNNING") facts.push(["Systems searched", `${run.searched.ended} of ${run.searched.total}`]);
  if (run.dryRun) {
    facts.push(["Dry run", `${rowsWord(run.dryRun.rowsDeleted)} to delete, ${rowsWord(run.dryRun.rowsChanged)} to change, ${rowsWord(run.dryRun.rowsKept)} kept`]);
  }
  if (run.approvedAt) facts.push([`Approved by ${customerName}`, when(run.approvedAt)]);
  if (run.byHand.length) facts.push(["Erased by hand (owners emailed at the approval)", run.byHand.join(", ")]);
  if (run.cancelledAt) facts.push(["Cancelled", when(run.cancelledAt)]);
  if (run.erasedAt) facts.push(["Erased", when(run.erasedAt)]);
  if (run.proof) {
    const { proof } = run;
    facts.push(["Rows deleted or changed", String(proof.rows)]);
    facts.push([
      "Proof",
      `${rowsWord(proof.checked)} looked up again afterwards, ${proof.left === 0 ? "none holds" : `${proof.left} still ${proof.left === 1 ? "holds" : "hold"}`} what was erased${
        proof.lines.length ? ` (${proof.lines.map((l) => `${l.collection}: ${l.checked} checked, ${l.left} left`).join("; ")})` : ""
      }`,
    ]);
  }
  return (
    <section aria-labelledby={`erasure-${referralId}-title`} className="border-t border-slate-200 pb-2">
      <h4 id={`erasure-${referralId}-title`} className="px-4 pt-3 font-semibold text-slate-900">
        Erasure in the workspace, instructed by {customerName}
      </h4>
      <FactList facts={facts} className="mt-2" />
    </section>
  );
}
