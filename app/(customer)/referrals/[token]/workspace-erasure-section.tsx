import { AutoRefresh } from "@/components/auto-refresh";
import { Button } from "@/components/ui/button";
import type { DryRun } from "@/lib/erasure/dry-run";
import type { CustomerErasureSection, WorkspaceErasureView } from "@/lib/referrals/workspace-erasure-view";
import type { WorkspaceErasureProof } from "@/lib/referrals/workspace-erasure-outcome";
import { approveWorkspaceErasureAction, cancelWorkspaceErasureAction, findWorkspaceDataAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

// The customer instructs the erasure of the requester's data in its own workspace: it asks us to
// find the data, reads what erasing it would do, approves (or cancels), and reads the outcome with
// the proof. Plain forms posting to server actions; the page refreshes itself only while we search
// or erase.

type Names = { workspaceName: string; operatorName: string; operatorPrivacyEmail: string };

const ACTION_WORDS = { delete: "Deleted", change: "Changed in place", keep: "Kept as they are" } as const;
const cell = "py-2 pr-3 align-top";

function rows(n: number): string {
  return `${n} ${n === 1 ? "row" : "rows"}`;
}

function Hidden({ token, runId }: { token: string; runId?: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      {runId ? <input type="hidden" name="runId" value={runId} /> : null}
    </>
  );
}

function FindForm({ token, names, again }: { token: string; names: Names; again: boolean }) {
  return (
    <>
      <p className="mt-2 text-slate-800">
        You control the content of {names.workspaceName}, so you can have {names.operatorName} erase the requester&apos;s data there. We
        first look for it and show you what erasing it would do; nothing changes until you approve. Only {names.workspaceName} is
        searched: your other workspaces and {names.operatorName}&apos;s own records are not part of it.
      </p>
      <ActionForm action={findWorkspaceDataAction} className="mt-3">
        <Hidden token={token} />
        <Button type="submit" variant={again ? "secondary" : "primary"}>
          {again ? "Look for the data again" : `Find this person's data in ${names.workspaceName}`}
        </Button>
      </ActionForm>
    </>
  );
}

function CancelForm({ token, runId }: { token: string; runId: string }) {
  return (
    <ActionForm action={cancelWorkspaceErasureAction} className="mt-3">
      <Hidden token={token} runId={runId} />
      <Button type="submit" variant="secondary">
        Cancel without erasing
      </Button>
    </ActionForm>
  );
}

function sampleText(samples: Record<string, string>[]): string {
  return samples.map((row) => Object.entries(row).map(([k, v]) => `${k}: ${v || "–"}`).join(", ")).join(" | ");
}

function DryRunTables({ dryRun, names }: { dryRun: DryRun; names: Names }) {
  const total = dryRun.rowsDeleted + dryRun.rowsChanged + dryRun.rowsKept;
  return (
    <>
      <h3 id="erasure-dry-run-heading" className="mt-6 text-lg font-semibold text-slate-900">
        What the erasure would do
      </h3>
      <p className="mt-2 text-slate-800">
        {total === 0
          ? `We found nothing about the requester in ${names.workspaceName}.`
          : `In ${names.workspaceName}: ${rows(dryRun.rowsDeleted)} would be deleted, ${rows(dryRun.rowsChanged)} changed and ${rows(dryRun.rowsKept)} kept as they are.`}
      </p>
      {dryRun.systems.map((s) => (
        <div key={s.systemId} className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="pb-1 text-left font-medium text-slate-900">
              {s.name}: the requester&apos;s rows in {names.workspaceName}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>Collection</th>
                <th scope="col" className={cell}>Rows</th>
                <th scope="col" className={cell}>What happens</th>
                <th scope="col" className={cell}>Kept, and why</th>
                <th scope="col" className={cell}>Examples of the rows found</th>
              </tr>
            </thead>
            <tbody>
              {s.collections.map((c) => (
                <tr key={c.collectionId} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-mono font-normal`}>{c.name}</th>
                  <td className={cell}>{c.rows}</td>
                  <td className={cell}>
                    {ACTION_WORDS[c.action]}
                    {c.changes.length ? <span className="block text-slate-700">{c.changes.map((x) => `${x.field}: ${x.what}`).join("; ")}</span> : null}
                  </td>
                  <td className={cell}>{c.kept.length ? c.kept.map((k) => `${k.field}: ${k.reason}`).join("; ") : "–"}</td>
                  <td className={`${cell} break-words text-slate-700`}>{c.samples.length ? sampleText(c.samples) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

function ByHand({ systems, names, approved }: { systems: string[]; names: Names; approved: boolean }) {
  if (!systems.length) return null;
  return (
    <p className="mt-3 text-slate-800">
      Not erased by this page: {systems.join(", ")}. {names.operatorName} cannot change {systems.length === 1 ? "that system" : "those systems"}{" "}
      itself, so {approved ? "their owners were emailed" : "when you approve, their owners are emailed"} a task to erase the content of{" "}
      {names.workspaceName} there.
    </p>
  );
}

function Proof({ proof, names }: { proof: WorkspaceErasureProof; names: Names }) {
  return (
    <>
      <p className="mt-2 text-slate-800">
        {rows(proof.rows)} deleted or changed, in {names.workspaceName} only.{" "}
        {proof.left === 0
          ? `Checked afterwards: we looked up all ${rows(proof.checked)} again, and none still holds what was erased.`
          : `Checked afterwards: of ${rows(proof.checked)} looked up again, ${rows(proof.left)} still hold what was to be erased. Our privacy team is looking into it.`}
      </p>
      {proof.lines.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="pb-1 text-left font-medium text-slate-900">Proof of erasure, per collection</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>System</th>
                <th scope="col" className={cell}>Collection</th>
                <th scope="col" className={cell}>Rows looked up again</th>
                <th scope="col" className={cell}>Still holding erased data</th>
              </tr>
            </thead>
            <tbody>
              {proof.lines.map((l) => (
                <tr key={`${l.system}/${l.collection}`} className="border-b border-slate-200">
                  <td className={cell}>{l.system}</td>
                  <th scope="row" className={`${cell} font-mono font-normal`}>{l.collection}</th>
                  <td className={cell}>{l.checked}</td>
                  <td className={cell}>{l.left}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="mt-3 text-slate-800">You can now tell the requester their data in {names.workspaceName} is erased, and close the request below.</p>
    </>
  );
}

function RunState({ token, run, names, formatMoment }: { token: string; run: WorkspaceErasureView; names: Names; formatMoment: (at: Date) => string }) {
  switch (run.status) {
    case "PLANNED":
    case "RUNNING":
      return (
        <>
          <p className="mt-2 text-slate-800" aria-live="polite">
            Looking for the requester&apos;s data in {names.workspaceName}: {run.searched.ended} of {run.searched.total}{" "}
            {run.searched.total === 1 ? "system" : "systems"} searched. This page updates by itself; nothing is erased yet.
          </p>
          <CancelForm token={token} runId={run.id} />
          <AutoRefresh everySeconds={2} />
        </>
      );
    case "AWAITING_APPROVAL":
      return (
        <>
          {run.dryRun ? <DryRunTables dryRun={run.dryRun} names={names} /> : null}
          <ByHand systems={run.byHand} names={names} approved={false} />
          <div className="mt-6 rounded-md border-2 border-red-800 bg-red-50 p-4 text-red-950">
            <h3 className="text-lg font-semibold">Approve the erasure</h3>
            <p className="mt-1">
              Erasing cannot be undone. It affects only {names.workspaceName}: the rows listed above are deleted or changed there, batch
              by batch. Your other workspaces and {names.operatorName}&apos;s own records are not touched.
            </p>
            <ActionForm action={approveWorkspaceErasureAction} className="mt-3">
              <Hidden token={token} runId={run.id} />
              <Button type="submit">Approve and erase</Button>
            </ActionForm>
          </div>
          <CancelForm token={token} runId={run.id} />
        </>
      );
    case "ERASING":
      return (
        <>
          <p className="mt-2 text-slate-800" aria-live="polite">
            You approved the erasure{run.approvedAt ? ` on ${formatMoment(run.approvedAt)}` : ""}. We are erasing the requester&apos;s data in{" "}
            {names.workspaceName} now; this page updates by itself, and your privacy contacts get an email when it is done.
          </p>
          <ByHand systems={run.byHand} names={names} approved />
          <AutoRefresh everySeconds={2} />
        </>
      );
    case "ERASED":
      return (
        <>
          <h3 className="mt-4 text-lg font-semibold text-slate-900">Erased{run.erasedAt ? ` on ${formatMoment(run.erasedAt)}` : ""}</h3>
          {run.proof ? <Proof proof={run.proof} names={names} /> : null}
          <ByHand systems={run.byHand} names={names} approved />
        </>
      );
    case "FAILED":
      return run.approvedAt ? (
        <>
          <p className="mt-2 text-slate-800">
            The erasure stopped before it finished, because of a problem on our side. What was erased stays erased; resuming goes on
            where it stopped. If it stops again, write to <a href={`mailto:${names.operatorPrivacyEmail}`}>{names.operatorPrivacyEmail}</a>.
          </p>
          <ActionForm action={approveWorkspaceErasureAction} className="mt-3">
            <Hidden token={token} runId={run.id} />
            <Button type="submit">Resume the erasure</Button>
          </ActionForm>
        </>
      ) : (
        <>
          <p className="mt-2 text-slate-800">The search of {names.workspaceName} did not finish, because of a problem on our side. Nothing was erased.</p>
          <FindForm token={token} names={names} again />
        </>
      );
    default:
      return (
        <>
          <p className="mt-2 text-slate-800">
            You cancelled the erasure{run.cancelledAt ? ` on ${formatMoment(run.cancelledAt)}` : ""}: nothing was erased.
          </p>
          <FindForm token={token} names={names} again />
        </>
      );
  }
}

/** The section of the referral page, for a deletion request. */
export function WorkspaceErasureSection({
  token,
  section,
  names,
  formatMoment,
}: {
  token: string;
  section: Extract<CustomerErasureSection, { offered: true }>;
  names: Names;
  formatMoment: (at: Date) => string;
}) {
  return (
    <section aria-labelledby="erasure-heading" className="mt-10">
      <h2 id="erasure-heading" className="text-xl font-semibold text-slate-900">
        Erase this person&apos;s data in your workspace
      </h2>
      {!section.workspaceContent ? (
        <p className="mt-2 text-slate-800">
          We cannot look for the requester&apos;s data in {names.workspaceName} from here: our data map does not describe workspace
          content. To have it erased, write to <a href={`mailto:${names.operatorPrivacyEmail}`}>{names.operatorPrivacyEmail}</a>.
        </p>
      ) : section.run ? (
        <RunState token={token} run={section.run} names={names} formatMoment={formatMoment} />
      ) : (
        <FindForm token={token} names={names} again={false} />
      )}
    </section>
  );
}
