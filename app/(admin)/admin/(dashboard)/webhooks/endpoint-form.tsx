"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import { showRefusal } from "@/components/ui/show-refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EndpointSchema, type EndpointInput } from "@/lib/webhooks/schema";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { createEndpointAction, updateEndpointAction } from "./actions";

type Editing = { id: string; url: string; description: string | null; events: string[]; includePersonal: boolean };

/**
 * Registers an endpoint and shows its signing secret once; or, given `endpoint`, changes that one
 * (its secret stays: rotating it is a button of its own).
 */
export function EndpointForm({ events, endpoint }: { events: { value: WebhookEvent; label: string }[]; endpoint?: Editing }) {
  const hydrated = useHydrated();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = endpoint ? `hook-${endpoint.id}` : "hook";
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EndpointInput>({
    resolver: zodResolver(EndpointSchema),
    defaultValues: endpoint
      ? { url: endpoint.url, description: endpoint.description ?? "", events: endpoint.events as WebhookEvent[], includePersonal: endpoint.includePersonal }
      : { url: "", description: "", events: [], includePersonal: false },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    setSaved(null);
    const result = endpoint ? await updateEndpointAction({ endpointId: endpoint.id, endpoint: values }) : await createEndpointAction(values);
    if (result.ok) {
      if ("secret" in result.data) {
        setCreated({ url: values.url, secret: result.data.secret });
        reset();
      } else {
        setSaved(result.data.changed.length ? `Saved: ${result.data.changed.join(", ")}.` : "Nothing had changed.");
      }
      return;
    }
    // The address itself was refused (private target, unresolvable): say so at the field.
    if (result.code?.startsWith("WEBHOOK_") && result.formError) setError("url", { message: result.formError });
    else showRefusal({ ...result, fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^endpoint\./, ""), v])) }, { setError }, setFormError);
  });

  return (
    <div className="mt-4 space-y-4">
      {created ? (
        <ShownOnce id="new-secret" title="Endpoint registered. Copy its signing secret now: it is not shown again." label="Signing secret" value={created.secret}>
          The receiver verifies each delivery&apos;s webhook-signature with it (Standard Webhooks).
        </ShownOnce>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        <div aria-live="polite">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          {saved ? <Alert tone="success">{saved}</Alert> : null}
        </div>
        <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
          <div>
            <label htmlFor={`${prefix}-url`} className="block font-medium text-slate-900">
              Address
            </label>
            <FieldHint id={`${prefix}-url-hint`}>An https:// address that accepts POST requests.</FieldHint>
            <input
              id={`${prefix}-url`}
              type="url"
              {...register("url")}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describedBy(`${prefix}-url-hint`, `${prefix}-url-error`, Boolean(errors.url))}
              className={inputClass}
            />
            <FieldError id={`${prefix}-url-error`} message={errors.url?.message} />
          </div>
          <div>
            <label htmlFor={`${prefix}-description`} className="block font-medium text-slate-900">
              Description (optional)
            </label>
            <input id={`${prefix}-description`} {...register("description")} aria-describedby={errors.description ? `${prefix}-description-error` : undefined} className={inputClass} />
            <FieldError id={`${prefix}-description-error`} message={errors.description?.message} />
          </div>
          <fieldset aria-describedby={errors.events ? `${prefix}-events-error` : undefined}>
            <legend className="font-medium text-slate-900">Events</legend>
            <ul className="mt-2 space-y-2">
              {events.map((event) => (
                <li key={event.value} className="flex items-start gap-2">
                  <input id={`${prefix}-event-${event.value}`} type="checkbox" value={event.value} {...register("events")} className="mt-1 h-4 w-4" />
                  <label htmlFor={`${prefix}-event-${event.value}`} className="text-slate-900">
                    {event.label} <code className="text-sm text-slate-700">{event.value}</code>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id={`${prefix}-events-error`} message={errors.events?.message ?? errors.events?.root?.message} />
          </fieldset>
          <div className="flex items-start gap-2">
            <input id={`${prefix}-personal`} type="checkbox" {...register("includePersonal")} aria-describedby={`${prefix}-personal-hint`} className="mt-1 h-4 w-4" />
            <label htmlFor={`${prefix}-personal`} className="text-slate-900">
              Include the requester's name and email
              <span id={`${prefix}-personal-hint`} className="block text-sm text-slate-600">
                Off by default: deliveries carry request ids and states only. Turn on only for a system that must act on the person.
              </span>
            </label>
          </div>
          <Button type="submit">{endpoint ? (isSubmitting ? "Saving…" : "Save endpoint") : isSubmitting ? "Registering…" : "Register endpoint"}</Button>
        </fieldset>
      </form>
    </div>
  );
}
