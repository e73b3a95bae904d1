import { getOrganizationSettings } from "@/lib/organization/settings";

/**
 * The 404 of a page opened from an emailed link (a referral, an owner's task, a recipient's
 * notice): unknown, expired and revoked links answer the same, so a guess learns nothing. `why`
 * says what may have happened, in the page's own words.
 */
export async function LinkNoLongerWorks({ why }: { why: (legalName: string) => string }) {
  const org = await getOrganizationSettings();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">This link no longer works</h1>
      <p className="mt-6 text-lg text-slate-800">{why(org.legalName)}</p>
      <p className="mt-4 text-slate-800">
        Use the link in the most recent email you received about the request. If that does not work either, write to{" "}
        <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a> with the request&apos;s reference.
      </p>
    </div>
  );
}
