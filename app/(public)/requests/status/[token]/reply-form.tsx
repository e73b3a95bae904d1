"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { MessageInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";
import { answerAction, appealAction } from "./actions";
import { useHydrated } from "@/components/ui/use-hydrated";

type Mode = "answer" | "appeal";

/** `errors`: the schema's English messages → the reader's language. */
export type ReplyFormWords = { label: string; submit: string; sending: string; errors: Record<string, string> };

/**
 * The requester's two ways to write back: answer a question, or appeal a refusal. `here` is this
 * status page's address in the reader's language.
 */
export function ReplyForm({ token, mode, words, here }: { token: string; mode: Mode; words: ReplyFormWords; here: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = (mode === "answer" ? MessageInputSchema : ReasonInputSchema) as z.ZodType<Record<string, string>>;
  const field = mode === "answer" ? "message" : "reason";
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Record<string, string>>({ resolver: zodResolver(schema as never), defaultValues: { [field]: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const text = values[field] ?? "";
    const result = mode === "answer" ? await answerAction({ token, message: text }) : await appealAction({ token, reason: text });
    if (result.ok) {
      if (mode === "appeal" && result.data && "statusPath" in result.data) {
        // The appeal's own page says it was sent and links back here (this page's token, which the
        // requester holds already, rides along only in this one navigation).
        router.push(`${result.data.statusPath}?appealed=1&from=${encodeURIComponent(token)}`);
        return;
      }
      // The page re-renders without this form (the request is no longer waiting), so it shows
      // the confirmation itself.
      router.replace(`${here}?answered=1`);
      return;
    }
    const message = result.fieldErrors?.[field];
    if (message) setError(field, { message });
    if (result.formError) setFormError(result.formError);
  });

  const said = errors[field]?.message;
  const error = typeof said === "string" ? (words.errors[said] ?? said) : undefined;
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-3">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-3">
        <div>
          <label htmlFor={`f-${mode}`} className="block font-medium text-slate-900">
            {words.label}
          </label>
          <textarea
            id={`f-${mode}`}
            rows={5}
            {...register(field)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(null, `f-${mode}-error`, Boolean(error))}
            className={inputClass}
          />
          <FieldError id={`f-${mode}-error`} message={error} />
        </div>
        <Button type="submit">{isSubmitting ? words.sending : words.submit}</Button>
      </fieldset>
    </form>
  );
}
