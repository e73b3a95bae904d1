import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { accentStyle, BrandMark } from "@/components/brand-mark";
import { RegisteredDetails } from "@/components/registered-details";
import { SkipLink } from "@/components/skip-link";
import { getBranding } from "@/lib/branding/settings";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { mailto } from "./referrals/[token]/mail-link";

// Pages for a customer's privacy contact, opened from a referral email: no account and no site
// navigation (the policy and the request form are for the requester, not for them).
export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const [org, branding, t] = await Promise.all([getOrganizationSettings(), getBranding(), getTranslations("referral.layout")]);
  return (
    <>
      <SkipLink />
      <div className="flex min-h-screen flex-col" style={accentStyle(branding.accentColor)}>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-8 gap-y-1 px-4 py-4 sm:px-6">
            <p className="text-lg font-semibold text-slate-900">
              <BrandMark productName={org.productName} logo={branding.logo} />
            </p>
            <p className="text-sm text-slate-700">{t("tagline")}</p>
          </div>
        </header>
        {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none sm:px-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-slate-50">
          <div className="mx-auto max-w-5xl space-y-3 px-4 py-8 text-sm text-slate-700 sm:px-6">
            <p>
              {t.rich("questions", {
                legalName: org.legalName,
                email: org.privacyEmail,
                link: mailto(org.privacyEmail),
              })}
            </p>
            <RegisteredDetails org={org} />
          </div>
        </footer>
      </div>
    </>
  );
}
