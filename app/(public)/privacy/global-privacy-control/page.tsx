import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { localeHref } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { sendsGpc } from "@/lib/privacy-signals/gpc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.gpc"))("title") };
}

// What "honoured" means here (issue 11). The portal itself loads nothing from other companies
// (proxy.ts: a Content-Security-Policy with no third-party origin), so for the browser there is
// nothing to sell or share; for the person, the opt-out form records an opt-out request.
export default async function GpcPage() {
  const [org, requestHeaders, t, optOutForm] = await Promise.all([getOrganizationSettings(), headers(), getTranslations("pages.gpc"), localeHref("/requests/new?type=OPT_OUT_SALE")]);
  const on = sendsGpc(requestHeaders);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t("intro", { company: org.legalName })}</p>
        <p className="font-semibold">{on ? t("sending") : t("notSending")}</p>
      </header>

      <section aria-labelledby="gpc-what-we-do" className="space-y-3">
        <h2 id="gpc-what-we-do" className="text-xl font-semibold">
          {t("whatWeDoHeading")}
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t.rich("thisBrowser", { strong })}</li>
          <li>{t.rich("you", { strong, link: (chunks) => <a href={optOutForm}>{chunks}</a> })}</li>
          <li>{t.rich("kept", { strong })}</li>
        </ul>
      </section>
    </div>
  );
}
