import type { Metadata } from "next";
import { enabledOAuthProviders, listBindings } from "@/lib/auth/oauth-binding";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstantDate } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { DisconnectButton } from "@/components/disconnect-button";
import { disconnectAccountAction } from "./actions";
import { ConnectButton } from "./connect-button";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requirePagePermission("requests.read", "/admin/account");
  const [allBindings, timeZone] = await Promise.all([listBindings(db, [me.id]), getOperatorTimeZone()]);
  const bindings = allBindings.get(me.id) ?? [];
  const providers = enabledOAuthProviders();
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold text-slate-900">Your account</h1>
      <p className="text-slate-700">
        {me.email} · {ROLE_LABELS[me.role]}
      </p>
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
