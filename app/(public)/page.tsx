import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button";
import { db } from "@/lib/db";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import { readHandling } from "@/lib/organization/handling";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { readOfferedTypes } from "@/lib/requests/offered-types-settings";

export default async function PrivacyCenterHome() {
  await connection();
  const [org, handling, offered, locale, t, requests] = await Promise.all([
    getOrganizationSettings(),
    readHandling(db),
    readOfferedTypes(db),
    readerLocale(),
    getTranslations("pages"),
    getTranslations("requests"),
  ]);
  const href = (path: string) => localePath(locale, path);

  return (
    <div className="space-y-14">
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{t("site.name", { product: org.productName })}</h1>
        <p className="text-lg text-slate-700">{t("home.intro", { company: org.legalName })}</p>
        <p>
          <a
            href={href("/requests/new")}
            className={`${buttonClass()} no-underline`}
          >
            {t("home.makeRequest")}
          </a>
        </p>
      </div>

      <section aria-labelledby="request-types" className="space-y-5">
        <h2 id="request-types" className="text-2xl font-semibold">
          {t("home.typesHeading")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {/* The types the operator offers (Settings → Request types); an appeal always, where the law gives one. */}
          {[...offered, "APPEAL" as const].map((type) => (
            <li
              key={type}
              className="relative rounded-lg border border-slate-300 p-5 focus-within:border-blue-800 hover:border-blue-800"
            >
              <h3 className="font-semibold">
                {/* The link covers the card, so the whole card is one target with one name. */}
                {/* An appeal is of a decision we made: it starts from that request's status page. */}
                <a href={href(type === "APPEAL" ? "/requests/status?appeal" : `/requests/new?type=${type}`)} className="after:absolute after:inset-0">
                  {requests(`types.${type}`)}
                </a>
              </h3>
              <p className="mt-2 text-sm text-slate-700">{requests(`typeDescriptions.${type}`)}</p>
            </li>
          ))}
        </ul>
        <p className="max-w-3xl text-slate-700">{t("home.customerConversations", { product: org.productName })}</p>
      </section>

      <div className="grid max-w-5xl gap-10 md:grid-cols-2">
        <section aria-labelledby="verification" className="space-y-3">
          <h2 id="verification" className="text-2xl font-semibold">
            {t("home.verificationHeading")}
          </h2>
          <p>{t("home.verificationCode")}</p>
          <p>{t("home.verificationExpiry", { days: handling.unverifiedExpiryDays })}</p>
        </section>

        <section aria-labelledby="follow-up" className="space-y-3">
          <h2 id="follow-up" className="text-2xl font-semibold">
            {t("home.followHeading")}
          </h2>
          <p>{t.rich("home.followLink", { link: (chunks) => <a href={href("/requests/status")}>{chunks}</a> })}</p>
          <p>{t("home.deadlines")}</p>
        </section>
      </div>

      <section aria-labelledby="policy" className="max-w-3xl space-y-3">
        <h2 id="policy" className="text-2xl font-semibold">
          {t("home.policyHeading")}
        </h2>
        <p>
          {t.rich("home.policy", {
            company: org.legalName,
            email: org.privacyEmail,
            policy: (chunks) => <a href={href("/privacy")}>{chunks}</a>,
            mail: (chunks) => <a href={`mailto:${org.privacyEmail}`}>{chunks}</a>,
          })}
        </p>
      </section>
    </div>
  );
}
