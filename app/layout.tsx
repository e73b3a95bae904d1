import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import { readerLocale } from "@/lib/i18n/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Jexi Privacy Center", default: "Jexi Privacy Center" },
  description: "Read Jexi's privacy policy and ask to access, correct, delete or export your personal information.",
};

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
