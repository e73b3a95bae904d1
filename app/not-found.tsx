import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { PageNotFound } from "@/components/page-not-found";
import { PublicFrame } from "@/components/public-frame";
import { NOT_FOUND_KIND_HEADER, notFoundKindFrom, type NotFoundKind } from "@/lib/requests/status-link-gate";
import { StatusLinkNotValid } from "./(public)/requests/status/link-not-valid";

async function kind(): Promise<NotFoundKind> {
  return notFoundKindFrom((await headers()).get(NOT_FOUND_KIND_HEADER));
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.notFound");
  return { title: (await kind()) === "status-link" ? t("linkTitle") : t("title") };
}

/**
 * Every 404 that Next renders on the server: an address no route matches, and what proxy.ts sends
 * here (a status link that opens nothing, a path Next cannot decode), marked with the kind to show.
 * Next also renders this into every page as the root's fallback, so the plain kind reads nothing
 * from the database: only a dead status link gets the public pages' header and footer.
 */
export default async function NotFound() {
  if ((await kind()) === "status-link") {
    return (
      <PublicFrame>
        <StatusLinkNotValid />
      </PublicFrame>
    );
  }
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <PageNotFound />
    </main>
  );
}
