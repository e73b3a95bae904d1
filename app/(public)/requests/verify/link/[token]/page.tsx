import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";
import { getLinkView } from "@/lib/verification/link-view";
import { confirmLinkAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

// The link is a secret: never sent on in a Referer, never indexed.
export const metadata: Metadata = {
  title: "Confirm your privacy request",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-6 space-y-4 text-slate-700">{children}</div>
    </div>
  );
}

const newRequest = (
  <Link href="/requests/new" className="text-blue-700 underline">
    submit a new request
  </Link>
);

/**
 * Opening the link changes nothing (mail scanners open links too); the button confirms. A link
 * already used says the request is confirmed instead of failing.
 */
export default async function VerifyLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ failed?: string | string[] }>;
}) {
  const [{ token }, { failed }] = await Promise.all([params, searchParams]);
  const view = await getLinkView(token);
  switch (view.state) {
    case "not_found":
      notFound();
    case "confirmed":
      return (
        <Page title="Your request is confirmed">
          <Alert tone="success" title="Email confirmed">
            Request <strong>{view.reference}</strong> is confirmed. Follow it with the status link in the emails we sent you.
          </Alert>
          <p>
            Lost that email?{" "}
            <Link href="/requests/status" className="text-blue-700 underline">
              Get a new status link
            </Link>{" "}
            with your email address and the reference.
          </p>
        </Page>
      );
    case "superseded":
      return (
        <Page title="This link was replaced">
          <Alert tone="info">
            We sent you a newer email for request <strong>{view.reference}</strong> since this one. Use the link or code in the most
            recent email.
          </Alert>
        </Page>
      );
    case "expired":
      return (
        <Page title="This link has expired">
          <Alert tone="error">
            Links work for {CODE_TTL_MINUTES} minutes, and this one for request <strong>{view.reference}</strong> has expired.
          </Alert>
          {view.requestId ? (
            <p>
              <Link href={`/requests/verify/${view.requestId}`} className="text-blue-700 underline">
                Send yourself a new code and link
              </Link>
              , or {newRequest}.
            </p>
          ) : (
            <p>The request was closed because it was not confirmed in time. You can {newRequest}.</p>
          )}
        </Page>
      );
    case "pending":
      return (
        <Page title="Confirm your privacy request">
          {failed ? (
            <Alert tone="error">We could not confirm your request because of a problem on our side. Please try again in a moment.</Alert>
          ) : null}
          <p>
            Press the button to confirm that you sent request <strong>{view.reference}</strong> and that this email address is yours.
            We start working on it once it is confirmed.
          </p>
          <ActionForm action={confirmLinkAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">Confirm my request</Button>
          </ActionForm>
          <p className="text-sm text-slate-600">If you did not send this request, close this page: nothing happens unless you press the button.</p>
        </Page>
      );
  }
}
