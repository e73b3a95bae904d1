import type { Metadata } from "next";
import { DisconnectButton } from "@/components/disconnect-button";
import { TableHead } from "@/components/ui/table-head";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { listEndpoints } from "@/lib/webhooks/manage";
import { redeliverAction, setAllowPrivateAction, setEndpointEnabledAction } from "./actions";
import { EndpointForm } from "./endpoint-form";
import { RotateSecretButton } from "./rotate-secret-button";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_WORDS = { PENDING: "Waiting", DELIVERED: "Delivered", FAILED: "Failed" } as const;

export default async function WebhooksPage() {
  await requirePagePermission("settings.manage", "/admin/webhooks");
  const [{ endpoints, allowPrivate }, timeZone] = await Promise.all([listEndpoints(db), getOperatorTimeZone()]);
  const events = WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e] }));
  const now = new Date();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Webhooks</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Tell other systems when a request changes. Each delivery is signed (Standard Webhooks), retried with backoff for about two days, and written in the same transaction
          as the change, so none is lost. Deliveries carry ids and states; the requester's name and email only where an endpoint asks for them.
        </p>
      </div>
      <section aria-labelledby="register-heading" className="max-w-3xl rounded-md border border-slate-300 bg-white p-6">
        <h2 id="register-heading" className="text-lg font-semibold text-slate-900">
          Register an endpoint
        </h2>
        <EndpointForm events={events} />
      </section>
      <section aria-labelledby="private-heading" className="max-w-3xl rounded-md border border-slate-300 bg-white p-6">
        <h2 id="private-heading" className="text-lg font-semibold text-slate-900">
          Private targets
        </h2>
        <p className="mt-2 text-slate-700">
          {allowPrivate
            ? "Endpoints may be on loopback, private and link-local addresses (a receiver inside your network). Anyone who can register an endpoint can then make the portal call those addresses."
            : "Endpoints on loopback, private and link-local addresses (such as 127.0.0.1, 10.0.0.0/8 or the cloud metadata address 169.254.169.254) are refused, when registered and again at each delivery."}
        </p>
        <div className="mt-3">
          <DisconnectButton
            disconnect={setAllowPrivateAction.bind(null, { allow: !allowPrivate })}
            label={allowPrivate ? "Refuse private targets" : "Allow private targets"}
            srLabel="for webhook endpoints"
          />
        </div>
      </section>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="text-lg font-semibold text-slate-900">
          Endpoints
        </h2>
        {endpoints.length === 0 ? <p className="mt-2 text-slate-700">No endpoint yet.</p> : null}
        <ul className="mt-4 space-y-6">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="rounded-md border border-slate-300 bg-white p-4">
              <section aria-label={`Endpoint ${endpoint.url}`}>
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <p className="break-all font-mono text-slate-900">{endpoint.url}</p>
                    {endpoint.description ? <p className="text-slate-700">{endpoint.description}</p> : null}
                    <p className="mt-1 text-sm text-slate-700">
                      {endpoint.disabledAt ? "Disabled" : "Active"} · {endpoint.events.join(", ")}
                      {endpoint.includePersonal ? " · with the requester's name and email" : ""}
                    </p>
                    {endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? (
                      <p className="mt-1 text-sm text-slate-700">Signed with the previous secret too until {formatInstant(endpoint.previousSecretUntil, timeZone)}.</p>
                    ) : null}
                  </div>
                  <DisconnectButton
                    disconnect={setEndpointEnabledAction.bind(null, { endpointId: endpoint.id, enabled: Boolean(endpoint.disabledAt) })}
                    label={endpoint.disabledAt ? "Enable" : "Disable"}
                    srLabel={endpoint.url}
                  />
                </div>
                <div className="mt-3 flex flex-wrap items-start gap-6">
                  <RotateSecretButton endpointId={endpoint.id} url={endpoint.url} timeZone={timeZone} />
                </div>
                <details className="mt-3">
                  <summary className="cursor-pointer font-medium text-blue-700 underline">
                    Change this endpoint<span className="sr-only"> {endpoint.url}</span>
                  </summary>
                  <EndpointForm events={events} endpoint={endpoint} />
                </details>
                {endpoint.deliveries.length === 0 ? (
                  <p className="mt-3 text-sm text-slate-700">No delivery yet.</p>
                ) : (
                  <table className="mt-3 w-full border-collapse text-left text-sm">
                    <caption className="sr-only">Latest deliveries to {endpoint.url}</caption>
                    <TableHead labels={["Event", "Request", "Queued", "Status", "Attempts", "Last answer", "Time", "Redeliver"]} />
                    <tbody>
                      {endpoint.deliveries.map((d) => (
                        <tr key={d.id} className="border-b border-slate-200 align-top">
                          <th scope="row" className="py-2 pr-4 font-mono font-normal">{d.eventType}</th>
                          <td className="py-2 pr-4">
                            {d.requestId && d.reference ? (
                              <a className="text-blue-700 underline" href={`/admin/requests/${d.requestId}`}>
                                {d.reference}
                              </a>
                            ) : (
                              "–"
                            )}
                          </td>
                          <td className="py-2 pr-4">{formatInstant(d.createdAt, timeZone)}</td>
                          <td className="py-2 pr-4">
                            {STATUS_WORDS[d.status]}
                            {d.status === "PENDING" && d.attempts > 0 ? <span className="block text-slate-600">next try {formatInstant(d.nextAttemptAt, timeZone)}</span> : null}
                          </td>
                          <td className="py-2 pr-4">{d.attempts}</td>
                          <td className="py-2 pr-4">{d.lastStatusCode ?? d.lastError ?? "–"}</td>
                          <td className="py-2 pr-4">{d.lastDurationMs === null ? "–" : `${d.lastDurationMs} ms`}</td>
                          <td className="py-2 pr-4">
                            <DisconnectButton disconnect={redeliverAction.bind(null, { deliveryId: d.id })} label="Redeliver" srLabel={`${d.eventType}${d.reference ? ` of ${d.reference}` : ""} queued ${formatInstant(d.createdAt, timeZone)}`} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
