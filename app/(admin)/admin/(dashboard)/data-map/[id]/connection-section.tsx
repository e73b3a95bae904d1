import type { TestReport } from "@/lib/connectors/types";
import type { HttpConnection, MapSystem, SqlConnection } from "@/lib/datamap/types";
import { clearSecretAction, saveConnectionAction, testConnectionAction } from "../actions";
import { ActionForm, CheckboxField, TextField } from "../form-kit";

/** The connection settings (the secret write-only), the test button and the last test's report. */
export function ConnectionSection({
  system,
  canManage,
  secretSetAt,
  test,
  when,
}: {
  system: MapSystem;
  canManage: boolean;
  secretSetAt: Date | null;
  test: { at: Date; ok: boolean; report: TestReport | null } | null;
  when: (at: Date) => string;
}) {
  const sql = system.kind === "HTTP" ? null : ((system.connection ?? {}) as Partial<SqlConnection>);
  const http = system.kind === "HTTP" ? ((system.connection ?? {}) as Partial<HttpConnection>) : null;
  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const secretLabel = system.kind === "HTTP" ? "API token" : "Password";
  return (
    <section aria-labelledby="connection-heading" className="max-w-2xl space-y-4">
      <h2 id="connection-heading" className="text-lg font-semibold text-slate-900">
        Connection
      </h2>
      <p className="text-slate-900" id="secret-status">
        {secretSetAt ? `A ${secretLabel.toLowerCase()} is stored (sealed), set on ${when(secretSetAt)}. It is never shown again.` : `No ${secretLabel.toLowerCase()} is stored.`}
      </p>
      {canManage ? (
        <ActionForm action={saveConnectionAction} idPrefix="connection" submitLabel="Save connection" hidden={{ systemId: system.id }} className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
          {sql ? (
            <>
              <TextField name="host" label="Host" defaultValue={str(sql.host)} />
              <TextField name="port" label="Port" type="number" defaultValue={str(sql.port ?? (system.kind === "MYSQL" ? 3306 : 5432))} />
              <TextField name="database" label="Database" defaultValue={str(sql.database)} />
              <TextField name="user" label="User" hint="A user that may only read the mapped tables." defaultValue={str(sql.user)} />
              {system.kind === "POSTGRES" ? <TextField name="schema" label="Schema (optional)" hint='Where the tables are; "public" when empty.' defaultValue={str(sql.schema)} /> : null}
              <CheckboxField name="ssl" label="Require TLS" defaultChecked={sql.ssl === true} />
            </>
          ) : (
            <>
              <TextField name="baseUrl" label="Base URL" type="url" hint="Collection paths are appended to it, e.g. https://billing.example.com/api" defaultValue={str(http?.baseUrl)} />
              <TextField name="authHeader" label="Header carrying the token" hint="Authorization when empty." defaultValue={str(http?.authHeader)} />
              <TextField name="authPrefix" label="Written before the token" hint='Such as "Bearer " (with its space). Empty: the header holds the token alone.' defaultValue={http?.authPrefix ?? "Bearer "} />
              <TextField name="timeoutMs" label="Timeout per request, in milliseconds (optional)" type="number" defaultValue={str(http?.timeoutMs)} />
              <TextField name="requestsPerSecond" label="Requests a second at most (optional)" defaultValue={str(http?.requestsPerSecond)} />
            </>
          )}
          <TextField
            name="secret"
            label={secretSetAt ? `New ${secretLabel.toLowerCase()} (optional)` : secretLabel}
            type="password"
            autoComplete="new-password"
            hint={secretSetAt ? "Leave empty to keep the stored one." : "Stored sealed under its own key; never shown back."}
            defaultValue=""
          />
        </ActionForm>
      ) : null}
      {canManage && secretSetAt ? (
        <ActionForm action={clearSecretAction} idPrefix="clear-secret" submitLabel={`Remove the stored ${secretLabel.toLowerCase()}`} variant="secondary" hidden={{ systemId: system.id }} className="space-y-2" />
      ) : null}

      <h3 className="font-semibold text-slate-900">Test connection</h3>
      <p className="text-sm text-slate-700">Checks that the system answers, that every mapped table and column exists, and which lookup columns have no index.</p>
      {canManage ? <ActionForm action={testConnectionAction} idPrefix="test" submitLabel="Test connection" variant="secondary" hidden={{ systemId: system.id }} className="space-y-2" /> : null}
      {test ? <TestReportView test={test} when={when} /> : <p className="text-slate-700">Not tested yet.</p>}
    </section>
  );
}

function TestReportView({ test, when }: { test: { at: Date; ok: boolean; report: TestReport | null }; when: (at: Date) => string }) {
  const r = test.report;
  return (
    <div className="space-y-2 rounded-md border border-slate-300 bg-white p-4" aria-labelledby="last-test-heading">
      <p id="last-test-heading" className="font-medium text-slate-900">
        Last test, {when(test.at)}: {test.ok ? "passed" : "failed"}
      </p>
      {r ? (
        <>
          <p className="text-slate-900">{r.reachable ? "The system was reachable." : `The system was not reachable: ${r.error ?? "no answer"}`}</p>
          {r.problems.length ? (
            <>
              <p className="font-medium text-red-800">Problems</p>
              <ul className="list-disc pl-5 text-slate-900">
                {r.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.field ? `${p.collection}.${p.field}` : p.collection}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {r.warnings.length ? (
            <>
              <p className="font-medium text-amber-900">Warnings</p>
              <ul className="list-disc pl-5 text-slate-900">
                {r.warnings.map((w, i) => (
                  <li key={i}>
                    <code>{w.field ? `${w.collection}.${w.field}` : w.collection}</code>: {w.message}
                    {w.rowEstimate !== undefined ? ` (about ${w.rowEstimate.toLocaleString("en")} rows)` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
