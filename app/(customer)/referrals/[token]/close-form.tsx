"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { closeAction } from "./actions";
import { INITIAL_CLOSE_STATE } from "./page-state";

/** The form's words, in the reader's language (the page translates them on the server). */
export type CloseFormWords = {
  legend: string;
  outcomes: { value: "COMPLETED" | "REFUSED"; label: string; hint: string }[];
  note: string;
  noteHint: string;
  afterwards: string;
  submit: string;
  submitting: string;
};

/**
 * Closes the customer's part. A plain form posting to a server action, so it works before (or
 * without) JavaScript; errors come back with what was entered, and focus moves to the first one.
 * Success redirects to the page, which shows the confirmation.
 */
export function CloseForm({ token, permalink, words }: { token: string; /** The page's address in its language. */ permalink: string; words: CloseFormWords }) {
  const [state, formAction, pending] = useActionState(closeAction, INITIAL_CLOSE_STATE, permalink);
  const { values, fieldErrors = {}, formError } = state;
  const firstOutcome = useRef<HTMLInputElement>(null);
  const note = useRef<HTMLTextAreaElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const firstError = fieldErrors.outcome ? "outcome" : fieldErrors.note ? "note" : formError ? "form" : null;

  useEffect(() => {
    if (firstError === "outcome") firstOutcome.current?.focus();
    else if (firstError === "note") note.current?.focus();
    else if (firstError === "form") problem.current?.focus();
  }, [state, firstError]);

  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {formError ? (
        <Alert ref={problem} tone="error">
          {formError}
        </Alert>
      ) : null}
      <fieldset disabled={pending} className="space-y-5">
        <fieldset aria-describedby={describedBy(null, "f-outcome-error", Boolean(fieldErrors.outcome))}>
          <legend className="font-medium text-slate-900">{words.legend}</legend>
          <FieldError id="f-outcome-error" message={fieldErrors.outcome} />
          <div className="mt-2 space-y-2">
            {words.outcomes.map((o, i) => (
              <label key={o.value} className="flex cursor-pointer items-start gap-3">
                <input
                  ref={i === 0 ? firstOutcome : undefined}
                  type="radio"
                  name="outcome"
                  value={o.value}
                  defaultChecked={values.outcome === o.value}
                  aria-invalid={fieldErrors.outcome ? true : undefined}
                  autoFocus={i === 0 && firstError === "outcome"}
                  className="mt-1 h-4 w-4 accent-blue-700"
                />
                <span className="text-slate-900">
                  <span className="font-medium">{o.label}</span>: {o.hint}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="f-note" className="block font-medium text-slate-900">
            {words.note}
          </label>
          <FieldHint id="f-note-hint">{words.noteHint}</FieldHint>
          <textarea
            ref={note}
            id="f-note"
            name="note"
            rows={6}
            defaultValue={values.note}
            aria-invalid={fieldErrors.note ? true : undefined}
            aria-describedby={describedBy("f-note-hint", "f-note-error", Boolean(fieldErrors.note))}
            autoFocus={firstError === "note"}
            className={inputClass}
          />
          <FieldError id="f-note-error" message={fieldErrors.note} />
        </div>
        <p className="text-sm text-slate-700">{words.afterwards}</p>
        <Button type="submit">{pending ? words.submitting : words.submit}</Button>
      </fieldset>
    </form>
  );
}
