"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { showRefusal } from "@/components/ui/show-refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import { OfferedTypesSchema, type OfferedTypesInput } from "@/lib/requests/offered-types";
import type { RequestTypeValue } from "@/lib/requests/schema";
import { updateOfferedTypesAction } from "./actions";

type Words = { label: string; description: string };

/** Which request types the form offers: checkboxes, saved as one list, each change in the history. */
export function RequestTypesForm({ offered, words }: { offered: RequestTypeValue[]; words: Record<RequestTypeValue, Words> }) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<OfferedTypesInput>({ resolver: zodResolver(OfferedTypesSchema), defaultValues: { types: offered }, shouldFocusError: true });
  const types = Object.keys(words) as RequestTypeValue[];

  const onSubmit = handleSubmit(async (input) => {
    setOutcome(null);
    const result = await updateOfferedTypesAction(input);
    if (result.ok) {
      setOutcome({ tone: "success", message: result.data.changed ? `Saved: the form now offers ${result.data.to.map((t) => words[t].label).join(", ")}.` : "Nothing had changed." });
      return;
    }
    showRefusal(result, { setError, setFocus }, (message) => setOutcome({ tone: "error", message }));
  });

  const error = errors.types?.message ?? errors.types?.root?.message;
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="mt-4 space-y-4">
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} aria-describedby={error ? "request-types-hint request-types-error" : "request-types-hint"} className="space-y-3">
        <legend className="font-medium text-slate-900">Request types the form offers</legend>
        <p id="request-types-hint" className="text-sm text-slate-600">
          Offer what your privacy policy names. A type you switch off leaves the form and the home page, and the server refuses it from any
          source, the API included. Appeals of a refused request stay open wherever the law gives one.
        </p>
        <FieldError id="request-types-error" message={error} />
        {types.map((type) => (
          <div key={type} className="flex gap-3">
            <input
              id={`request-type-${type}`}
              type="checkbox"
              value={type}
              {...register("types")}
              aria-describedby={`request-type-${type}-description`}
              className="mt-1 h-4 w-4 accent-blue-700"
            />
            <div>
              <label htmlFor={`request-type-${type}`} className="block font-medium text-slate-900">
                {words[type].label}
              </label>
              <p id={`request-type-${type}-description`} className="text-sm text-slate-600">
                {words[type].description}
              </p>
            </div>
          </div>
        ))}
        <Button type="submit">{isSubmitting ? "Saving…" : "Save request types"}</Button>
      </fieldset>
    </form>
  );
}
