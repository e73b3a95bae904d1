import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { subjectConfirmationView } from "@/lib/representation/subject";
import { decideAsSubjectAction } from "./actions";

// The link is a secret: never sent on in a Referer, never indexed.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("subject.metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/**
 * The consumer an authorized agent filed for, from the link in their own inbox. Opening it changes
 * nothing (mail scanners open links too); one of the two buttons decides.
 */
export default async function SubjectConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ failed?: string }>;
}) {
  const [{ token }, { failed }] = await Promise.all([params, searchParams]);
  const view = await subjectConfirmationView(token);
  if (!view) notFound();
  const [t, types] = await Promise.all([getTranslations("verify"), getTranslations("requests")]);
  // The view names the type by its English label (lib/representation/subject.ts); the type it stands for, in the reader's words.
  const type = (Object.keys(REQUEST_TYPE_LABELS) as RequestType[]).find((key) => REQUEST_TYPE_LABELS[key] === view.requestTypeLabel);
  const typeLabel = type ? types(`types.${type}`) : view.requestTypeLabel;
  const agent = view.agentOrganisation ? t("subject.agentOf", { name: view.agentName, organisation: view.agentOrganisation }) : view.agentName;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("subject.title")}</h1>
      <div className="mt-6 space-y-4 text-slate-700">
        {failed ? <Alert tone="error">{t("subject.failed")}</Alert> : null}
        <p>{t.rich("subject.madeFor", { agent, type: typeLabel, reference: view.reference, strong })}</p>
        <p>{t("subject.explain")}</p>
        <ActionForm action={decideAsSubjectAction} className="flex flex-wrap gap-3">
          <input type="hidden" name="token" value={token} />
          <Button type="submit" name="decision" value="CONFIRM">
            {t("subject.confirm")}
          </Button>
          <Button type="submit" name="decision" value="REFUSE" variant="secondary">
            {t("subject.refuse")}
          </Button>
        </ActionForm>
        <p className="text-sm text-slate-600">{t("subject.nothingHappens")}</p>
      </div>
    </div>
  );
}
