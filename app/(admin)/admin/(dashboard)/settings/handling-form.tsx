"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { showRefusal } from "@/components/ui/show-refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import { describeHandling, HANDLING_FIELDS, HANDLING_KEYS, handlingSchema, type Handling, type HandlingInput, type HandlingKey } from "@/lib/organization/handling-schema";
import { updateHandlingAction } from "./actions";

/**
 * The request-handling overrides: each field empty takes the environment's default, which its hint
 * names. Saved as one, each change in the settings history.
 */
export function HandlingForm({ values, defaults }: { values: HandlingInput; defaults: Handling }) {
  const hydrated = useHydrated();
  const schema = useMemo(() => handlingSchema(defaults), [defaults]);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<HandlingInput>({ resolver: zodResolver(schema), defaultValues: values, shouldFocusError: true });

  const onSubmit = handleSubmit(async (input) => {
    setOutcome(null);
    const result = await updateHandlingAction(input);
    if (result.ok) {
      const changed = result.data.changed.map((key) => HANDLING_FIELDS[key as HandlingKey].label);
      setOutcome({ tone: "success", message: changed.length ? `Saved: ${changed.join("; ")}.` : "Nothing had changed." });
      return;
    }
    showRefusal(result, { setError, setFocus }, (message) => setOutcome({ tone: "error", message }));
  });

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="mt-4 space-y-4">
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-5">
        {HANDLING_KEYS.map((key) => {
          const field = HANDLING_FIELDS[key];
          const id = `handling-${key}`;
          const hint = `${"hint" in field ? `${field.hint} ` : ""}Empty: the default, ${describeHandling(key, defaults[key])} (${field.env}).`;
          return (
            <div key={key}>
              <label htmlFor={id} className="block font-medium text-slate-900">
                {field.label} <span className="font-normal text-slate-700">({field.unit})</span>
              </label>
              <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
              <input
                id={id}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={String(defaults[key])}
                {...register(key)}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={describedBy(`${id}-hint`, `${id}-error`, Boolean(errors[key]))}
                className={`${inputClass} max-w-40`}
              />
              <FieldError id={`${id}-error`} message={errors[key]?.message} />
            </div>
          );
        })}
        <Button type="submit">{isSubmitting ? "Saving…" : "Save request handling"}</Button>
      </fieldset>
    </form>
  );
}
