import { getOrganizationSettings } from "@/lib/organization/settings";

/** An unknown, expired or revoked task link: the same 404 for all, so a guess learns nothing. */
export default async function OwnerTaskNotFound() {
  const org = await getOrganizationSettings();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">This link no longer works</h1>
      <p className="mt-6 text-lg text-slate-800">
        It may have expired, been replaced by the link in a newer reminder, or the privacy team no longer needs this search.
      </p>
      <p className="mt-4 text-slate-800">
        Use the link in the most recent email you received about the task. If that does not work either, write to{" "}
        <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a> with the request&apos;s reference.
      </p>
    </div>
  );
}
