"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldHint, inputClass } from "@/components/ui/field";
import { LabelledField } from "../customers/form-parts";
import type { FormState } from "./form-state";
import { usePermalink } from "@/components/ui/action-form";

// The data map's forms: plain posts to server actions (they work without JavaScript; with it,
// React posts them without a reload). The outcome shows above the form, each field's message
// under it, and a refused form keeps what was typed.

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const StateContext = createContext<{ state: FormState; idPrefix: string }>({ state: null, idPrefix: "" });

export function ActionForm({
  action,
  idPrefix,
  submitLabel,
  children,
  hidden = {},
  variant = "primary",
  className = "space-y-4",
  encType,
}: {
  action: Action;
  idPrefix: string;
  submitLabel: string;
  children?: ReactNode;
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary";
  className?: string;
  encType?: "multipart/form-data";
}) {
  const [state, formAction, pending] = useActionState(action, null, usePermalink());
  return (
    <form action={formAction} noValidate className={className} encType={encType}>
      <div aria-live="polite">
        {state?.message ? (
          <Alert tone={state.ok ? "success" : "error"}>
            <p>{state.message}</p>
            {state.details?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {state.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={pending} className={className}>
        <StateContext.Provider value={{ state, idPrefix }}>{children}</StateContext.Provider>
        <div>
          <Button type="submit" variant={variant}>
            {pending ? "Working…" : submitLabel}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

function useField(name: string, defaultValue: string | undefined) {
  const { state, idPrefix } = useContext(StateContext);
  const id = `${idPrefix}-${name}`;
  const error = state?.fieldErrors?.[name];
  const value = state && !state.ok && state.values ? (state.values[name] ?? "") : defaultValue;
  return { id, error, value };
}

type Common = { name: string; label: string; hint?: ReactNode; defaultValue?: string };

export function TextField({ name, label, hint, defaultValue, type = "text", autoComplete = "off", rows }: Common & { type?: "text" | "email" | "password" | "number" | "url"; autoComplete?: string; rows?: number }) {
  const { id, error, value } = useField(name, defaultValue);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(control) =>
        rows ? (
          <textarea {...control} name={name} rows={rows} defaultValue={value} key={value} className={inputClass} />
        ) : (
          <input {...control} name={name} type={type} autoComplete={autoComplete} defaultValue={value} key={value} className={inputClass} />
        )
      }
    </LabelledField>
  );
}

export function SelectField({ name, label, hint, defaultValue, options }: Common & { options: { value: string; label: string }[] }) {
  const { id, error, value } = useField(name, defaultValue);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} name={name} defaultValue={value} key={value} className={inputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function CheckboxField({ name, label, hint, defaultChecked, value = "on" }: { name: string; label: string; hint?: ReactNode; defaultChecked: boolean; value?: string }) {
  const { state, idPrefix } = useContext(StateContext);
  const id = `${idPrefix}-${name}${value === "on" ? "" : `-${value}`}`;
  const checked = state && !state.ok && state.values ? state.values[name] === value : defaultChecked;
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={checked} key={String(checked)} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-1 h-5 w-5 accent-blue-700" />
      <div>
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      </div>
    </div>
  );
}
