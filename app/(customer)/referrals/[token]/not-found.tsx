import { getOrganizationSettings } from "@/lib/organization/settings";

/**
 * An unknown or revoked referral link: the same 404 for both, so a guess learns nothing. Next marks
 * every 404 noindex, and the site-wide Referrer-Policy header applies here too.
 */
export default async function ReferralNotFound() {
  const org = await getOrganizationSettings();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">This link no longer works</h1>
      <p className="mt-6 text-lg text-slate-800">
        It may have been replaced by a link in a newer email about the same request, or {org.legalName} withdrew the request from
        you.
      </p>
      <p className="mt-4 text-slate-800">
        Use the link in the most recent email you received about the request. If that does not work either, write to{" "}
        <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a> with the request&apos;s reference.
      </p>
    </div>
  );
}
