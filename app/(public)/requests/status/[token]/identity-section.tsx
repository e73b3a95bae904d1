import { getTranslations } from "next-intl/server";
import type { StatusView } from "@/lib/requests/status-view";
import { IdentityForm } from "./identity-form";

/**
 * What the higher standard of verification looks like on the status page, for whoever holds the
 * link. `here` is this status page's address in the reader's language.
 */
export async function IdentitySection({ token, view, here }: { token: string; view: Pick<StatusView, "identity" | "holder">; here: string }) {
  const t = await getTranslations("status");
  const { check, answeredBy, questions } = view.identity;
  const mine = view.holder === answeredBy;
  return (
    <section aria-labelledby="identity-heading" className="mt-10">
      <h2 id="identity-heading" className="text-xl font-semibold text-slate-900">
        {check === "AWAITING_ANSWERS" && mine ? t("identity.confirmTitle") : t("identity.checkTitle")}
      </h2>
      {check === "AWAITING_ANSWERS" ? (
        mine ? (
          <>
            <p className="mt-2 text-slate-700">{t("identity.intro")}</p>
            <IdentityForm
              token={token}
              questions={questions}
              here={here}
              words={{
                declaration: t("identity.declaration"),
                signature: t("identity.signature"),
                sending: t("identity.sending"),
                submit: t("identity.submit"),
              }}
            />
          </>
        ) : (
          <p className="mt-2 text-slate-700">{t("identity.askedOther")}</p>
        )
      ) : check === "NOT_NEEDED" ? null : (
        <p className="mt-2 text-slate-700">{t(`identity.${check}`)}</p>
      )}
    </section>
  );
}
