import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { RegisteredDetails } from "@/components/registered-details";
import { localeHref } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";

/** The short privacy notice every public page carries, since every page can collect a request. */
export async function SiteFooter() {
  await connection();
  const [org, t, policy, recipients] = await Promise.all([getOrganizationSettings(), getTranslations("pages.footer"), localeHref("/privacy"), localeHref("/privacy/recipients")]);
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-8 text-sm text-slate-700 sm:px-6">
        <p>
          {t.rich("notice", {
            company: org.legalName,
            email: org.privacyEmail,
            policy: (chunks) => <a href={policy}>{chunks}</a>,
            recipients: (chunks) => <a href={recipients}>{chunks}</a>,
            mail: (chunks) => <a href={`mailto:${org.privacyEmail}`}>{chunks}</a>,
          })}
        </p>
        <RegisteredDetails org={org} />
      </div>
    </footer>
  );
}
