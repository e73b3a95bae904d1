"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { FocusOnArrival } from "./run-refresh";
import { useHydrated } from "@/components/ui/use-hydrated";

type Field = { name: string; label: string; hint?: string; required: boolean };

/**
 * One dashboard action: an optional text field (or controls of the caller's, `children`, locked
 * while confirming, and checked by `check`), then an explicit confirmation step that says what
 * will happen (and whether the requester is emailed) before anything changes.
 */
export function ConfirmedAction({
  title,
  description,
  confirmText,
  buttonLabel,
  field,
  children,
  check,
  run,
  done,
  onDone,
  templates = [],
}: {
  title: string;
  description: string;
  confirmText: string;
  buttonLabel: string;
  field?: Field;
  children?: (locked: boolean) => ReactNode;
  /** Validates the caller's controls before the confirmation step; false keeps the form open. */
  check?: () => boolean;
  run: (text: string | undefined) => Promise<ActionResult<unknown>>;
  /** What happened, in words, once it worked ("Deadline extended: …"); shown by the caller (onDone). */
  done: string;
  onDone?: (message: string) => void;
  /** Saved texts to start the field from, already filled with the request's values. */
  templates?: { id: string; title: string; body: string }[];
}) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [stage, setStage] = useState<"edit" | "confirm">("edit");
  const [error, setError] = useState<string | null>(null);
  // Without a caller to say it, the section says what happened, and takes the focus.
  const [said, setSaid] = useState<{ message: string; at: number } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Until React has hydrated, typing would be lost and a click would do nothing: see useHydrated.
  const hydrated = useHydrated();

  const review = () => {
    setError(null);
    setSaid(null);
    if (field?.required && !text.trim()) {
      setFieldError(`${field.label} is required`);
      return;
    }
    setFieldError(null);
    if (check && !check()) return;
    setStage("confirm");
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const confirm = () =>
    startTransition(async () => {
      const result = await run(field ? text : undefined);
      if (result.ok) {
        setText("");
        setStage("edit");
        if (onDone) onDone(done);
        else setSaid({ message: done, at: Date.now() });
        router.refresh();
        return;
      }
      setStage("edit");
      const fieldMessage = result.fieldErrors && field ? result.fieldErrors[field.name] : undefined;
      if (fieldMessage) setFieldError(fieldMessage);
      const otherMessage = fieldMessage ? null : Object.values(result.fieldErrors ?? {})[0];
      setError(result.formError ?? otherMessage ?? (fieldMessage ? null : "That did not work. Check the form and try again."));
    });

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-300 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{description}</p>
      <div aria-live="polite">
        {error ? <div className="mt-3"><Alert tone="error">{error}</Alert></div> : null}
        {said ? (
          <div className="mt-3">
            <FocusOnArrival key={said.at}>
              <Alert tone="success">{said.message}</Alert>
            </FocusOnArrival>
          </div>
        ) : null}
      </div>
      {field ? (
        <div className="mt-3">
          {templates.length ? (
            <div className="mb-3">
              <label htmlFor={`${id}-template`} className="block text-sm text-slate-800">
                Start from a saved text
              </label>
              <select
                id={`${id}-template`}
                value=""
                disabled={!hydrated || pending || stage === "confirm"}
                onChange={(e) => {
                  const chosen = templates.find((t) => t.id === e.target.value);
                  if (chosen) setText(chosen.body);
                }}
                className={inputClass}
              >
                <option value="">Choose a saved text…</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-900">
            {field.label}
          </label>
          {field.hint ? <FieldHint id={`${id}-hint`}>{field.hint}</FieldHint> : null}
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            disabled={!hydrated || pending || stage === "confirm"}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy(field.hint ? `${id}-hint` : null, `${id}-error`, Boolean(fieldError))}
            className={inputClass}
          />
          <FieldError id={`${id}-error`} message={fieldError ?? undefined} />
        </div>
      ) : null}
      {children?.(!hydrated || pending || stage === "confirm")}
      {stage === "edit" ? (
        <Button className="mt-3" variant="secondary" onClick={review} disabled={!hydrated || pending}>
          {buttonLabel}
        </Button>
      ) : (
        <div role="group" aria-label={`Confirm: ${title}`} className="mt-3 space-y-2 rounded-md bg-amber-50 p-3">
          <p className="text-sm text-slate-900">{confirmText}</p>
          <div className="flex gap-2">
            <Button ref={confirmRef} onClick={confirm} disabled={pending}>
              {pending ? "Working…" : `Confirm: ${buttonLabel.toLowerCase()}`}
            </Button>
            <Button variant="secondary" onClick={() => setStage("edit")} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
