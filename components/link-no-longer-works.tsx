import { getTranslations } from "next-intl/server";
import { getOrganizationSettings } from "@/lib/organization/settings";

/**
 * The 404 of a page opened from an emailed link (a referral, an owner's task, a recipient's
 * notice): unknown, expired and revoked links answer the same, so a guess learns nothing. `why`
 * says what may have happened, in the page's own words; the rest is in the page's language
 * (English on the owners' pages, which proxy.ts keeps English).
 */
export async function LinkNoLongerWorks({ why }: { why: (legalName: string) => string }) {
  const [org, t] = await Promise.all([getOrganizationSettings(), getTranslations("status")]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("linkNoLongerWorks.title")}</h1>
      <p className="mt-6 text-lg text-slate-800">{why(org.legalName)}</p>
      <p className="mt-4 text-slate-800">
        {t.rich("linkNoLongerWorks.help", { email: org.privacyEmail, mail: (chunks) => <a href={`mailto:${org.privacyEmail}`}>{chunks}</a> })}
      </p>
    </div>
  );
}
