import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { BrandMark } from "@/components/brand-mark";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getBranding } from "@/lib/branding/settings";
import { localeHref } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";

// Plain links, not next/link: the public pages ship no client components.
export async function SiteHeader() {
  await connection();
  const [org, branding, t, home, policy, request] = await Promise.all([
    getOrganizationSettings(),
    getBranding(),
    getTranslations("common"),
    localeHref("/"),
    localeHref("/privacy"),
    localeHref("/requests/new"),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-4 sm:px-6">
        <a href={home} className="text-lg font-semibold text-slate-900 no-underline hover:text-slate-900">
          <BrandMark productName={org.productName} logo={branding.logo} />
        </a>
        <nav aria-label={t("mainNav")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <a href={policy}>{t("privacyPolicy")}</a>
            </li>
            <li>
              <a href={request}>{t("makeRequest")}</a>
            </li>
          </ul>
        </nav>
      </div>
      <div className="mx-auto flex max-w-5xl justify-end px-4 pb-3 sm:px-6">
        <LanguageSwitcher />
      </div>
    </header>
  );
}
