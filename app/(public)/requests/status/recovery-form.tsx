"use client";

import { useActionState, useEffect, useRef } from "react";
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
export function RecoveryForm({ privacyEmail, unverifiedDays }: { privacyEmail: string; unverifiedDays: number }) {
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
        <Alert ref={done} tone="success" title="Check your email">
          <p>
            If the email address and reference match a request, we have emailed a new link to the address on that request. It can
            take a few minutes to arrive; look in your spam folder too.
          </p>
          <p className="mt-2">
            Nothing after an hour? Check the reference in our earlier emails, or write to{" "}
            <a href={`mailto:${privacyEmail}`}>{privacyEmail}</a>. A request whose email address was never confirmed is closed
            after {unverifiedDays === 1 ? "1 day" : `${unverifiedDays} days`} and the address erased, so we cannot send a link for it.
          </p>
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
            Email address
          </label>
          <FieldHint id="f-recovery-email-hint">The address you made the request with. We send the link only to that address.</FieldHint>
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
            Reference
          </label>
          <FieldHint id="f-recovery-reference-hint">In the subject of every email we sent about the request, like DSR-7K3M-Q9PX.</FieldHint>
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
        <Button type="submit">{pending ? "Sending…" : "Email me a new link"}</Button>
      </fieldset>
    </form>
  );
}
