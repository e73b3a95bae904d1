import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { Button } from "@/components/ui/button";
import type { DryRun } from "@/lib/erasure/dry-run";
import type { CustomerErasureSection, WorkspaceErasureView } from "@/lib/referrals/workspace-erasure-view";
import type { WorkspaceErasureProof } from "@/lib/referrals/workspace-erasure-outcome";
import { approveWorkspaceErasureAction, cancelWorkspaceErasureAction, findWorkspaceDataAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { mailto } from "./mail-link";

// The customer instructs the erasure of the requester's data in its own workspace: it asks us to
// find the data, reads what erasing it would do, approves (or cancels), and reads the outcome with
// the proof. Plain forms posting to server actions; the page refreshes itself only while we search
// or erase. Words from the "referral.erasure" catalogue, in the page's language.

type Names = { workspaceName: string; operatorName: string; operatorPrivacyEmail: string };
/** Where this section's forms post back to without JavaScript: the page in its language. */
type Where = { token: string; page: string };

const cell = "py-2 pr-3 align-top";

function words() {
  return getTranslations("referral.erasure");
}

function Hidden({ token, runId }: { token: string; runId?: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      {runId ? <input type="hidden" name="runId" value={runId} /> : null}
    </>
  );
}

async function FindForm({ where, names, again }: { where: Where; names: Names; again: boolean }) {
  const t = await words();
  const workspace = names.workspaceName;
  return (
    <>
      <p className="mt-2 text-slate-800">{t("find", { workspace, operator: names.operatorName })}</p>
      <ActionForm action={findWorkspaceDataAction} permalink={where.page} className="mt-3">
        <Hidden token={where.token} />
        <Button type="submit" variant={again ? "secondary" : "primary"}>
          {again ? t("findAgainButton") : t("findButton", { workspace })}
        </Button>
      </ActionForm>
    </>
  );
}

async function CancelForm({ where, runId }: { where: Where; runId: string }) {
  const t = await words();
  return (
    <ActionForm action={cancelWorkspaceErasureAction} permalink={where.page} className="mt-3">
      <Hidden token={where.token} runId={runId} />
      <Button type="submit" variant="secondary">
        {t("cancelButton")}
      </Button>
    </ActionForm>
  );
}

function sampleText(samples: Record<string, string>[]): string {
  return samples.map((row) => Object.entries(row).map(([k, v]) => `${k}: ${v || "–"}`).join(", ")).join(" | ");
}

async function DryRunTables({ dryRun, names }: { dryRun: DryRun; names: Names }) {
  const t = await words();
  const workspace = names.workspaceName;
  const total = dryRun.rowsDeleted + dryRun.rowsChanged + dryRun.rowsKept;
  const rows = (count: number) => t("rows", { count });
  return (
    <>
      <h3 id="erasure-dry-run-heading" className="mt-6 text-lg font-semibold text-slate-900">
        {t("dryRunHeading")}
      </h3>
      <p className="mt-2 text-slate-800">
        {total === 0
          ? t("foundNothing", { workspace })
          : t("dryRunSummary", { workspace, deleted: rows(dryRun.rowsDeleted), changed: rows(dryRun.rowsChanged), kept: rows(dryRun.rowsKept) })}
      </p>
      {dryRun.systems.map((s) => (
        <div key={s.systemId} className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="pb-1 text-left font-medium text-slate-900">{t("dryRunCaption", { system: s.name, workspace })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>{t("columns.collection")}</th>
                <th scope="col" className={cell}>{t("columns.rows")}</th>
                <th scope="col" className={cell}>{t("columns.whatHappens")}</th>
                <th scope="col" className={cell}>{t("columns.kept")}</th>
                <th scope="col" className={cell}>{t("columns.examples")}</th>
              </tr>
            </thead>
            <tbody>
              {s.collections.map((c) => (
                <tr key={c.collectionId} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-mono font-normal`}>{c.name}</th>
                  <td className={cell}>{c.rows}</td>
                  <td className={cell}>
                    {t(`actions.${c.action}`)}
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

async function ByHand({ systems, names, approved }: { systems: string[]; names: Names; approved: boolean }) {
  if (!systems.length) return null;
  const t = await words();
  const values = { systems: systems.join(", "), count: systems.length, operator: names.operatorName, workspace: names.workspaceName };
  return <p className="mt-3 text-slate-800">{approved ? t("byHandApproved", values) : t("byHandPending", values)}</p>;
}

async function Proof({ proof, names }: { proof: WorkspaceErasureProof; names: Names }) {
  const t = await words();
  const workspace = names.workspaceName;
  const rows = (count: number) => t("rows", { count });
  return (
    <>
      <p className="mt-2 text-slate-800">
        {t("proofSummary", { rows: rows(proof.rows), workspace })}{" "}
        {proof.left === 0 ? t("proofClean", { checked: rows(proof.checked) }) : t("proofLeft", { checked: rows(proof.checked), left: rows(proof.left) })}
      </p>
      {proof.lines.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="pb-1 text-left font-medium text-slate-900">{t("proofCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>{t("columns.system")}</th>
                <th scope="col" className={cell}>{t("columns.collection")}</th>
                <th scope="col" className={cell}>{t("columns.checked")}</th>
                <th scope="col" className={cell}>{t("columns.left")}</th>
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
      <p className="mt-3 text-slate-800">{t("proofDone", { workspace })}</p>
    </>
  );
}

async function RunState({ where, run, names, formatMoment }: { where: Where; run: WorkspaceErasureView; names: Names; formatMoment: (at: Date) => string }) {
  const t = await words();
  const workspace = names.workspaceName;
  // "none" words a sentence without its date (the messages' select).
  const on = (at: Date | null | undefined) => (at ? formatMoment(at) : "none");
  switch (run.status) {
    case "PLANNED":
    case "RUNNING":
      return (
        <>
          <p className="mt-2 text-slate-800" aria-live="polite">
            {t("searching", { workspace, ended: run.searched.ended, total: run.searched.total })}
          </p>
          <CancelForm where={where} runId={run.id} />
          <AutoRefresh everySeconds={2} />
        </>
      );
    case "AWAITING_APPROVAL":
      return (
        <>
          {run.dryRun ? <DryRunTables dryRun={run.dryRun} names={names} /> : null}
          <ByHand systems={run.byHand} names={names} approved={false} />
          <div className="mt-6 rounded-md border-2 border-red-800 bg-red-50 p-4 text-red-950">
            <h3 className="text-lg font-semibold">{t("approveHeading")}</h3>
            <p className="mt-1">{t("approveWarning", { workspace, operator: names.operatorName })}</p>
            <ActionForm action={approveWorkspaceErasureAction} permalink={where.page} className="mt-3">
              <Hidden token={where.token} runId={run.id} />
              <Button type="submit">{t("approveButton")}</Button>
            </ActionForm>
          </div>
          <CancelForm where={where} runId={run.id} />
        </>
      );
    case "ERASING":
      return (
        <>
          <p className="mt-2 text-slate-800" aria-live="polite">
            {t("erasing", { moment: on(run.approvedAt), workspace })}
          </p>
          <ByHand systems={run.byHand} names={names} approved />
          <AutoRefresh everySeconds={2} />
        </>
      );
    case "ERASED":
      return (
        <>
          <h3 className="mt-4 text-lg font-semibold text-slate-900">{t("erased", { moment: on(run.erasedAt) })}</h3>
          {run.proof ? <Proof proof={run.proof} names={names} /> : null}
          <ByHand systems={run.byHand} names={names} approved />
        </>
      );
    case "FAILED":
      return run.approvedAt ? (
        <>
          <p className="mt-2 text-slate-800">
            {t.rich("stopped", { email: names.operatorPrivacyEmail, link: mailto(names.operatorPrivacyEmail) })}
          </p>
          <ActionForm action={approveWorkspaceErasureAction} permalink={where.page} className="mt-3">
            <Hidden token={where.token} runId={run.id} />
            <Button type="submit">{t("resumeButton")}</Button>
          </ActionForm>
        </>
      ) : (
        <>
          <p className="mt-2 text-slate-800">{t("searchFailed", { workspace })}</p>
          <FindForm where={where} names={names} again />
        </>
      );
    default:
      return (
        <>
          <p className="mt-2 text-slate-800">{t("cancelled", { moment: on(run.cancelledAt) })}</p>
          <FindForm where={where} names={names} again />
        </>
      );
  }
}

/** The section of the referral page, for a deletion request. */
export async function WorkspaceErasureSection({
  token,
  page,
  section,
  names,
  formatMoment,
}: {
  token: string;
  /** The referral page's address in the reader's language. */
  page: string;
  section: Extract<CustomerErasureSection, { offered: true }>;
  names: Names;
  formatMoment: (at: Date) => string;
}) {
  const t = await words();
  const where = { token, page };
  return (
    <section aria-labelledby="erasure-heading" className="mt-10">
      <h2 id="erasure-heading" className="text-xl font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {!section.workspaceContent ? (
        <p className="mt-2 text-slate-800">
          {t.rich("noContent", { workspace: names.workspaceName, email: names.operatorPrivacyEmail, link: mailto(names.operatorPrivacyEmail) })}
        </p>
      ) : section.run ? (
        <RunState where={where} run={section.run} names={names} formatMoment={formatMoment} />
      ) : (
        <FindForm where={where} names={names} again={false} />
      )}
    </section>
  );
}
