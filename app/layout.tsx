import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { readerLocale } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import type { ReactNode } from "react";
import "./globals.css";

/** Every page's title ends with the operator's product and "Privacy Center", in the reader's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.site");
  // Before the settings exist (a database not seeded yet) a page still gets a title, without a name.
  const org = await getOrganizationSettings().catch(() => null);
  if (!org) return { title: { template: `%s · ${t("brandSuffix")}`, default: t("brandSuffix") } };
  const name = t("name", { product: org.productName });
  return { title: { template: `%s · ${name}`, default: name }, description: t("description", { product: org.productName }) };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh
  // nonce that Next must stamp on its scripts, which a prerendered page could not have.
  await connection();
  // The dashboard's addresses are always English (proxy.ts); the rest are in the reader's language.
  const locale = await readerLocale();
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
