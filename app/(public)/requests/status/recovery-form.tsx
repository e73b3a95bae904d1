"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { requestStatusLinkAction } from "./actions";
import { INITIAL_RECOVERY_STATE } from "./recovery-state";
import { usePermalink } from "@/components/ui/action-form";

/**
 * Asks for a new status link by email address and reference. A plain form posting to a server
 * action, so it works before (or without) JavaScript. The answer after sending is the same whether
 * or not the two match a request; focus moves to it, or to the first error.
 */
export type RecoveryFormWords = {
  sentTitle: string;
  sentBody: string;
  sentHelp: ReactNode;
  emailLabel: string;
  emailHint: string;
  referenceLabel: string;
  referenceHint: string;
  sending: string;
  submit: string;
};

export function RecoveryForm({ words }: { words: RecoveryFormWords }) {
  const [state, formAction, pending] = useActionState(requestStatusLinkAction, INITIAL_RECOVERY_STATE, usePermalink());
  const { values, fieldErrors = {}, formError, sent } = state;
  const email = useRef<HTMLInputElement>(null);
  const reference = useRef<HTMLInputElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (fieldErrors.email) email.current?.focus();
    else if (fieldErrors.reference) reference.current?.focus();
    else if (formError) problem.current?.focus();
    else if (sent) done.current?.focus();
  }, [state, fieldErrors.email, fieldErrors.reference, formError, sent]);

  return (
    <form action={formAction} noValidate className="space-y-5">
      {sent ? (
        <Alert ref={done} tone="success" title={words.sentTitle}>
          <p>{words.sentBody}</p>
          <p className="mt-2">{words.sentHelp}</p>
        </Alert>
      ) : null}
      {formError ? (
        <Alert ref={problem} tone="error">
          {formError}
        </Alert>
      ) : null}
      <fieldset disabled={pending} className="space-y-5">
        <div>
          <label htmlFor="f-recovery-email" className="block font-medium text-slate-900">
            {words.emailLabel}
          </label>
          <FieldHint id="f-recovery-email-hint">{words.emailHint}</FieldHint>
          <input
            ref={email}
            id="f-recovery-email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={describedBy("f-recovery-email-hint", "f-recovery-email-error", Boolean(fieldErrors.email))}
            className={inputClass}
          />
          <FieldError id="f-recovery-email-error" message={fieldErrors.email} />
        </div>
        <div>
          <label htmlFor="f-recovery-reference" className="block font-medium text-slate-900">
            {words.referenceLabel}
          </label>
          <FieldHint id="f-recovery-reference-hint">{words.referenceHint}</FieldHint>
          <input
            ref={reference}
            id="f-recovery-reference"
            name="reference"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={values.reference}
            aria-invalid={fieldErrors.reference ? true : undefined}
            aria-describedby={describedBy("f-recovery-reference-hint", "f-recovery-reference-error", Boolean(fieldErrors.reference))}
            className={`${inputClass} max-w-xs`}
          />
          <FieldError id="f-recovery-reference-error" message={fieldErrors.reference} />
        </div>
        <Button type="submit">{pending ? words.sending : words.submit}</Button>
      </fieldset>
    </form>
  );
}
