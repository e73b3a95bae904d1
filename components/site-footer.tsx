import { connection } from "next/server";
import { RegisteredDetails } from "@/components/registered-details";
import { getOrganizationSettings } from "@/lib/organization/settings";

/** The short privacy notice every public page carries, since every page can collect a request. */
export async function SiteFooter() {
  await connection();
  const org = await getOrganizationSettings();
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-8 text-sm text-slate-700 sm:px-6">
        <p>
          {org.legalName} uses what you submit here only to handle your request: to confirm your email address, to
          answer you, and to keep the record of the request that the law requires. Read our{" "}
          <a href="/privacy">privacy policy</a>, see <a href="/privacy/recipients">who receives data</a>, or write to <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a>.
        </p>
        <RegisteredDetails org={org} />
      </div>
    </footer>
  );
}
