import "server-only";
import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { DetailsSchemas, NewRequestSchema, REQUEST_TYPES } from "@/lib/requests/schema";
import { ProblemSchema } from "@/lib/api/problem";
import { SCOPE_INFO, API_SCOPES } from "@/lib/api/scopes";

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a caller sends or receives. */
function schemaOf(schema: z.core.$ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** The form's fields, as createRequest takes them: the person asks for themselves; the honeypot is the form's own. */
function createRequestBody(): JsonSchema {
  const form = schemaOf(NewRequestSchema, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
  const { website: _honeypot, representative: _representative, submittedBy: _submittedBy, ...properties } = form.properties;
  return {
    ...form,
    properties: {
      ...properties,
      email: { ...properties.email, format: "email", description: "The person's address: the one searched, and where every email goes" },
      country: { ...properties.country, description: "Where the person lives, as an ISO 3166-1 alpha-2 code (DE, US, BR); it decides the law and the deadline" },
      region: { ...properties.region, description: "The US state or Canadian province (CA, VA, QC); only for those two countries" },
      details: {
        description: "What the request type asks for, as the form does. Unknown keys are dropped.",
        anyOf: REQUEST_TYPES.map((type) => ({ title: type, ...schemaOf(DetailsSchemas[type], "input") })),
      },
      verified: {
        type: "boolean",
        description: "The channel knows the person (a signed-in account): verify now, send no email code. Needs requests:verify.",
      },
    },
    required: (form.required ?? []).filter((name) => name in properties),
  };
}

function parametersOf(schema: z.core.$ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const PACKAGE_TYPES = ["application/zip", "application/json", "text/csv", "application/pdf", "application/octet-stream"];

/**
 * The OpenAPI 3.1 document of /api/v1, made from the endpoints' own schemas (lib/api/endpoints.ts):
 * what is validated is what is documented. Served at /api/v1/openapi.json.
 */
export function openApiDocument(baseUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const scopes = e.scopes.map((s) => `\`${s}\``).join(", ");
    const operation: Record<string, unknown> = {
      operationId: e.operationId,
      summary: e.summary,
      description: [e.description, `Scopes: ${scopes}.`].filter(Boolean).join("\n\n"),
      tags: [e.tag],
      security: [{ apiKey: [...e.scopes] }],
      "x-scopes": [...e.scopes],
      parameters: [...parametersOf(e.params, "path"), ...parametersOf(e.query, "query")],
      responses: {
        [String(e.response.status)]: { description: e.response.description, content: { "application/json": { schema: schemaOf(e.response.schema, "output") } } },
        default: {
          description: `A problem (RFC 9457). Codes: ${[...new Set(["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "INVALID_INPUT", ...e.errors])].join(", ")}.`,
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    };
    if (e.body === "binary") {
      operation.requestBody = { required: true, description: "The file itself, up to 10 MB.", content: Object.fromEntries(PACKAGE_TYPES.map((t) => [t, {}])) };
    } else if (e.body) {
      const schema = e.bodyDoc === "request-form" ? createRequestBody() : schemaOf(e.body, "input");
      operation.requestBody = { required: true, content: { "application/json": { schema } } };
    }
    const path = paths[e.path] ?? (paths[e.path] = {});
    path[e.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Privacy rights portal API",
      version: "1",
      description:
        "File privacy requests from other channels, follow and handle them under the same lifecycle rules as the dashboard, register customers and start data runs. Authenticate with an API key (`Authorization: Bearer dsar_...`) that an admin created under Settings → API keys; each endpoint names the scopes it needs. Every call is audited under the key's name.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: [
      { name: "Requests", description: "File, list and read requests." },
      { name: "Actions", description: "What staff do to a request; the same rules as the dashboard." },
      { name: "Records", description: "The record a regulator may ask for." },
      { name: "Runs", description: "Finding, exporting and erasing a person's data in the connected systems." },
      { name: "Customers", description: "The operator's customers and their workspaces, where workspace requests are referred." },
    ],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "dsar_ key",
          description: `Scopes: ${API_SCOPES.map((s) => `${s} (${SCOPE_INFO[s].description})`).join(" ")}`,
        },
      },
      schemas: { Problem: schemaOf(ProblemSchema, "output") },
    },
    paths,
  };
}
