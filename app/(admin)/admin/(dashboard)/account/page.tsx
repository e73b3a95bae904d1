import type { Metadata } from "next";
import { enabledOAuthProviders, listBindings } from "@/lib/auth/oauth-binding";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DIGEST_HOUR } from "@/lib/staff/digest";
import { FocusOnArrival } from "../requests/[id]/run-refresh";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstantDate } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { DisconnectButton } from "@/components/disconnect-button";
import { digestForm, disconnectAccountAction } from "./actions";
import { ConnectButton } from "./connect-button";
import { ActionForm } from "@/components/ui/action-form";

export const metadata: Metadata = {
  title: "Your account",
  // The digest form posts without JavaScript: same-origin keeps its Origin header (see /admin/requests).
  referrer: "same-origin",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ digest?: string; digestError?: string }> }) {
  const me = await requirePagePermission("requests.read", "/admin/account");
  const query = await searchParams;
  const [allBindings, timeZone, settings] = await Promise.all([
    listBindings(db, [me.id]),
    getOperatorTimeZone(),
    db.staff.findUniqueOrThrow({ where: { id: me.id }, select: { digestEnabled: true } }),
  ]);
  const holdsRequests = can(me.role, "requests.act");
  const bindings = allBindings.get(me.id) ?? [];
  const providers = enabledOAuthProviders();
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold text-slate-900">Your account</h1>
      <p className="text-slate-700">
        {me.email} · {ROLE_LABELS[me.role]}
      </p>
      {holdsRequests ? (
        <section id="digest" aria-labelledby="digest-heading" className="rounded-md border border-slate-300 bg-white p-6">
          <h2 id="digest-heading" className="text-lg font-semibold text-slate-900">
            Daily digest
          </h2>
          <div aria-live="polite">
            {query.digest ? (
              <FocusOnArrival key={query.digest}>
                <Alert tone="success">{query.digest === "on" ? "The daily digest is on." : "The daily digest is off."}</Alert>
              </FocusOnArrival>
            ) : null}
            {query.digestError ? <Alert tone="error">That did not work. Nothing was changed; please try again.</Alert> : null}
          </div>
          <p className="mt-1 text-sm text-slate-700">
            Each morning from {DIGEST_HOUR}:00 ({timeZone}), an email with your overdue requests, those due within 7 days, and how many open
            requests nobody holds. Nothing is sent on a day with none of these.
          </p>
          <ActionForm action={digestForm} className="mt-3">
            <input type="hidden" name="digest" value={settings.digestEnabled ? "off" : "on"} />
            <p className="mb-2 text-slate-900">{settings.digestEnabled ? "You get the daily digest." : "You do not get the daily digest."}</p>
            <button type="submit" className={buttonClass("secondary")}>
              {settings.digestEnabled ? "Stop the daily digest" : "Send me the daily digest"}
            </button>
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="connected-heading" className="rounded-md border border-slate-300 bg-white p-6">
        <h2 id="connected-heading" className="text-lg font-semibold text-slate-900">
          Ways to sign in
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          You can always sign in with a link emailed to {me.email}. A connected account signs you in as yourself; connect only accounts that you alone use.
        </p>
        {bindings.length ? (
          <ul className="mt-4 divide-y divide-slate-200" aria-label="Connected accounts">
            {bindings.map((binding) => (
              <li key={binding.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span>
                  {binding.providerName} <span className="text-sm text-slate-600">connected {formatInstantDate(binding.linkedAt, timeZone, "medium")}</span>
                </span>
                <DisconnectButton disconnect={disconnectAccountAction.bind(null, { accountId: binding.id })} label="Disconnect" srLabel={binding.providerName} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-sm text-slate-700">No account is connected.</p>
        )}
        {providers.length ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {providers.map((provider) => (
              <ConnectButton key={provider.id} provider={provider} />
            ))}
          </div>
        ) : (
          <p className="mt-4 text-sm text-slate-700">No Google, GitHub or Microsoft sign-in is set up for this dashboard.</p>
        )}
      </section>
    </div>
  );
}
