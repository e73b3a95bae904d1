import { getTranslations } from "next-intl/server";
import type { CustomerReferralView } from "@/lib/referrals/customer";
import { formatInstant } from "@/lib/dates/format";
import { readerLocale } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { Confirmation } from "./confirmation";
import { mailto } from "./mail-link";
import type { Done } from "./page-state";

type ClosedView = Extract<CustomerReferralView, { state: "closed" }>;

/**
 * A referral that is no longer open: only what happened to it and its reference, never the
 * requester's details, since the link may outlive the need to see them.
 */
export async function ClosedReferral({ view, done, timeZone }: { view: ClosedView; done: Done | null; timeZone: string }) {
  const [org, t, locale] = await Promise.all([getOrganizationSettings(), getTranslations("referral.closed"), readerLocale()]);
  // "none" words the sentence without a date (the messages' select).
  const moment = view.closedAt ? formatInstant(view.closedAt, timeZone, "long", locale) : "none";
  const outcome: Record<string, string> = {
    COMPLETED: t("completed", { customer: view.customerName, moment }),
    REFUSED: t("refused", { customer: view.customerName, moment }),
    WITHDRAWN: t("withdrawn", { operator: org.legalName, moment }),
  };
  const confirmed = (done === "completed" && view.status === "COMPLETED") || (done === "refused" && view.status === "REFUSED");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("heading")}</h1>
      {confirmed ? (
        <div className="mt-6">
          <Confirmation title={done === "completed" ? t("completedTitle") : t("refusedTitle")}>{t("thanks")}</Confirmation>
        </div>
      ) : null}
      <p className="mt-6 text-lg text-slate-800">{t("reference", { reference: view.reference })}</p>
      <p className="mt-2 text-slate-800">{outcome[view.status] ?? t("otherwise", { customer: view.customerName })}</p>
      <p className="mt-4 text-slate-800">
        {t.rich("noDetails", { email: org.privacyEmail, link: mailto(org.privacyEmail) })}
      </p>
    </div>
  );
}
