"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EndpointSchema, type EndpointInput } from "@/lib/webhooks/schema";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { createEndpointAction } from "./actions";

/** Registers an endpoint and shows its signing secret once. */
export function EndpointForm({ events }: { events: { value: WebhookEvent; label: string }[] }) {
  const hydrated = useHydrated();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EndpointInput>({ resolver: zodResolver(EndpointSchema), defaultValues: { url: "", description: "", events: [], includePersonal: false } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const result = await createEndpointAction(values);
    if (result.ok) {
      setCreated({ url: values.url, secret: result.data.secret });
      reset();
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field.split(".")[0] as keyof EndpointInput, { message });
    // The address itself was refused (private target, unresolvable): say so at the field.
    if (result.code?.startsWith("WEBHOOK_") && result.formError) setError("url", { message: result.formError });
    else if (result.formError) setFormError(result.formError);
  });

  return (
    <div className="mt-4 space-y-4">
      {created ? (
        <ShownOnce id="new-secret" title="Endpoint registered. Copy its signing secret now: it is not shown again." label="Signing secret" value={created.secret}>
          The receiver verifies each delivery&apos;s webhook-signature with it (Standard Webhooks).
        </ShownOnce>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
        <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
          <div>
            <label htmlFor="hook-url" className="block font-medium text-slate-900">
              Address
            </label>
            <FieldHint id="hook-url-hint">An https:// address that accepts POST requests.</FieldHint>
            <input
              id="hook-url"
              type="url"
              {...register("url")}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describedBy("hook-url-hint", "hook-url-error", Boolean(errors.url))}
              className={inputClass}
            />
            <FieldError id="hook-url-error" message={errors.url?.message} />
          </div>
          <div>
            <label htmlFor="hook-description" className="block font-medium text-slate-900">
              Description (optional)
            </label>
            <input id="hook-description" {...register("description")} aria-describedby={errors.description ? "hook-description-error" : undefined} className={inputClass} />
            <FieldError id="hook-description-error" message={errors.description?.message} />
          </div>
          <fieldset aria-describedby={errors.events ? "hook-events-error" : undefined}>
            <legend className="font-medium text-slate-900">Events</legend>
            <ul className="mt-2 space-y-2">
              {events.map((event) => (
                <li key={event.value} className="flex items-start gap-2">
                  <input id={`event-${event.value}`} type="checkbox" value={event.value} {...register("events")} className="mt-1 h-4 w-4" />
                  <label htmlFor={`event-${event.value}`} className="text-slate-900">
                    {event.label} <code className="text-sm text-slate-700">{event.value}</code>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="hook-events-error" message={errors.events?.message ?? errors.events?.root?.message} />
          </fieldset>
          <div className="flex items-start gap-2">
            <input id="hook-personal" type="checkbox" {...register("includePersonal")} aria-describedby="hook-personal-hint" className="mt-1 h-4 w-4" />
            <label htmlFor="hook-personal" className="text-slate-900">
              Include the requester's name and email
              <span id="hook-personal-hint" className="block text-sm text-slate-600">
                Off by default: deliveries carry request ids and states only. Turn on only for a system that must act on the person.
              </span>
            </label>
          </div>
          <Button type="submit">{isSubmitting ? "Registering…" : "Register endpoint"}</Button>
        </fieldset>
      </form>
    </div>
  );
}
