"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";
import type { DenialBasis, ResponseAction } from "@/lib/generated/prisma/enums";
import { DENIAL_BASIS_LABELS } from "@/lib/requests/labels";
import type { StaffAction } from "@/lib/requests/lifecycle";
import {
  acknowledgeAction,
  addNoteAction,
  askForInformationAction,
  assignAction,
  completeAction,
  decideIdentityAction,
  denyAction,
  extendAction,
  keepBothAction,
  markSpamAction,
  mergeAction,
} from "./actions";
import { ConfirmedAction } from "./confirmed-action";
import { FocusOnArrival } from "./run-refresh";
import { useHydrated } from "@/components/ui/use-hydrated";

type Props = {
  requestId: string;
  reference: string;
  allowed: StaffAction[];
  deliversPackage: boolean;
  hasPackage: boolean;
  extensionLabel: string | null;
  appealAvailable: boolean;
  regulator: string;
  assigneeId: string | null;
  assignees: { id: string; label: string }[];
  /** The earlier request this one may repeat, when flagged. */
  duplicateOf: { reference: string } | null;
  /** Days an address is refused new requests after spam (SPAM_BLOCK_DAYS). */
  spamBlockDays: number;
  /** How many other requests the address sent in the last 12 months (the evidence kept with an Art. 12(5) denial). */
  otherRequests: number;
  /** What the officer may decide on the identity check: both while it is theirs to judge, "passed" after a failed one. */
  identityDecisions: ("PASSED" | "FAILED")[];
  /** Who filed it: an agent's request has two people to ask, the agent and the consumer. */
  submittedBy: "SELF" | "AGENT" | "PARENT";
  /** Saved texts, already filled with this request's values (lib/templates/). */
  templates: { id: string; action: ResponseAction; title: string; body: string }[];
};

/** Whom the officer can ask: on an agent's request, the agent or the consumer (CCPA 11 CCR 7063(a)). */
function askWhom(submittedBy: Props["submittedBy"]): { party: "REQUESTER" | "SUBJECT"; who: string; hint: string }[] {
  if (submittedBy === "AGENT") {
    return [
      { party: "REQUESTER", who: "agent", hint: " They can upload documents there too. A signed permission is enough: never ask for a power of attorney." },
      { party: "SUBJECT", who: "consumer", hint: " For example, to confirm their identity directly." },
    ];
  }
  if (submittedBy === "PARENT") {
    return [{ party: "REQUESTER", who: "parent or guardian", hint: " For example, for proof of parental responsibility, which they can upload there." }];
  }
  return [{ party: "REQUESTER", who: "requester", hint: "" }];
}

export function ActionsPanel(props: Props) {
  const { requestId, reference, allowed } = props;
  const has = (action: StaffAction) => allowed.includes(action);
  // What the last action did, said once it worked and focused (issue 13, point 5): the action's own
  // section may be gone after the refresh (Acknowledge, Extend), so the panel says it.
  const [done, setDone] = useState<{ message: string; at: number } | null>(null);
  const onDone = (message: string) => setDone({ message, at: Date.now() });
  const textsFor = (action: ResponseAction) => props.templates.filter((t) => t.action === action);
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {done ? (
          <FocusOnArrival key={done.at}>
            <Alert tone="success">{done.message}</Alert>
          </FocusOnArrival>
        ) : null}
      </div>
      {has("merge") && props.duplicateOf ? (
        <ConfirmedAction
          title={`Merge into ${props.duplicateOf.reference}`}
          description={`Closes this request and answers it with ${props.duplicateOf.reference}. Both status pages say so; no email is sent.`}
          confirmText={`Merge ${reference} into ${props.duplicateOf.reference}? This request is closed.`}
          buttonLabel="Merge"
          run={() => mergeAction({ requestId })}
          done={`Merged: ${props.duplicateOf.reference} answers both.`}
          onDone={onDone}
        />
      ) : null}
      {has("keepBoth") && props.duplicateOf ? (
        <ConfirmedAction
          title="Keep both"
          description={`Not a duplicate: this request is answered on its own, apart from ${props.duplicateOf.reference}.`}
          confirmText={`Keep ${reference} as a request of its own?`}
          buttonLabel="Keep both"
          run={() => keepBothAction({ requestId })}
          done="Kept: the possible-duplicate flag is cleared."
          onDone={onDone}
        />
      ) : null}
      {props.identityDecisions.map((decision) => (
        <ConfirmedAction
          key={decision}
          title={decision === "PASSED" ? "Identity confirmed" : "Identity not confirmed"}
          description={
            decision === "PASSED"
              ? "You are satisfied the requester is who they say. Runs can then search their data. Recorded with your reason; nobody is emailed."
              : "The answers do not establish who the requester is. Nothing is searched or erased; deny the request as unverifiable, or ask for more. Recorded with your reason."
          }
          confirmText={`Record that the identity check of ${reference} ${decision === "PASSED" ? "passed" : "failed"}?`}
          buttonLabel={decision === "PASSED" ? "Mark identity confirmed" : "Mark identity not confirmed"}
          field={{ name: "reason", label: "What the decision rests on", required: true }}
          run={(reason) => decideIdentityAction({ requestId, decision, reason: reason ?? "" })}
          done={decision === "PASSED" ? "Recorded: the identity check passed." : "Recorded: the identity check failed."}
          onDone={onDone}
        />
      ))}
      {has("assign") ? <AssignControl {...props} /> : null}
      {has("acknowledge") ? (
        <ConfirmedAction
          title="Acknowledge and start"
          description="Moves the request to In progress. The requester sees it on their status page."
          confirmText={`Start work on ${reference}?`}
          buttonLabel="Acknowledge"
          run={() => acknowledgeAction({ requestId })}
          done="Acknowledged: the request is in progress, and the requester sees it on their status page."
          onDone={onDone}
        />
      ) : null}
      {has("askForInformation")
        ? askWhom(props.submittedBy).map(({ party, who, hint }) => (
            <ConfirmedAction
              key={party}
              title={`Ask the ${who} for more information`}
              description={`They are emailed your question and answer on their status page; the request waits for an answer.${hint}`}
              confirmText={`Email this question to the ${who} of ${reference}?`}
              buttonLabel={props.submittedBy === "SELF" ? "Send question" : `Send question to the ${who}`}
              field={{ name: "message", label: props.submittedBy === "SELF" ? "Your question" : `Your question to the ${who}`, required: true }}
              templates={textsFor("ASK_FOR_INFORMATION")}
              run={(message) => askForInformationAction({ requestId, message: message ?? "", party })}
              done={`Question sent: the ${who} is emailed it, and the request waits for an answer.`}
              onDone={onDone}
            />
          ))
        : null}
      {has("extend") ? (
        <ConfirmedAction
          title="Extend the deadline"
          description={`Once per request, before the original deadline. ${props.extensionLabel ?? ""} The requester is emailed the new date and your reason.`}
          confirmText={`Extend the deadline of ${reference}? This can't be undone or repeated.`}
          buttonLabel="Extend deadline"
          field={{ name: "reason", label: "Reason (sent to the requester)", required: true, hint: "For example: the number of requests, or the complexity of this one." }}
          templates={textsFor("EXTEND")}
          run={(reason) => extendAction({ requestId, reason: reason ?? "" })}
          done="Deadline extended: the requester is emailed the new date and your reason."
          onDone={onDone}
        />
      ) : null}
      {has("complete") ? (
        <ConfirmedAction
          title="Complete"
          description={
            props.deliversPackage
              ? props.hasPackage
                ? "The requester is emailed that their data is ready to download from the status page, with your answer if you write one."
                : "Attach the data package, or answer in words (for example, that we hold no data about them). The requester reads it in the email and on their status page."
              : "Record what was done. The requester is emailed this description and reads it on their status page."
          }
          confirmText={`Complete ${reference} and email the requester?`}
          buttonLabel="Complete request"
          field={
            props.deliversPackage
              ? { name: "outcome", label: `Your answer (sent to the requester)${props.hasPackage ? ", optional" : ""}`, required: !props.hasPackage }
              : { name: "outcome", label: "What was done (sent to the requester)", required: true }
          }
          templates={textsFor("COMPLETE")}
          run={(outcome) => completeAction({ requestId, outcome })}
          done="Completed: the requester is emailed."
          onDone={onDone}
        />
      ) : null}
      {has("deny") ? <DenyAction {...props} templates={textsFor("DENY")} onDone={onDone} /> : null}
      {has("addNote") ? (
        <ConfirmedAction
          title="Internal note"
          description="For the team only: it goes into the timeline and is never shown to the requester."
          confirmText="Add this note to the timeline? Notes can't be edited later."
          buttonLabel="Add note"
          field={{ name: "note", label: "Note", required: true }}
          run={(note) => addNoteAction({ requestId, note: note ?? "" })}
          done="Note added to the timeline."
          onDone={onDone}
        />
      ) : null}
      {has("markSpam") ? (
        <ConfirmedAction
          title="Mark as spam"
          description={`For junk, not for a request you will refuse: it is closed without an email, the name, email address and details are erased, and the address is refused new requests for ${props.spamBlockDays} days.`}
          confirmText={`Mark ${reference} as spam? This erases what the requester gave and can't be undone.`}
          buttonLabel="Mark as spam"
          run={() => markSpamAction({ requestId })}
          done={`Marked as spam: closed, erased, and the address refused new requests for ${props.spamBlockDays} days.`}
          onDone={onDone}
        />
      ) : null}
    </div>
  );
}

/** Deny, with the basis the §7102 figures count denials by, chosen before the reason is confirmed. */
function DenyAction({ requestId, reference, regulator, appealAvailable, templates, onDone, otherRequests }: Props & { onDone: (message: string) => void }) {
  const [basis, setBasis] = useState<DenialBasis | "">("");
  const [basisError, setBasisError] = useState<string | null>(null);
  return (
    <ConfirmedAction
      title="Deny"
      description={`The requester is emailed your reason and their right to complain to ${regulator}${appealAvailable ? ", and how to appeal" : ""}.`}
      confirmText={`Deny ${reference}${basis ? ` (${DENIAL_BASIS_LABELS[basis].toLowerCase()})` : ""}? The request is closed.`}
      buttonLabel="Deny request"
      field={{ name: "reason", label: "Reason for the denial (sent to the requester and kept in the record)", required: true }}
      templates={templates}
      check={() => {
        setBasisError(basis ? null : "Choose the basis for the denial");
        return basis !== "";
      }}
      run={(reason) => denyAction({ requestId, reason: reason ?? "", basis: basis as DenialBasis })}
      done="Denied: the requester is emailed your reason and how to complain."
      onDone={onDone}
    >
      {(locked) => (
        <div className="mt-3">
          <label htmlFor="deny-basis" className="block text-sm font-medium text-slate-900">
            Basis (counted in the yearly request figures)
          </label>
          <select
            id="deny-basis"
            value={basis}
            onChange={(e) => setBasis(e.target.value as DenialBasis | "")}
            disabled={locked}
            aria-invalid={basisError ? true : undefined}
            aria-describedby={basisError ? "deny-basis-error" : undefined}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {(Object.keys(DENIAL_BASIS_LABELS) as DenialBasis[]).map((b) => (
              <option key={b} value={b}>
                {DENIAL_BASIS_LABELS[b]}
              </option>
            ))}
          </select>
          <FieldError id="deny-basis-error" message={basisError ?? undefined} />
          {basis === "UNFOUNDED_OR_EXCESSIVE" ? (
            <p className="mt-1 text-sm text-slate-700">
              The burden of showing it is ours (GDPR Art. 12(5)). The address&apos;s other requests of the last 12 months ({otherRequests}) are
              kept with the decision as evidence; say in the reason why they make this one unfounded or excessive.
            </p>
          ) : null}
        </div>
      )}
    </ConfirmedAction>
  );
}

function AssignControl({ requestId, assigneeId, assignees }: Props) {
  const [value, setValue] = useState(assigneeId ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="assign-title" className="rounded-md border border-slate-300 bg-white p-4">
      <h3 id="assign-title" className="font-semibold text-slate-900">
        Assignee
      </h3>
      <label htmlFor="assignee" className="sr-only">
        Assign to
      </label>
      <div className="mt-2 flex gap-2">
        <select id="assignee" value={value} onChange={(e) => setValue(e.target.value)} className={`${inputClass} mt-0`} disabled={!hydrated || pending}>
          <option value="">Nobody</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          disabled={!hydrated || pending || value === (assigneeId ?? "")}
          onClick={() =>
            startTransition(async () => {
              const result = await assignAction({ requestId, assigneeId: value || null });
              setMessage(result.ok ? "Saved." : (result.formError ?? "That did not work."));
            })
          }
        >
          Assign
        </Button>
      </div>
      <p aria-live="polite" className="mt-1 text-sm text-slate-700">
        {message}
      </p>
    </section>
  );
}
