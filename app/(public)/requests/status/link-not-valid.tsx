import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { readHandling } from "@/lib/organization/handling";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { RecoveryForm } from "./recovery-form";
import { recoveryFormWords } from "./recovery-words";

/**
 * What an unknown, mistyped or expired status link shows: one page for all of them, so a guess
 * learns nothing, with the form that sends a new link to the address on the request.
 */
export async function StatusLinkNotValid() {
  const [org, handling, t] = await Promise.all([getOrganizationSettings(), readHandling(db), getTranslations("status")]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("recovery.notValidTitle")}</h1>
      <p className="mt-6 text-lg text-slate-800">{t("recovery.notValidBody", { days: t("days", { count: handling.statusLinkDaysAfterClose }) })}</p>
      <section aria-labelledby="recovery-heading" className="mt-10">
        <h2 id="recovery-heading" className="text-xl font-semibold text-slate-900">
          {t("recovery.getNewLink")}
        </h2>
        <p className="mt-2 text-slate-700">{t("recovery.getNewLinkBody")}</p>
        <div className="mt-4">
          <RecoveryForm words={await recoveryFormWords(org.privacyEmail, handling.unverifiedExpiryDays)} />
        </div>
      </section>
    </div>
  );
}
