"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resendAction, type ResendState } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

export type ResendFormWords = { title: string; help: string; sending: string; submit: string };

export function ResendForm({ requestId, words }: { requestId: string; words: ResendFormWords }) {
  const [state, action, pending] = useActionState<ResendState, FormData>(resendAction, null);
  return (
    <ActionForm action={action} className="mt-8 border-t border-slate-200 pt-6">
      <h2 className="text-lg font-semibold text-slate-900">{words.title}</h2>
      <p className="mt-1 text-sm text-slate-700">{words.help}</p>
      <input type="hidden" name="requestId" value={requestId} />
      <div aria-live="polite" className="mt-3">
        {state ? <Alert tone={state.tone}>{state.message}</Alert> : null}
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="mt-3">
        {pending ? words.sending : words.submit}
      </Button>
    </ActionForm>
  );
}
