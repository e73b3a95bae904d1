import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { DisconnectButton } from "@/components/disconnect-button";
import { listApiKeys, recentCalls } from "@/lib/api/keys";
import { API_SCOPES, SCOPE_INFO } from "@/lib/api/scopes";
import { requirePagePermission } from "@/lib/auth/staff";
import { now } from "@/lib/clock";
import { formatInstant, formatInstantDate } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePagePermission("settings.manage", "/admin/api-keys");
  const [keys, timeZone] = await Promise.all([listApiKeys(db), getOperatorTimeZone()]);
  const calls = await recentCalls(db, keys.map((k) => k.id));
  const at = now();
  const state = (k: (typeof keys)[number]) => (k.revokedAt ? "Revoked" : k.expiresAt && k.expiresAt <= at ? "Expired" : "Active");
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">API keys</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Other systems (a helpdesk, a CRM, your product) call the <a href="/admin/api" className="text-blue-700 underline">portal's API</a> with a key. Everything a key does is
          recorded under its name, like a staff member; it cannot sign in.
        </p>
      </div>
      <section aria-labelledby="create-heading" className="max-w-3xl rounded-md border border-slate-300 bg-white p-6">
        <h2 id="create-heading" className="text-lg font-semibold text-slate-900">
          Create a key
        </h2>
        <CreateKeyForm scopes={API_SCOPES.map((s) => ({ value: s, label: SCOPE_INFO[s].label, description: SCOPE_INFO[s].description }))} />
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">
          Keys
        </h2>
        {keys.length === 0 ? (
          <p className="mt-2 text-slate-700">No key yet.</p>
        ) : (
          <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
            <TableHead labels={["Name", "Key", "Scopes", "Status", "Created", "Expires", "Last used", "Actions"]} />
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    {k.name}
                    <details className="mt-1 font-normal">
                      <summary className="cursor-pointer text-blue-700">Latest calls</summary>
                      {(calls.get(k.id) ?? []).length === 0 ? (
                        <p className="mt-1 text-slate-700">None yet.</p>
                      ) : (
                        <ul className="mt-1 space-y-1 font-mono text-xs">
                          {(calls.get(k.id) ?? []).map((c, i) => (
                            <li key={i}>
                              {formatInstant(c.at, timeZone)} {c.method} {c.route} → {c.status}
                            </li>
                          ))}
                        </ul>
                      )}
                    </details>
                  </th>
                  <td className="p-2 font-mono">{k.prefix}…</td>
                  <td className="p-2">
                    <ul>
                      {k.scopes.map((s) => (
                        <li key={s}>
                          <code>{s}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="p-2">{state(k)}</td>
                  <td className="p-2">
                    {formatInstantDate(k.createdAt, timeZone, "medium")}
                    {k.createdBy ? <span className="block text-slate-600">by {k.createdBy}</span> : null}
                  </td>
                  <td className="p-2">{k.expiresAt ? formatInstantDate(k.expiresAt, timeZone, "medium") : "Never"}</td>
                  <td className="p-2">{k.lastUsedAt ? formatInstant(k.lastUsedAt, timeZone) : "Never"}</td>
                  <td className="p-2">
                    {k.revokedAt ? (
                      <span className="text-slate-700">Revoked {formatInstantDate(k.revokedAt, timeZone, "medium")}</span>
                    ) : (
                      <DisconnectButton disconnect={revokeApiKeyAction.bind(null, { keyId: k.id })} label="Revoke" srLabel={`the key ${k.name}`} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
