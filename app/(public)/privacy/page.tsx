import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { ReaderPolicyDocument } from "@/lib/policy/page-words";
import { getCurrentPolicy } from "@/lib/policy/queries";
import { policyForReader } from "@/lib/policy/reader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policy.current");
  return { title: t("metaTitle") };
}

export default async function PrivacyPolicyPage() {
  await connection();
  const [current, org, locale, t] = await Promise.all([getCurrentPolicy(), getOrganizationSettings(), readerLocale(), getTranslations("policy.current")]);

  if (!current) {
    // Only before the first version's effective date: say so rather than show a 404.
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t.rich("notInEffect", { email: org.privacyEmail, mail: (chunks) => <a href={`mailto:${org.privacyEmail}`}>{chunks}</a> })}</p>
      </div>
    );
  }

  const [policy, recipients, versions] = await Promise.all([policyForReader(current, locale), localeHref("/privacy/recipients"), localeHref("/privacy/versions")]);
  return (
    <div className="space-y-6">
      <ReaderPolicyDocument
        policy={policy}
        org={org}
        meta={
          <p className="text-sm">
            <a href={recipients}>{t("recipientsLink")}</a>
            <span aria-hidden="true"> · </span>
            <a href={versions}>{t("versionsLink")}</a>
          </p>
        }
      />
    </div>
  );
}
