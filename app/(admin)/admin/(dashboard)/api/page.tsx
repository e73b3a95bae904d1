import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import { openApiDocument } from "@/lib/api/openapi";
import { problemCodes } from "@/lib/api/problem-codes";
import { requirePagePermission } from "@/lib/auth/staff";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  title?: string;
  format?: string;
  default?: unknown;
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  "x-scopes": string[];
  parameters: Parameter[];
  requestBody?: { description?: string; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content: Record<string, { schema?: Schema }> }>;
};

/** A schema in a few words: "string, one of ACCESS, DELETION", "array of object". */
function typeWords(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return `one of ${schema.enum.map((v) => (v === "" ? "(empty)" : String(v))).join(", ")}`;
  if (schema.const !== undefined) return `“${String(schema.const)}”`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((s) => (s.title ? `${s.title}: ${fieldsInline(s)}` : typeWords(s))).join("; or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `list of ${typeWords(schema.items)}`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function fieldsInline(schema: Schema): string {
  const names = Object.keys(schema.properties ?? {});
  if (names.length === 0) return "nothing";
  return `{ ${names.map((n) => `${n}${(schema.required ?? []).includes(n) ? "" : "?"}`).join(", ")} }`;
}

function Fields({ schema, caption }: { schema: Schema | undefined; caption: string }) {
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) return null;
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="text-left font-medium text-slate-900">{caption}</caption>
      <TableHead labels={["Field", "Type", "Required", "What it is"]} />
      <tbody>
        {properties.map(([name, field]) => (
          <tr key={name} className="border-b border-slate-200 align-top">
            <th scope="row" className="p-2 font-mono font-normal">{name}</th>
            <td className="p-2">{typeWords(field)}</td>
            <td className="p-2">{(schema?.required ?? []).includes(name) ? "Yes" : "No"}</td>
            <td className="p-2">{field.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The API for staff to read: every endpoint from the same document machines read at /api/v1/openapi.json. */
export default async function ApiReferencePage() {
  await requirePagePermission("requests.read", "/admin/api");
  const doc = openApiDocument(getEnv().APP_URL);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className="max-w-5xl space-y-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">API reference</h1>
        <p className="mt-2 text-slate-700">{doc.info.description}</p>
        <p className="mt-2 text-slate-700">
          Base address: <code>{doc.servers[0]!.url}</code>. Machine-readable: <a className="text-blue-700 underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </p>
      </div>
      <nav aria-labelledby="toc-heading">
        <h2 id="toc-heading" className="text-lg font-semibold text-slate-900">
          Endpoints
        </h2>
        <ul className="mt-2 space-y-1">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a className="text-blue-700 underline" href={`#${op.operationId}`}>
                <code>
                  {method} {path}
                </code>
              </a>{" "}
              {op.summary}
            </li>
          ))}
          <li>
            <a className="text-blue-700 underline" href="#problems">
              Problems: the codes of refusals
            </a>
          </li>
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const [status, success] = Object.entries(op.responses).find(([s]) => s !== "default")!;
        const body = op.requestBody?.content["application/json"]?.schema;
        return (
          <section key={op.operationId} id={op.operationId} aria-labelledby={`${op.operationId}-heading`} className="rounded-md border border-slate-300 bg-white p-6">
            <h2 id={`${op.operationId}-heading`} className="text-lg font-semibold text-slate-900">
              <code>
                {method} /api/v1{path}
              </code>
              <span className="block text-base font-normal">{op.summary}</span>
            </h2>
            <p className="mt-2 text-sm text-slate-700">
              Scopes: {op["x-scopes"].map((s) => <code key={s} className="mr-2">{s}</code>)}
            </p>
            {op.description
              .split("\n\n")
              .filter((p) => !p.startsWith("Scopes:"))
              .map((p, i) => (
                <p key={i} className="mt-2 text-slate-700">
                  {p}
                </p>
              ))}
            {op.parameters.length ? (
              <table className="mt-4 w-full border-collapse text-left text-sm">
                <caption className="text-left font-medium text-slate-900">Parameters</caption>
                <TableHead labels={["Name", "In", "Type", "Required", "What it is"]} />
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-b border-slate-200 align-top">
                      <th scope="row" className="p-2 font-mono font-normal">{p.name}</th>
                      <td className="p-2">{p.in}</td>
                      <td className="p-2">{typeWords(p.schema)}</td>
                      <td className="p-2">{p.required ? "Yes" : "No"}</td>
                      <td className="p-2">{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {op.requestBody && !body ? <p className="mt-4 text-slate-700">Body: {op.requestBody.description} Types: {Object.keys(op.requestBody.content).join(", ")}.</p> : null}
            <div className="mt-4">
              <Fields schema={body} caption="JSON body" />
            </div>
            <div className="mt-4">
              <Fields schema={success.content["application/json"]?.schema} caption={`Answer: ${status} ${success.description}`} />
            </div>
            <p className="mt-4 text-sm text-slate-700">{op.responses.default!.description}</p>
          </section>
        );
      })}
      <section id="problems" aria-labelledby="problems-heading">
        <h2 id="problems-heading" className="text-lg font-semibold text-slate-900">
          Problems
        </h2>
        <p className="mt-2 text-slate-700">
          Every refusal is an <code>application/problem+json</code> body (RFC 9457): <code>type</code> links here, <code>code</code> is stable, <code>detail</code> says what went wrong
          this time and, for invalid input, <code>errors</code> gives a message per field.
        </p>
        <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
          <TableHead labels={["Code", "HTTP status", "Meaning"]} />
          <tbody>
            {problemCodes().map((p) => (
              <tr key={p.code} id={`problem-${p.code.toLowerCase().replaceAll("_", "-")}`} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-mono font-normal">{p.code}</th>
                <td className="p-2">{p.status}</td>
                <td className="p-2">{p.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
