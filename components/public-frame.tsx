import type { ReactNode } from "react";
import { accentStyle } from "@/components/brand-mark";
import { GpcNotice } from "@/components/gpc-notice";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";
import { getTranslations } from "next-intl/server";
import { getBranding } from "@/lib/branding/settings";

/** The public pages' frame: skip link, header, the page's <main>, and the footer's privacy notice. */
export async function PublicFrame({ children }: { children: ReactNode }) {
  const [{ accentColor }, t] = await Promise.all([getBranding(), getTranslations("common")]);
  return (
    <>
      <SkipLink label={t("skipToContent")} />
      <div className="flex min-h-screen flex-col" style={accentStyle(accentColor)}>
        <SiteHeader />
        <GpcNotice />
        {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </div>
    </>
  );
}
