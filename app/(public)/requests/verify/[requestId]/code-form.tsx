"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { VerifyCodeSchema, type VerifyCodeInput } from "@/lib/requests/schema";
import { verifyCodeAction } from "./actions";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * The code field takes the focus once it can be typed in, described by the page's words on where
 * the code went (`introId`): arriving from the form, a screen reader hears where they are and what
 * to do, and everyone can type at once.
 */
export type CodeFormWords = {
  notConfirmed: string;
  confirmed: string;
  opening: string;
  label: string;
  hint: string;
  checking: string;
  submit: string;
  /** The schema's English messages → the reader's language (zod words them in the browser). */
  errors: Record<string, string>;
};

export function CodeForm({ requestId, introId, words }: { requestId: string; introId?: string; words: CodeFormWords }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<VerifyCodeInput>({ resolver: zodResolver(VerifyCodeSchema), defaultValues: { requestId, code: "" } });

  useEffect(() => {
    if (hydrated) setFocus("code");
  }, [hydrated, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await verifyCodeAction(values);
    if (result.ok) {
      router.push(result.data.statusPath);
      return;
    }
    if (result.fieldErrors?.code) setError("code", { message: result.fieldErrors.code }, { shouldFocus: true });
    if (result.formError) {
      setFormError(result.formError);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
    throw new Error("not verified");
  });

  const codeError = errors.code?.message && (words.errors[errors.code.message] ?? errors.code.message);
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e).catch(() => {})} className="mt-6 space-y-4">
      <div aria-live="polite">
        {formError ? (
          <Alert ref={alertRef} tone="error" title={words.notConfirmed}>
            {formError}
          </Alert>
        ) : null}
        {isSubmitSuccessful ? <Alert tone="success" title={words.confirmed}>{words.opening}</Alert> : null}
      </div>
      <fieldset disabled={!hydrated || isSubmitting || isSubmitSuccessful} className="space-y-4">
        <input type="hidden" {...register("requestId")} />
        <div>
          <label htmlFor="f-code" className="block font-medium text-slate-900">
            {words.label}
          </label>
          <FieldHint id="f-code-hint">{words.hint}</FieldHint>
          <input
            id="f-code"
            {...register("code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={[introId, describedBy("f-code-hint", "f-code-error", Boolean(codeError))].filter(Boolean).join(" ")}
            className={`${inputClass} max-w-40 font-mono text-lg tracking-widest`}
          />
          <FieldError id="f-code-error" message={codeError} />
        </div>
        <Button type="submit">{isSubmitting ? words.checking : words.submit}</Button>
      </fieldset>
    </form>
  );
}
