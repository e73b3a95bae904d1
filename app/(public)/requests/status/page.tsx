import type { Metadata } from "next";
import { db } from "@/lib/db";
import { readHandling } from "@/lib/organization/handling";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { RecoveryForm } from "./recovery-form";

export const metadata: Metadata = { title: "Get a new link to your request" };

/**
 * For a requester who can't find the link to their request's status page, or whose link no longer
 * works; and for one who wants to appeal (the home page's "Appeal a decision" comes here: an appeal
 * starts from the status page of the request we answered).
 */
export default async function StatusRecoveryPage({ searchParams }: { searchParams: Promise<{ appeal?: string }> }) {
  const [org, handling, { appeal }] = await Promise.all([getOrganizationSettings(), readHandling(db), searchParams]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Get a new link to your request</h1>
      {appeal !== undefined ? (
        <section aria-labelledby="appeal-heading" className="mt-6 rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-900">
          <h2 id="appeal-heading" className="font-semibold">
            To appeal a decision
          </h2>
          <p className="mt-1">
            An appeal starts from the status page of the request we answered: open it from the link in our answer&apos;s email
            and use <strong>Appeal this decision</strong> there. No link at hand? Ask for a new one below.
          </p>
        </section>
      ) : null}
      <p className="mt-6 text-lg text-slate-800">
        Every email we sent about your request has a private link to its status page. If you can&apos;t find it, or it no longer
        works, enter the email address you made the request with and the request&apos;s reference. If they match, we email a new
        link to that address.
      </p>
      <div className="mt-8">
        <RecoveryForm privacyEmail={org.privacyEmail} unverifiedDays={handling.unverifiedExpiryDays} />
      </div>
    </div>
  );
}
