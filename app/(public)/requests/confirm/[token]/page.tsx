import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { subjectConfirmationView } from "@/lib/representation/subject";
import { decideAsSubjectAction } from "./actions";

// The link is a secret: never sent on in a Referer, never indexed.
export const metadata: Metadata = {
  title: "Confirm a request made for you",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

/**
 * The consumer an authorized agent filed for, from the link in their own inbox. Opening it changes
 * nothing (mail scanners open links too); one of the two buttons decides.
 */
export default async function SubjectConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ failed?: string }>;
}) {
  const [{ token }, { failed }] = await Promise.all([params, searchParams]);
  const view = await subjectConfirmationView(token);
  if (!view) notFound();
  const agent = view.agentOrganisation ? `${view.agentName} of ${view.agentOrganisation}` : view.agentName;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Did you authorise this request?</h1>
      <div className="mt-6 space-y-4 text-slate-700">
        {failed ? <Alert tone="error">Your answer was not saved because of a problem on our side. Please try again in a moment.</Alert> : null}
        <p>
          <strong>{agent}</strong> made a privacy request for you as your authorized agent: <strong>{view.requestTypeLabel}</strong>,
          reference <strong>{view.reference}</strong>.
        </p>
        <p>
          If you confirm, we act on it once we have everything we need, and email you each update with a link to follow it. If you did
          not authorise it, we close it and erase what was sent to us about you; nothing is given to anyone.
        </p>
        <ActionForm action={decideAsSubjectAction} className="flex flex-wrap gap-3">
          <input type="hidden" name="token" value={token} />
          <Button type="submit" name="decision" value="CONFIRM">
            Yes, I authorised it
          </Button>
          <Button type="submit" name="decision" value="REFUSE" variant="secondary">
            No, I did not
          </Button>
        </ActionForm>
        <p className="text-sm text-slate-600">Nothing happens unless you press one of the buttons.</p>
      </div>
    </div>
  );
}
