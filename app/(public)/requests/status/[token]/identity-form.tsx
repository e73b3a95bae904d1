"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { identityAnswersAction } from "./actions";

type Question = { id: string; prompt: string; hint: string | null; answerKind: "TEXT" | "MONTH" };

/**
 * The identity questions, the declaration under penalty of perjury and the name typed under it.
 * Checked on the server; its verdict comes back as the page's query (?identity=...).
 */
export type IdentityFormWords = { declaration: string; signature: string; sending: string; submit: string };

export function IdentityForm({ token, questions, words, here }: { token: string; questions: Question[]; words: IdentityFormWords; here: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The first field with a problem takes the focus, once the form is enabled again.
  useEffect(() => {
    if (!sending) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors, sending]);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const answers = Object.fromEntries(questions.map((q) => [q.id, String(data.get(`answer-${q.id}`) ?? "")]));
    setSending(true);
    setFormError(null);
    const result = await identityAnswersAction({ token, answers, declaration: data.get("declaration") === "on", signature: String(data.get("signature") ?? "") });
    setSending(false);
    if (result.ok) {
      router.replace(`${here}?identity=${result.data.check}`);
      return;
    }
    setErrors(result.fieldErrors ?? {});
    if (result.formError) setFormError(result.formError);
  };

  const error = (key: string) => errors[key];
  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} className="mt-4 space-y-5">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <fieldset disabled={!hydrated || sending} className="space-y-5">
        {questions.map((q) => {
          const id = `answer-${q.id}`;
          const message = error(`answers.${q.id}`);
          return (
            <div key={q.id}>
              <label htmlFor={id} className="block font-medium text-slate-900">
                {q.prompt}
              </label>
              {q.hint ? <FieldHint id={`${id}-hint`}>{q.hint}</FieldHint> : null}
              <input
                id={id}
                name={id}
                type={q.answerKind === "MONTH" ? "month" : "text"}
                autoComplete="off"
                aria-invalid={message ? true : undefined}
                aria-describedby={describedBy(q.hint ? `${id}-hint` : null, `${id}-error`, Boolean(message))}
                className={inputClass}
              />
              <FieldError id={`${id}-error`} message={message} />
            </div>
          );
        })}
        <div>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="declaration"
              aria-invalid={error("declaration") ? true : undefined}
              aria-describedby={error("declaration") ? "declaration-error" : undefined}
              className="mt-1 h-4 w-4 accent-blue-700"
            />
            <span className="text-slate-900">{words.declaration}</span>
          </label>
          <FieldError id="declaration-error" message={error("declaration")} />
        </div>
        <div>
          <label htmlFor="signature" className="block font-medium text-slate-900">
            {words.signature}
          </label>
          <input
            id="signature"
            name="signature"
            autoComplete="name"
            aria-invalid={error("signature") ? true : undefined}
            aria-describedby={describedBy(null, "signature-error", Boolean(error("signature")))}
            className={inputClass}
          />
          <FieldError id="signature-error" message={error("signature")} />
        </div>
        <Button type="submit">{sending ? words.sending : words.submit}</Button>
      </fieldset>
    </form>
  );
}
