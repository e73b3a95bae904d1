import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { localeHref } from "@/lib/i18n/server";
import { sendsGpc } from "@/lib/privacy-signals/gpc";

/**
 * Shown on every public page while the browser sends Global Privacy Control: the signal was seen
 * and is honoured (CCPA 11 CCR §7025(c)(6) lets a business say so). Nothing to click to make it count.
 */
export async function GpcNotice() {
  if (!sendsGpc(await headers())) return null;
  const [t, explained] = await Promise.all([getTranslations("pages.gpcNotice"), localeHref("/privacy/global-privacy-control")]);
  return (
    <div className="border-b border-green-700 bg-green-50">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm text-green-900 sm:px-6">
        <strong>{t("detected")}</strong> {t("explanation")}{" "}
        <a href={explained} className="text-green-900 underline underline-offset-4">
          {t("link")}
        </a>
      </p>
    </div>
  );
}
