"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { showRefusal } from "@/components/ui/show-refusal";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CreateKeySchema, type CreateKeyInput } from "@/lib/api/key-schema";
import type { ApiScope } from "@/lib/api/scopes";
import { createApiKeyAction } from "./actions";

export type ScopeChoice = { value: ApiScope; label: string; description: string };

/** Creates a key and shows it once, in a field the admin can select and copy. */
export function CreateKeyForm({ scopes }: { scopes: ScopeChoice[] }) {
  const hydrated = useHydrated();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateKeyInput>({ resolver: zodResolver(CreateKeySchema), defaultValues: { name: "", scopes: [], expiresOn: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const result = await createApiKeyAction(values);
    if (result.ok) {
      setCreated({ name: values.name, key: result.data.key });
      reset();
      return;
    }
    showRefusal(result, { setError }, setFormError);
  });

  return (
    <div className="mt-4 space-y-4">
      {created ? (
        <ShownOnce id="new-key" title={`Key “${created.name}” created. Copy it now: it is not shown again.`} label="API key" value={created.key}>
          Send it as <code>Authorization: Bearer {created.key.slice(0, 9)}…</code>. Only a hash of it is stored: if it is lost, revoke it and create another.
        </ShownOnce>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
        <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
          <div>
            <label htmlFor="key-name" className="block font-medium text-slate-900">
              Name
            </label>
            <FieldHint id="key-name-hint">The system that will use it, as the audit trail should name it: “Zendesk”, “CRM sync”.</FieldHint>
            <input
              id="key-name"
              {...register("name")}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy("key-name-hint", "key-name-error", Boolean(errors.name))}
              className={inputClass}
            />
            <FieldError id="key-name-error" message={errors.name?.message} />
          </div>
          <fieldset aria-describedby={errors.scopes ? "key-scopes-error" : undefined}>
            <legend className="font-medium text-slate-900">Scopes</legend>
            <p className="text-sm text-slate-600">Only what the system needs. Personal data stays masked without “Read personal data”.</p>
            <ul className="mt-2 space-y-2">
              {scopes.map((scope) => (
                <li key={scope.value} className="flex items-start gap-2">
                  <input
                    id={`scope-${scope.value}`}
                    type="checkbox"
                    value={scope.value}
                    {...register("scopes")}
                    aria-describedby={`scope-${scope.value}-hint`}
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor={`scope-${scope.value}`} className="text-slate-900">
                    <span className="font-medium">{scope.label}</span> <code className="text-sm text-slate-700">{scope.value}</code>
                    <span id={`scope-${scope.value}-hint`} className="block text-sm text-slate-600">
                      {scope.description}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="key-scopes-error" message={errors.scopes?.message ?? errors.scopes?.root?.message} />
          </fieldset>
          <div>
            <label htmlFor="key-expires" className="block font-medium text-slate-900">
              Last day it works (optional)
            </label>
            <FieldHint id="key-expires-hint">Leave empty for a key that works until it is revoked.</FieldHint>
            <input
              id="key-expires"
              type="date"
              {...register("expiresOn")}
              aria-invalid={errors.expiresOn ? true : undefined}
              aria-describedby={describedBy("key-expires-hint", "key-expires-error", Boolean(errors.expiresOn))}
              className={`${inputClass} max-w-xs`}
            />
            <FieldError id="key-expires-error" message={errors.expiresOn?.message} />
          </div>
          <Button type="submit">{isSubmitting ? "Creating…" : "Create key"}</Button>
        </fieldset>
      </form>
    </div>
  );
}
