import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { readHandling } from "@/lib/organization/handling";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { RecoveryForm } from "./recovery-form";
import { recoveryFormWords } from "./recovery-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("status");
  return { title: t("recovery.metaTitle") };
}

/**
 * For a requester who can't find the link to their request's status page, or whose link no longer
 * works; and for one who wants to appeal (the home page's "Appeal a decision" comes here: an appeal
 * starts from the status page of the request we answered).
 */
export default async function StatusRecoveryPage({ searchParams }: { searchParams: Promise<{ appeal?: string }> }) {
  const [org, handling, { appeal }, t] = await Promise.all([getOrganizationSettings(), readHandling(db), searchParams, getTranslations("status")]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("recovery.title")}</h1>
      {appeal !== undefined ? (
        <section aria-labelledby="appeal-heading" className="mt-6 rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-900">
          <h2 id="appeal-heading" className="font-semibold">
            {t("recovery.appealTitle")}
          </h2>
          <p className="mt-1">{t.rich("recovery.appealBody", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        </section>
      ) : null}
      <p className="mt-6 text-lg text-slate-800">{t("recovery.intro")}</p>
      <div className="mt-8">
        <RecoveryForm words={await recoveryFormWords(org.privacyEmail, handling.unverifiedExpiryDays)} />
      </div>
    </div>
  );
}
