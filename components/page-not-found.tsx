import { getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/server";

/** What a 404 says about an address we have no page for, in the reader's language. */
export async function PageNotFound() {
  const [t, home, status] = await Promise.all([getTranslations("pages.notFound"), localeHref("/"), localeHref("/requests/status")]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-6 text-lg text-slate-800">{t("explanation")}</p>
      <ul className="mt-6 list-disc space-y-2 pl-6 text-slate-800">
        <li>
          <a href={home}>{t("home")}</a>
        </li>
        <li>
          <a href={status}>{t("newLink")}</a>
        </li>
      </ul>
    </div>
  );
}
