import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { describedBy, FieldError, FieldHint } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";

// What the customer and workspace forms share: a labelled field tied to its hint and error, and
// one hook for the form, its outcome message and how a refusal from the server lands on it.

type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(hint ? `${id}-hint` : null, `${id}-error`, Boolean(error)) })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type Outcome = { tone: "success" | "error"; message: string };

/**
 * A form validated by `schema` as typed (raw: the action receives the same text and parses it
 * with the same schema), whose defaults follow `stored`: after a save the page refreshes with the
 * values as the server normalised them (lower case, host names) and the form takes them.
 * `fieldForCode` puts a domain refusal (SLUG_TAKEN) under the field it is about.
 */
export function useRegistryForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  stored: T,
  { fields, fieldForCode = {} }: { fields: readonly Path<T>[]; fieldForCode?: Partial<Record<string, Path<T>>> },
) {
  const form = useForm<T>({
    resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<T>,
    defaultValues: stored as never,
  });
  const { reset, setError, setFocus, handleSubmit } = form;
  const isSubmitting = form.formState.isSubmitting;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // A disabled input can't take the focus: the field to focus waits until the fieldset is enabled.
  const focusNext = useRef<Path<T> | null>(null);

  const storedKey = JSON.stringify(stored);
  useEffect(() => reset(JSON.parse(storedKey) as T), [storedKey, reset]);
  useEffect(() => {
    if (isSubmitting || !focusNext.current) return;
    setFocus(focusNext.current);
    focusNext.current = null;
  }, [isSubmitting, setFocus]);

  /** Shows the server's messages under `fields`, the rest above the form, and focuses the first. */
  const refuse = (result: Extract<ActionResult<unknown>, { ok: false }>) => {
    const messages = new Map<Path<T>, string>();
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      if (fields.includes(name as Path<T>)) messages.set(name as Path<T>, message);
    }
    const codeField = result.code ? fieldForCode[result.code] : undefined;
    if (codeField && result.formError) messages.set(codeField, result.formError);
    for (const [name, message] of messages) setError(name, { message });
    focusNext.current = fields.find((f) => messages.has(f)) ?? null;
    const formError = codeField ? null : (result.formError ?? (messages.size ? null : "That did not work. Reload the page and try again."));
    if (formError) {
      setOutcome({ tone: "error", message: formError });
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  };

  return {
    form,
    submit: (run: (values: T) => Promise<void>) =>
      handleSubmit(async (values) => {
        setOutcome(null);
        await run(values);
      }),
    succeed: (message: string) => setOutcome({ tone: "success", message }),
    refuse,
    status: (
      <div aria-live="polite">
        {outcome ? (
          <Alert ref={alertRef} tone={outcome.tone}>
            {outcome.message}
          </Alert>
        ) : null}
      </div>
    ),
  };
}
