import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { readerLocale } from "@/lib/i18n/server";
import { sendsGpc } from "@/lib/privacy-signals/gpc";
import { readOfferedTypes } from "@/lib/requests/offered-types-settings";
import type { RequestTypeValue } from "@/lib/requests/schema";
import { requestFormOptions } from "./form-options";
import { RequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("form");
  return { title: t("title") };
}

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const [{ type }, requestHeaders, offered, locale, t] = await Promise.all([
    searchParams,
    headers(),
    readOfferedTypes(db),
    readerLocale(),
    getTranslations("form"),
  ]);
  const initialType = (offered as readonly string[]).includes(type ?? "") ? (type as RequestTypeValue) : undefined;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("intro")}</p>
      <p className="mt-2 text-sm text-slate-600">{t("requiredNote")}</p>
      <RequestForm
        options={requestFormOptions(locale, offered)}
        initialType={initialType}
        optOutNote={
          <>
            <p className="text-slate-700">{t("optOutNote")}</p>
            {sendsGpc(requestHeaders) ? (
              <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">{t("gpcNote")}</p>
            ) : null}
          </>
        }
        checkingNote={<p className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-900">{t("checkingNote")}</p>}
      />
    </div>
  );
}
