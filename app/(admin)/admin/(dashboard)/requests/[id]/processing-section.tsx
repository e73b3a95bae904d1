import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { db } from "@/lib/db";
import { dataUseLabel } from "@/lib/datamap/taxonomy";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { listNotices, OWNER_TASK_KINDS } from "@/lib/recipients/notices";
import { noticeState } from "@/lib/recipients/notice-words";
import { PROCESSING_ERRORS, PROCESSING_KIND_FOR_REQUEST, useChoices } from "@/lib/recipients/processing";
import { askOwnersForm } from "./processing-actions";
import { FocusOnArrival } from "./run-refresh";
import { ActionForm } from "@/components/ui/action-form";

// An objection or restriction: the officer chooses the uses of the data concerned, the owners of
// the systems using the data so are emailed a task, and each task is tracked here until confirmed.

const ERRORS: Record<string, string> = {
  ...PROCESSING_ERRORS,
  INVALID_INPUT: "Choose at least one use of the data, from the list.",
  FORBIDDEN: "Your role cannot do that.",
  INTERNAL: "That did not work because of a problem on our side. Nothing was changed; please try again.",
};

export async function ProcessingSection({
  request,
  open,
  canAct,
  personalVisible,
  dayOf,
  outcome,
}: {
  request: { id: string; type: RequestType; details: unknown };
  open: boolean;
  canAct: boolean;
  personalVisible: boolean;
  dayOf: (at: Date) => string;
  outcome: { done?: string; error?: string; at?: string };
}) {
  // A deletion or a correction: the systems the portal cannot change themselves, done by their owners.
  const byHand = request.type === "DELETION" || request.type === "CORRECTION";
  const kind = request.type === "DELETION" ? "ERASE_BY_HAND" : request.type === "CORRECTION" ? "CORRECT_BY_HAND" : PROCESSING_KIND_FOR_REQUEST[request.type];
  if (!kind) return null;
  const [tasks, choices] = await Promise.all([listNotices(db, request.id, OWNER_TASK_KINDS), canAct && open && !byHand ? useChoices(db, request) : []]);
  if (byHand && tasks.length === 0) return null;
  const verb = kind === "STOP_PROCESSING" ? "stop" : kind === "RESTRICT_PROCESSING" ? "restrict" : kind === "CORRECT_BY_HAND" ? "correct" : "erase";
  const doneWords = {
    stop: "the owner confirmed the uses are stopped",
    restrict: "the owner confirmed the uses are restricted",
    erase: "the owner confirmed it is erased as listed",
    correct: "the owner confirmed it is corrected",
  }[verb];
  const nothingWords = byHand ? "the owner confirmed the system held nothing about the person" : "the owner confirmed the system does not use the data so";
  return (
    <section id="processing" aria-labelledby="processing-heading" className="space-y-3">
      <h2 id="processing-heading" className="text-lg font-semibold text-slate-900">
        {byHand ? (verb === "correct" ? "Corrected by hand" : "Erased by hand") : kind === "STOP_PROCESSING" ? "Stop the uses objected to" : "Restrict the uses concerned"}
      </h2>
      {byHand ? (
        <p className="text-slate-800">
          The portal cannot {verb} in these systems: their owners were asked to, when the {verb === "correct" ? "correction" : "erasure"} was approved.
        </p>
      ) : null}
      <div aria-live="polite">
        {outcome.done === "asked" ? (
          <FocusOnArrival key={`asked-${outcome.at}`}>
            <Alert tone="success">The owners are emailed their tasks. Each one&apos;s confirmation appears below.</Alert>
          </FocusOnArrival>
        ) : null}
        {outcome.error ? (
          <FocusOnArrival key={`error-${outcome.error}-${outcome.at}`}>
            <Alert tone="error">{ERRORS[outcome.error] ?? ERRORS.INTERNAL}</Alert>
          </FocusOnArrival>
        ) : null}
      </div>
      {tasks.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{byHand ? `Owners asked to ${verb} the person's data by hand` : `Owners asked to ${verb} a use of the person's data`}</caption>
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">System</th>
                {byHand ? null : <th scope="col" className="py-2 pr-4 font-medium">Uses</th>}
                <th scope="col" className="py-2 pr-4 font-medium">Where it stands</th>
                <th scope="col" className="py-2 font-medium">Owner&apos;s note</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {tasks.map((t) => (
                <tr key={t.id} className="align-top">
                  <td className="py-2 pr-4 text-slate-900">
                    {t.recipientName}
                    <span className="block text-slate-700">{t.sentTo.join(", ")}</span>
                  </td>
                  {byHand ? null : <td className="py-2 pr-4 text-slate-900">{t.dataUses.map(dataUseLabel).join(", ")}</td>}
                  <td className="py-2 pr-4 text-slate-900">
                    {noticeState({ ...t, byConnector: false }, dayOf, { done: doneWords, nothing: nothingWords })}
                    {t.escalatedAt && !t.confirmedAt ? "; reminders used up, reach the owner another way" : ""}
                  </td>
                  <td className="py-2 text-slate-900">{t.note ? personalVisible ? <UntrustedText>{t.note}</UntrustedText> : "Masked for your role" : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-800">No owner has been asked yet.</p>
      )}
      {canAct && open ? (
        choices.length ? (
          <ActionForm action={askOwnersForm} className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            <input type="hidden" name="requestId" value={request.id} />
            <fieldset>
              <legend className="font-medium text-slate-900">Uses of the data to {verb} for this person</legend>
              <p className="text-sm text-slate-700">The uses the data map lists; those the request names are ticked.</p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {choices.map((c) => (
                  <div key={c.key} className="flex items-start gap-2">
                    <input id={`use-${c.key}`} type="checkbox" name="uses" value={c.key} defaultChecked={c.proposed} className="mt-1 h-4 w-4" />
                    <label htmlFor={`use-${c.key}`} className="text-slate-900">
                      {c.label} <span className="text-slate-700">({c.key})</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" className={buttonClass("secondary")}>
              Ask the owners to {verb} these uses
            </button>
          </ActionForm>
        ) : (
          <p className="text-slate-800">No system of the data map lists a use of the data yet: add data uses to the systems on the Data map page.</p>
        )
      ) : null}
    </section>
  );
}
