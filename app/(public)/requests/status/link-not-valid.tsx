import { db } from "@/lib/db";
import { readHandling } from "@/lib/organization/handling";
import { dayCount } from "@/lib/organization/handling-schema";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { RecoveryForm } from "./recovery-form";

/**
 * What an unknown, mistyped or expired status link shows: one page for all of them, so a guess
 * learns nothing, with the form that sends a new link to the address on the request.
 */
export async function StatusLinkNotValid() {
  const [org, handling] = await Promise.all([getOrganizationSettings(), readHandling(db)]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">This link has expired or is not valid</h1>
      <p className="mt-6 text-lg text-slate-800">
        A status link stops working {dayCount(handling.statusLinkDaysAfterClose)} after its request is closed, and a link copied only in part does not work at all.
        We keep the record of your request either way.
      </p>
      <section aria-labelledby="recovery-heading" className="mt-10">
        <h2 id="recovery-heading" className="text-xl font-semibold text-slate-900">
          Get a new link
        </h2>
        <p className="mt-2 text-slate-700">
          Enter the email address you made the request with and the request&apos;s reference. If they match, we email a new link
          to that address.
        </p>
        <div className="mt-4">
          <RecoveryForm privacyEmail={org.privacyEmail} unverifiedDays={handling.unverifiedExpiryDays} />
        </div>
      </section>
    </div>
  );
}
