import type { Metadata } from "next";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { RecoveryForm } from "./recovery-form";

export const metadata: Metadata = { title: "Get a new link to your request" };

/** For a requester who can't find the link to their request's status page, or whose link no longer works. */
export default async function StatusRecoveryPage() {
  const org = await getOrganizationSettings();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Get a new link to your request</h1>
      <p className="mt-6 text-lg text-slate-800">
        Every email we sent about your request has a private link to its status page. If you can&apos;t find it, or it no longer
        works, enter the email address you made the request with and the request&apos;s reference. If they match, we email a new
        link to that address.
      </p>
      <div className="mt-8">
        <RecoveryForm privacyEmail={org.privacyEmail} />
      </div>
    </div>
  );
}
