import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { connection } from "next/server";
import type { Locale } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import type { Policy } from "@/lib/policy/content";
import { ReaderPolicyDocument } from "@/lib/policy/page-words";
import { getPolicyVersion } from "@/lib/policy/queries";
import { policyForReader } from "@/lib/policy/reader";
import { formatPolicyDate } from "@/lib/policy/render";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ version }, t] = await Promise.all([params, getTranslations("policy.version")]);
  // The title echoes the URL only when it looks like a version name.
  return { title: /^[\w.-]{1,40}$/.test(version) ? t("metaTitle", { version }) : t("metaTitleUnknown") };
}

export default async function PolicyVersionPage({ params }: Props) {
  await connection();
  const { version } = await params;
  const [found, org, locale] = await Promise.all([getPolicyVersion(version), getOrganizationSettings(), readerLocale()]);
  if (!found) notFound();
  const [policy, t, versions] = await Promise.all([policyForReader(found, locale), getTranslations("policy.version"), localeHref("/privacy/versions")]);

  return (
    <div className="space-y-8">
      <VersionNotice policy={policy} locale={locale} />
      <ReaderPolicyDocument
        policy={policy}
        org={org}
        meta={
          <p className="text-sm">
            <a href={versions}>{t("allVersions")}</a>
          </p>
        }
      />
    </div>
  );
}

async function VersionNotice({ policy, locale }: { policy: Policy; locale: Locale }) {
  const [t, current] = await Promise.all([getTranslations("policy.version"), localeHref("/privacy")]);
  const date = formatPolicyDate(policy.effectiveAt, locale);
  const tone =
    policy.status === "current" ? "border-slate-400 bg-slate-50" : "border-amber-600 bg-amber-50";
  const tags = { date, link: (chunks: ReactNode) => <a href={current}>{chunks}</a>, strong: (chunks: ReactNode) => <strong>{chunks}</strong> };
  return (
    <div role="note" className={`max-w-3xl border-l-4 p-4 ${tone}`}>
      <p>{t.rich(policy.status, tags)}</p>
    </div>
  );
}
