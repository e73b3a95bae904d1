import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("subject.closedMetaTitle"), robots: { index: false, follow: false } };
}

/** Where a consumer lands after saying they did not authorise an agent's request. */
export default async function SubjectRefusedPage() {
  const t = await getTranslations("verify");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("subject.closedTitle")}</h1>
      <div className="mt-6 space-y-4 text-slate-700">
        <p>{t("subject.closedBody")}</p>
        <p>{t("subject.closedAgain")}</p>
      </div>
    </div>
  );
}
