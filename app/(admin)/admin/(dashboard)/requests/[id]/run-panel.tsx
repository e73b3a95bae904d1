import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { can } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { IDENTITY_TYPES } from "@/lib/datamap/types";
import { REVIEW_ERRORS } from "@/lib/fulfillment/package/errors";
import { reviewView, type ReviewView } from "@/lib/fulfillment/package/review-view";
import { RUN_ERRORS } from "@/lib/fulfillment/errors";
import { changesData, identityLabel } from "@/lib/fulfillment/plan";
import { MAX_CORRECTION_VALUE } from "@/lib/corrections/changes";
import { correctableFields, type CorrectableField } from "@/lib/corrections/proposal";
import { runView, type RunView, type TaskView } from "@/lib/fulfillment/view";
import { fileSize } from "@/lib/packages/display";
import { HANDLING_ERRORS } from "@/lib/requests/lifecycle";
import { dryRun, type DryRun } from "@/lib/erasure/dry-run";
import { holdsFor, type HoldView } from "@/lib/erasure/holds";
import { FocusOnArrival, RunRefresh } from "./run-refresh";
import { approveCorrectionForm, approveErasureForm, proposeCorrectionsForm, liftHoldForm, placeHoldForm, cancelRunForm, excludeRecordForm, includeRecordForm, planRunForm, releaseRunForm, retryTaskForm, startRunForm } from "./run-actions";
import { ActionForm } from "@/components/ui/action-form";

// "Find this person's data": the run of a verified access or export request, from its plan to
// its release. Plain forms posting to server actions; the only client code keeps the page live
// while the run works and moves focus to the outcome of a form.

const DONE_WORDS: Record<string, string> = {
  planned: "Planned. Check what will be searched, then start.",
  started: "Started. The systems are being searched in the background.",
  retried: "The system will be searched again.",
  cancelled: "The run was cancelled; what it found is deleted.",
  excluded: "The record is left out. The package is being rebuilt without it.",
  included: "The record is back in. The package is being rebuilt with it.",
  released: "Released: the request is completed and the requester is emailed a link to download the package.",
  approved: "Approved. The systems are being erased in the background.",
  proposed: "The new values are saved. Read what the correction would do below, then approve it.",
  correctionApproved: "Approved. The new values are being written in the background; the owners of the other systems are emailed a task.",
  held: "The legal hold is placed: erasure is refused until it is lifted.",
  holdLifted: "The legal hold is lifted.",
};

const ERROR_WORDS: Record<string, string> = {
  ...HANDLING_ERRORS,
  ...RUN_ERRORS,
  ...REVIEW_ERRORS,
  FORBIDDEN: "Your role cannot do that.",
  INVALID_INPUT: "Check what you entered and try again.",
  INTERNAL: "That did not work because of a problem on our side. Nothing was changed; please try again.",
};

/**
 * How often the panel refreshes: every 2 s while a system is searched or the package assembled;
 * every 30 s while the run only waits for owners' answers (hours, days); never when idle.
 */
function refreshSeconds(view: RunView | null): number | null {
  if (view?.status === "ASSEMBLING" || view?.status === "ERASING") return 2;
  if (view?.status !== "RUNNING") return null;
  return view.tasks.some((t) => t.status === "QUEUED" || t.status === "RUNNING") ? 2 : 30;
}

function taskState(task: TaskView): string {
  switch (task.status) {
    case "QUEUED":
      return task.waitingFor.length ? `Queued, after ${task.waitingFor.join(", ")}` : "Queued";
    case "RUNNING":
      return "Running";
    case "WAITING_FOR_OWNER":
      return `Waiting for its owner${task.owner ? ` (${task.owner.email})` : ""}`;
    case "DONE":
      return "Done";
    case "FAILED":
      return `Failed: ${task.lastError ?? "no reason was recorded"}`;
    case "SKIPPED":
      return `Skipped${task.skippedReason ? `: ${task.skippedReason}` : ""}`;
    case "CANCELLED":
      return "Cancelled";
  }
}

function Hidden({ requestId, values }: { requestId: string; values: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function PlanForm({ requestId, again }: { requestId: string; again: boolean }) {
  return (
    <ActionForm action={planRunForm} className="mt-3 space-y-3 rounded-md border border-slate-300 bg-white p-4">
      <Hidden requestId={requestId} values={{}} />
      <p className="text-sm text-slate-800">
        The search starts from the requester&apos;s confirmed email address. Add another identity you know for them (optional):
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="run-identity-type" className="block text-sm font-medium text-slate-900">
            Kind of identity
          </label>
          <select id="run-identity-type" name="identityType" defaultValue="" className={`${inputClass} mt-1`}>
            <option value="">None</option>
            {IDENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {identityLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="grow">
          <label htmlFor="run-identity-value" className="block text-sm font-medium text-slate-900">
            Value
          </label>
          <input id="run-identity-value" name="identityValue" maxLength={320} autoComplete="off" className={`${inputClass} mt-1`} />
        </div>
      </div>
      <button type="submit" className={buttonClass(again ? "secondary" : "primary")}>
        {again ? "Plan again" : "Find this person's data"}
      </button>
    </ActionForm>
  );
}

function Plan({ view }: { view: RunView }) {
  const { description } = view;
  return (
    <div className="mt-3 space-y-2">
      <h3 className="font-semibold text-slate-900">What will be searched</h3>
      {description.systems.length ? (
        <ol className="list-decimal space-y-1 pl-6 text-slate-900">
          {description.systems.map((s) => (
            <li key={s.name}>
              <span className="font-medium">{s.name}</span>
              <ul className="list-disc pl-5 text-sm text-slate-800">
                {s.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-slate-800">No system of the data map can be searched with these identities.</p>
      )}
      {description.skipped.length ? (
        <>
          <h4 className="text-sm font-semibold text-slate-900">Not searched</h4>
          <ul className="list-disc pl-6 text-sm text-slate-800">
            {description.skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {description.notes.map((note) => (
        <p key={note} className="text-sm text-slate-800">
          {note}
        </p>
      ))}
    </div>
  );
}

function Progress({ view, requestId, canAct }: { view: RunView; requestId: string; canAct: boolean }) {
  const { ended, total } = view.progress;
  return (
    <div className="mt-3 space-y-3">
      <div>
        <label htmlFor="run-progress" className="block text-sm font-medium text-slate-900">
          Systems finished: {ended} of {total}
        </label>
        <progress id="run-progress" value={ended} max={Math.max(total, 1)} className="mt-1 w-full" />
      </div>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Each system of the run</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">System</th>
            <th scope="col" className="py-1 pr-2">State</th>
            <th scope="col" className="py-1 pr-2">Records found</th>
            {changesData(view.kind) && view.status !== "RUNNING" && view.status !== "AWAITING_APPROVAL" ? (
              <th scope="col" className="py-1 pr-2">{view.kind === "CORRECTION" ? "Rows corrected" : "Rows erased"}</th>
            ) : null}
            {canAct ? <th scope="col" className="py-1"><span className="sr-only">Action</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {view.tasks.map((t) => (
            <tr key={t.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-2 font-medium">{t.systemName}</th>
              <td className={`py-1 pr-2 ${t.status === "FAILED" ? "text-red-800" : "text-slate-800"}`}>
                {taskState(t)}
                {t.owner?.note ? <span className="block text-slate-700">Owner&apos;s answer: {t.owner.note}</span> : null}
              </td>
              <td className="py-1 pr-2">
                {t.recordsFound}
                {t.progress.length > 1 ? (
                  <span className="block text-xs text-slate-700">{t.progress.map((p) => `${p.name}: ${p.found}`).join(", ")}</span>
                ) : null}
              </td>
              {changesData(view.kind) && view.status !== "RUNNING" && view.status !== "AWAITING_APPROVAL" ? <td className="py-1 pr-2">{t.rowsErased}</td> : null}
              {canAct ? (
                <td className="py-1">
                  {t.status === "FAILED" ? (
                    <ActionForm action={retryTaskForm}>
                      <Hidden requestId={requestId} values={{ taskId: t.id }} />
                      <button type="submit" className={buttonClass("secondary")} aria-label={`Retry ${t.systemName}`}>
                        Retry
                      </button>
                    </ActionForm>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Review({ review, requestId, runId, canAct, personal }: { review: ReviewView; requestId: string; runId: string; canAct: boolean; personal: boolean }) {
  const page = review.page;
  const keep: Record<string, string> = page ? { records: page.collectionId, page: String(page.page) } : {};
  const chosen = review.collections.find((c) => c.id === page?.collectionId);
  return (
    <div className="mt-4 space-y-4">
      <h3 className="font-semibold text-slate-900">Review the package</h3>
      <p className="text-slate-800">
        {review.packageSize !== null ? `The draft package is ready (${fileSize(review.packageSize)}). ` : ""}
        Nothing reaches the requester until you release it. Leave out records that are other people&apos;s data (GDPR Art. 15(4)).
      </p>
      {personal ? (
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass("secondary")} href={`/admin/requests/${requestId}/run/${runId}/preview`} target="_blank" rel="noopener">
            Preview report (opens in a new tab)
          </a>
          {review.packageId ? (
            <a className={buttonClass("secondary")} href={`/admin/requests/${requestId}/package?packageId=${review.packageId}`}>
              Download the draft (zip)
            </a>
          ) : null}
        </div>
      ) : null}
      <nav aria-label="Collections found">
        <ul className="flex flex-wrap gap-2">
          {review.collections.map((c) => (
            <li key={c.id}>
              <a
                href={`/admin/requests/${requestId}?records=${c.id}#run`}
                aria-current={c.id === page?.collectionId ? "true" : undefined}
                className={`inline-block rounded border px-2 py-1 text-sm ${c.id === page?.collectionId ? "border-blue-700 bg-blue-50 font-semibold" : "border-slate-300"}`}
              >
                {c.systemName}: {c.name} ({c.count}
                {c.excluded ? `, ${c.excluded} left out` : ""})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!personal ? <p className="text-slate-700">The records are hidden for your role.</p> : null}
      {page && chosen ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="text-left font-medium text-slate-900">
              {chosen.name}: page {page.page} of {page.pages}
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-2">Record</th>
                {page.fields.map((f) => (
                  <th key={f} scope="col" className="py-1 pr-2">{f}</th>
                ))}
                {canAct ? <th scope="col" className="py-1">Leave out</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.records.map((r) => (
                <tr key={r.key} className={`border-b border-slate-200 align-top ${r.excluded ? "bg-slate-100 text-slate-600" : ""}`}>
                  <th scope="row" className="py-1 pr-2 font-normal">{r.key}</th>
                  {r.values.map((v, i) => (
                    <td key={i} className="max-w-xs py-1 pr-2 break-words">{v}</td>
                  ))}
                  {canAct ? (
                    <td className="py-1">
                      {r.excluded ? (
                        "Left out"
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-blue-700 underline">Exclude…</summary>
                          <ActionForm action={excludeRecordForm} className="mt-1 space-y-1">
                            <Hidden requestId={requestId} values={{ runId, collectionId: page.collectionId, recordKey: r.key, ...keep }} />
                            <label htmlFor={`reason-${r.key}`} className="block text-xs font-medium text-slate-900">
                              Why record {r.key} is left out
                            </label>
                            <input id={`reason-${r.key}`} name="reason" required maxLength={500} className={inputClass} />
                            <button type="submit" className={buttonClass("secondary")}>
                              Exclude
                            </button>
                          </ActionForm>
                        </details>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {page.pages > 1 ? (
            <nav aria-label="Pages of records" className="mt-2 flex gap-3 text-sm">
              {page.page > 1 ? (
                <a className="text-blue-700 underline" href={`/admin/requests/${requestId}?records=${page.collectionId}&page=${page.page - 1}#run`}>
                  Previous page
                </a>
              ) : null}
              {page.page < page.pages ? (
                <a className="text-blue-700 underline" href={`/admin/requests/${requestId}?records=${page.collectionId}&page=${page.page + 1}#run`}>
                  Next page
                </a>
              ) : null}
            </nav>
          ) : null}
        </div>
      ) : null}
      {review.exclusions.length ? (
        <div>
          <h4 className="font-semibold text-slate-900">Left out</h4>
          <ul className="mt-1 space-y-2">
            {review.exclusions.map((e) => (
              <li key={`${e.collectionId}:${e.recordKey}`} className="flex flex-wrap items-center gap-3 text-sm text-slate-900">
                <span>
                  {e.collection}, record {e.recordKey}: {e.reason} ({e.by})
                </span>
                {canAct ? (
                  <ActionForm action={includeRecordForm}>
                    <Hidden requestId={requestId} values={{ runId, collectionId: e.collectionId, recordKey: e.recordKey, ...keep }} />
                    <button type="submit" className={buttonClass("secondary")} aria-label={`Include ${e.collection} record ${e.recordKey} again`}>
                      Include again
                    </button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Legal holds on the request or the person, with the forms to place one and lift it. */
function Holds({ holds, requestId, canAct, when }: { holds: HoldView[]; requestId: string; canAct: boolean; when: (at: Date) => string }) {
  return (
    <section aria-labelledby="holds-heading" className="mt-4 space-y-2">
      <h3 id="holds-heading" className="text-base font-semibold text-slate-900">
        Legal hold
      </h3>
      {holds.length === 0 ? <p className="text-slate-800">No hold: this person&apos;s data may be erased.</p> : null}
      <ul className="space-y-2">
        {holds.map((h) => (
          <li key={h.id} className="rounded-md border border-amber-300 bg-amber-50 p-3">
            <p className="text-slate-900">
              {h.scope === "PERSON" ? "The person (every request from this email address)" : "This request"} is held since {when(h.placedAt)}
              {h.placedByEmail ? `, by ${h.placedByEmail}` : ""}: {h.reason}
            </p>
            {canAct ? (
              <ActionForm action={liftHoldForm} className="mt-2">
                <Hidden requestId={requestId} values={{ holdId: h.id }} />
                <button type="submit" className={buttonClass("secondary")}>
                  Lift this hold
                </button>
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {canAct ? (
        <details>
          <summary className="cursor-pointer text-slate-900 underline">Place a legal hold…</summary>
          <ActionForm action={placeHoldForm} className="mt-2 space-y-3">
            <Hidden requestId={requestId} values={{}} />
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">What to hold</legend>
              <label className="mt-1 flex items-center gap-2 text-slate-900">
                <input type="radio" name="scope" value="REQUEST" defaultChecked /> This request
              </label>
              <label className="flex items-center gap-2 text-slate-900">
                <input type="radio" name="scope" value="PERSON" /> The person: every request from this email address
              </label>
            </fieldset>
            <div>
              <label htmlFor="hold-reason" className="block text-sm font-medium text-slate-900">
                Why the data must be kept
              </label>
              <textarea id="hold-reason" name="reason" required maxLength={1000} rows={2} className={`${inputClass} mt-1`} />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Place the hold
            </button>
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

const VALUE_ERRORS: Record<string, (label: string) => string> = {
  CORRECTION_VALUE_NUMBER: (label) => `The new value for ${label} was refused: its column holds numbers. Enter a number. Nothing was saved.`,
  CORRECTION_VALUE_OTHER: (label) => `The new value for ${label} was refused: its column holds neither text nor numbers, so the portal cannot write it. Leave it empty; its owner corrects it by hand. Nothing was saved.`,
  CORRECTION_VALUE_LONG: (label) => `The new value for ${label} was refused: it is longer than its column holds. Shorten it. Nothing was saved.`,
};

/**
 * A correction's new values (GDPR Art. 16): each correctable field of the collections where the
 * run found the person's records, with what it holds now, and a box for the new value. What the
 * requester said is wrong and what it should say is under "What they asked" above.
 */
function ProposalSection({ fields, requestId, runId, canAct, personal, refused }: { fields: CorrectableField[]; requestId: string; runId: string; canAct: boolean; personal: boolean; refused?: string }) {
  return (
    <section aria-labelledby="proposal-heading" className="mt-3 space-y-3">
      <h3 id="proposal-heading" className="text-base font-semibold text-slate-900">
        Propose the corrections
      </h3>
      <p className="text-slate-800">
        Compare what the requester says is wrong (“What they asked”, above) with what the systems hold, and write the corrected value of each field
        that needs it. A field left empty stays as it is. Verify the person by their confirmed email address only, never with the information they
        say is wrong (CCPA §7060). If you judge the information accurate, deny the request with your reasons instead.
      </p>
      {fields.length === 0 ? (
        <p className="text-slate-800">
          No field where the person&apos;s records were found is marked correctable in the data map. Approving emails the owner of each system that
          holds their data a task to correct it by hand.
        </p>
      ) : canAct ? (
        <ActionForm action={proposeCorrectionsForm} className="space-y-3">
          <Hidden requestId={requestId} values={{ runId }} />
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Correctable fields where the person&apos;s records were found</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-2">Field</th>
                <th scope="col" className="py-1 pr-2">Holds now</th>
                <th scope="col" className="py-1 pr-2">New value</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const id = `correction-${f.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
                const invalid = refused === f.key;
                return (
                  <tr key={f.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      <span className="font-medium">{f.system}</span>: {f.collection}, <span className="font-mono">{f.field}</span>
                      <span className="block text-xs text-slate-700">{f.rows} {f.rows === 1 ? "record" : "records"} found</span>
                    </th>
                    <td className="max-w-xs py-1 pr-2 break-words">{personal ? f.current.join(", ") || "(empty)" : "Masked for your role"}</td>
                    <td className="py-1 pr-2">
                      <label htmlFor={id} className="sr-only">
                        New value of {f.field} in {f.collection}
                      </label>
                      <input
                        id={id}
                        name={`value:${f.key}`}
                        defaultValue={f.proposed ?? ""}
                        maxLength={MAX_CORRECTION_VALUE}
                        autoComplete="off"
                        aria-invalid={invalid || undefined}
                        className={`${inputClass} ${invalid ? "border-red-700" : ""}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit" className={buttonClass("secondary")}>
            Save the new values
          </button>
        </ActionForm>
      ) : (
        <p className="text-slate-800">{fields.some((f) => f.proposed !== null) ? "New values are proposed." : "No new value is proposed yet."}</p>
      )}
    </section>
  );
}

/** What the erasure (or the correction) would do, per system and collection, before anyone approves it. */
function DryRunSection({ dryRun, personal, correction }: { dryRun: DryRun; personal: boolean; correction: boolean }) {
  const ACTION_WORDS = { delete: "Deleted", change: "Changed in place", keep: "Kept as they are" } as const;
  if (correction && dryRun.rowsChanged === 0) return null;
  return (
    <section aria-labelledby="dry-run-heading" className="mt-3 space-y-3">
      <h3 id="dry-run-heading" className="text-base font-semibold text-slate-900">
        {correction ? "What the correction would do" : "What the erasure would do"}
      </h3>
      <p className="text-slate-800">
        {correction
          ? `${dryRun.rowsChanged} rows changed, with the new values proposed above.`
          : `${dryRun.rowsDeleted} rows deleted, ${dryRun.rowsChanged} changed, ${dryRun.rowsKept} kept, as the data map says for each field.`}
      </p>
      {dryRun.systems.map((s) => (
        <table key={s.systemId} className="w-full border-collapse text-left text-sm">
          <caption className="text-left font-medium text-slate-900">{s.name}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-2">Collection</th>
              <th scope="col" className="py-1 pr-2">Rows</th>
              <th scope="col" className="py-1 pr-2">What happens</th>
              <th scope="col" className="py-1 pr-2">Kept, and why</th>
            </tr>
          </thead>
          <tbody>
            {s.collections.map((c) => (
              <tr key={c.collectionId} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-2 font-mono font-normal">{c.name}</th>
                <td className="py-1 pr-2">{c.rows}</td>
                <td className="py-1 pr-2">
                  {ACTION_WORDS[c.action]}
                  {c.changes.length ? <span className="block text-slate-700">{c.changes.map((x) => `${x.field}: ${x.what}`).join("; ")}</span> : null}
                  {personal && c.samples.length ? (
                    <span className="block text-xs text-slate-700">
                      For example: {c.samples.map((row) => Object.entries(row).map(([k, v]) => `${k} ${v || "–"}`).join(", ")).join(" | ")}
                    </span>
                  ) : null}
                </td>
                <td className="py-1 pr-2">{c.kept.length ? c.kept.map((k) => `${k.field}: ${k.reason}`).join("; ") : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

export async function RunPanel({
  requestId,
  open,
  staff,
  timeZone,
  done,
  error,
  errorField,
  records,
  page,
  at,
  erasable = false,
}: {
  requestId: string;
  open: boolean;
  staff: StaffUser;
  timeZone: string;
  done?: string;
  error?: string;
  /** The field a refused new value was for (a correction's proposal). */
  errorField?: string;
  records?: string;
  page?: string;
  /** When the outcome shown was reached (from the form's redirect). */
  at?: string;
  /** A deletion request: its run erases, and legal holds apply. */
  erasable?: boolean;
}) {
  const view = await runView(db, requestId);
  const canAct = can(staff.role, "requests.act");
  const personal = can(staff.role, "requests.readPersonal");
  const run = view
    ? await db.fulfillmentRun.findUnique({
        where: { id: view.id },
        select: { revision: true, builtRevision: true, packageId: true, releasedAt: true, kind: true, approvedAt: true, erasedAt: true },
      })
    : null;
  const ready = view?.status === "READY" && run?.packageId && run.builtRevision === run.revision;
  const review = view && (view.status === "READY" || view.status === "ASSEMBLING") && run?.kind !== "WORKSPACE_EXPORT"
    ? await reviewView(db, view.id, staff, { collectionId: records, page: page ? Number(page) : undefined })
    : null;
  const ended = !view || view.status === "CANCELLED" || view.status === "RELEASED" || view.status === "ERASED" || view.kind === "WORKSPACE_EXPORT";
  const changing = view ? changesData(view.kind) : false;
  const correcting = view?.kind === "CORRECTION";
  const erasure = changing && view?.status === "AWAITING_APPROVAL" ? await dryRun(db, view.id) : null;
  const correctable = correcting && view?.status === "AWAITING_APPROVAL" ? await correctableFields(db, view.id) : null;
  const proposed = correctable?.some((f) => f.proposed !== null) ?? false;
  const refusedLabel = errorField ? correctable?.find((f) => f.key === errorField) : undefined;
  const holds = erasable ? await holdsFor(db, requestId) : [];
  const when = (at: Date) => formatInstant(at, timeZone, "medium");

  return (
    <section id="run" aria-labelledby="run-heading" className="space-y-2">
      <h2 id="run-heading" className="text-lg font-semibold text-slate-900">
        Find this person&apos;s data
      </h2>
      <div aria-live="polite">
        {done && DONE_WORDS[done] ? (
          <FocusOnArrival key={`done-${done}-${at}`}>
            <Alert tone="success">{DONE_WORDS[done]}</Alert>
          </FocusOnArrival>
        ) : null}
        {error ? (
          <FocusOnArrival key={`error-${error}-${at}`}>
            <Alert tone="error">
              {VALUE_ERRORS[error] ? VALUE_ERRORS[error](refusedLabel ? `${refusedLabel.collection}, ${refusedLabel.field}` : "a field") : (ERROR_WORDS[error] ?? ERROR_WORDS.INTERNAL)}
            </Alert>
          </FocusOnArrival>
        ) : null}
      </div>
      {view && view.kind !== "WORKSPACE_EXPORT" ? (
        <p className="text-slate-800">
          {view.status === "PLANNED" && "Planned, not started."}
          {view.status === "RUNNING" && `Searching since ${when(view.startedAt ?? view.createdAt)}.`}
          {view.status === "ASSEMBLING" && "Every system has answered; the package is being put together."}
          {view.status === "READY" && "The package is ready for your review."}
          {view.status === "AWAITING_APPROVAL" &&
            (correcting
              ? "Found. Nothing has been changed yet: propose the new values, then approve them."
              : "Found. Nothing has been changed yet: read what the erasure would do, then approve it.")}
          {view.status === "ERASING" && (correcting ? "Approved: the new values are being written in the systems." : "Approved: the systems are being erased, the rows that point at others first.")}
          {view.status === "ERASED" &&
            (correcting
              ? `Corrected ${run?.erasedAt ? when(run.erasedAt) : ""}. Complete the request to tell the requester what was corrected.`
              : `Erased ${run?.erasedAt ? when(run.erasedAt) : ""}. Complete the request to tell the requester what was erased and what was kept.`)}
          {view.status === "FAILED" && changing && run?.approvedAt
            ? `The ${correcting ? "correction" : "erasure"} stopped after its retries (the timeline says why). Resume it once the cause is fixed: it goes on where it stopped.`
            : null}
          {view.status === "FAILED" &&
            !(changing && run?.approvedAt) &&
            (view.tasks.some((t) => t.status === "FAILED")
              ? "A system failed. Retry it, or cancel the run and attach a file by hand."
              : "Every system answered, but the package could not be put together. Cancel the run and attach a file by hand, or plan a new run.")}
          {view.status === "CANCELLED" && `Cancelled ${when(view.cancelledAt ?? view.createdAt)}.`}
          {view.status === "RELEASED" && `Released to the requester ${run?.releasedAt ? when(run.releasedAt) : ""}.`}
        </p>
      ) : (
        <p className="text-slate-800">Search the systems of the data map for the requester&apos;s data and put together the package for them.</p>
      )}

      {view?.status === "PLANNED" ? (
        <>
          <Plan view={view} />
          {canAct ? (
            <>
              <ActionForm action={startRunForm}>
                <Hidden requestId={requestId} values={{ runId: view.id }} />
                <button type="submit" className={buttonClass()}>
                  Start
                </button>
              </ActionForm>
              {open ? <PlanForm requestId={requestId} again /> : null}
            </>
          ) : null}
        </>
      ) : null}

      {view && view.status !== "PLANNED" && view.kind !== "WORKSPACE_EXPORT" && view.status !== "RELEASED" && view.status !== "CANCELLED" ? (
        <Progress view={view} requestId={requestId} canAct={canAct} />
      ) : null}

      {review && view ? <Review review={review} requestId={requestId} runId={view.id} canAct={canAct} personal={personal} /> : null}

      {correctable && view ? <ProposalSection fields={correctable} requestId={requestId} runId={view.id} canAct={canAct} personal={personal} refused={errorField} /> : null}
      {erasure && view ? <DryRunSection dryRun={erasure} personal={personal} correction={correcting} /> : null}
      {canAct && view && ((erasure && (!correcting || proposed || correctable?.length === 0)) || (view.status === "FAILED" && changing && run?.approvedAt)) ? (
        <ActionForm action={correcting ? approveCorrectionForm : approveErasureForm} className="mt-3">
          <Hidden requestId={requestId} values={{ runId: view.id }} />
          <button type="submit" className={buttonClass()}>
            {erasure ? (correcting ? (proposed ? "Approve and correct" : "Approve: ask the owners to correct") : "Approve and erase") : correcting ? "Resume the correction" : "Resume the erasure"}
          </button>
          <p className="mt-1 text-sm text-slate-700">
            {erasure
              ? correcting
                ? "The new values are written in the rows above, batch by batch. The owners of the other systems that hold the person's data are emailed a task to correct it by hand."
                : "The rows above are deleted or changed in the systems, batch by batch. This cannot be undone."
              : "Goes on from the last batch that was written."}
          </p>
        </ActionForm>
      ) : null}

      {canAct && view && ready ? (
        <ActionForm action={releaseRunForm} className="mt-3">
          <Hidden requestId={requestId} values={{ runId: view.id }} />
          <button type="submit" className={buttonClass()}>
            Release to the requester
          </button>
          <p className="mt-1 text-sm text-slate-700">Completes the request and emails the requester a link to download the package.</p>
        </ActionForm>
      ) : null}

      {canAct && view && ["RUNNING", "ASSEMBLING", "READY", "FAILED", "AWAITING_APPROVAL", "ERASING"].includes(view.status) && view.kind !== "WORKSPACE_EXPORT" ? (
        <ActionForm action={cancelRunForm} className="mt-3">
          <Hidden requestId={requestId} values={{ runId: view.id }} />
          <button type="submit" className={buttonClass("secondary")}>
            Cancel run
          </button>
        </ActionForm>
      ) : null}

      {canAct && open && ended ? <PlanForm requestId={requestId} again={false} /> : null}
      {erasable ? <Holds holds={holds} requestId={requestId} canAct={canAct} when={when} /> : null}
      {!canAct ? <p className="text-sm text-slate-700">Your role can follow the run but not act on it.</p> : null}
      <RunRefresh everySeconds={refreshSeconds(view)} />
    </section>
  );
}
