import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { localeHref } from "@/lib/i18n/server";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";
import { getLinkView } from "@/lib/verification/link-view";
import { confirmLinkAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

// The link is a secret: never sent on in a Referer, never indexed.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("link.metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-6 space-y-4 text-slate-700">{children}</div>
    </div>
  );
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/**
 * Opening the link changes nothing (mail scanners open links too); the button confirms. A link
 * already used says the request is confirmed instead of failing.
 */
export default async function VerifyLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ failed?: string | string[] }>;
}) {
  const [{ token }, { failed }] = await Promise.all([params, searchParams]);
  const view = await getLinkView(token);
  const [t, newRequestHref, recoveryHref, resendHref] = await Promise.all([
    getTranslations("verify"),
    localeHref("/requests/new"),
    localeHref("/requests/status"),
    view.state === "expired" && view.requestId ? localeHref(`/requests/verify/${view.requestId}`) : null,
  ]);
  const newRequest = (chunks: ReactNode) => (
    <Link href={newRequestHref} className="text-blue-700 underline">
      {chunks}
    </Link>
  );
  switch (view.state) {
    case "not_found":
      notFound();
    case "confirmed":
      return (
        <Page title={t("link.confirmedTitle")}>
          <Alert tone="success" title={t("link.confirmedAlertTitle")}>
            {t.rich("link.confirmedBody", { reference: view.reference, strong })}
          </Alert>
          <p>
            {t.rich("link.lostEmail", {
              link: (chunks) => (
                <Link href={recoveryHref} className="text-blue-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </Page>
      );
    case "superseded":
      return (
        <Page title={t("link.supersededTitle")}>
          <Alert tone="info">{t.rich("link.supersededBody", { reference: view.reference, strong })}</Alert>
        </Page>
      );
    case "expired":
      return (
        <Page title={t("link.expiredTitle")}>
          <Alert tone="error">{t.rich("link.expiredBody", { minutes: CODE_TTL_MINUTES, reference: view.reference, strong })}</Alert>
          {resendHref ? (
            <p>
              {t.rich("link.expiredResend", {
                resend: (chunks) => (
                  <Link href={resendHref} className="text-blue-700 underline">
                    {chunks}
                  </Link>
                ),
                new: newRequest,
              })}
            </p>
          ) : (
            <p>{t.rich("link.expiredClosed", { new: newRequest })}</p>
          )}
        </Page>
      );
    case "pending":
      return (
        <Page title={t("link.pendingTitle")}>
          {failed ? <Alert tone="error">{t("link.failed")}</Alert> : null}
          <p>{t.rich("link.pendingBody", { reference: view.reference, strong })}</p>
          <ActionForm action={confirmLinkAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("link.submit")}</Button>
          </ActionForm>
          <p className="text-sm text-slate-600">{t("link.notYou")}</p>
        </Page>
      );
  }
}
