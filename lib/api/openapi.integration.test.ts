import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { handleApi } from "@/lib/api/handle";
import { createApiKey } from "@/lib/api/keys";
import { openApiDocument } from "@/lib/api/openapi";
import { problemCodes } from "@/lib/api/problem-codes";
import { db } from "@/lib/db";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The document at /api/v1/openapi.json: valid OpenAPI 3.1 by an independent validator, with every
// endpoint in it and nothing else, and the answers real calls give valid by its own schemas.

type Operation = {
  operationId: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { content: Record<string, { schema: object }> }>;
};
type Doc = ReturnType<typeof openApiDocument> & { paths: Record<string, Record<string, Operation>> };

let doc: Doc;

beforeAll(async () => {
  await seed(db);
  const served = await handleApi(new Request("http://localhost:3000/api/v1/openapi.json"), "/openapi.json");
  expect(served.status).toBe(200);
  doc = (await served.json()) as Doc;
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(doc) as Parameters<Validator["validate"]>[0]);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every endpoint, and no other", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => `${m.toUpperCase()} ${p} ${op.operationId}`));
    expect(documented.sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path} ${e.operationId}`).sort());
    for (const e of ENDPOINTS) {
      const params = doc.paths[e.path]![e.method.toLowerCase()]!.parameters.filter((p) => p.in === "path").map((p) => p.name);
      expect(params).toEqual([...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    }
  });

  it("explains every code an endpoint may refuse with, where a problem's type links", () => {
    const explained = new Set(problemCodes().map((p) => p.code));
    const declared = [...new Set(ENDPOINTS.flatMap((e) => ["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "INVALID_INPUT", ...e.errors]))];
    expect(declared.filter((code) => !explained.has(code))).toEqual([]);
  });

  it("serves every endpoint from the one dispatcher the document is made from", () => {
    // A route file of its own under /api/v1 would be an endpoint the document does not know.
    const dir = path.join(process.cwd(), "app/api/v1");
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.relative(dir, path.join(f.parentPath, f.name)));
    expect(files).toEqual([path.join("[[...path]]", "route.ts")]);
  });

  it("routes every documented operation: without a key each answers 401, never 404 or 405", async () => {
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = p.replaceAll(/\{\w+\}/g, "00000000-0000-4000-8000-000000000000");
        const response = await handleApi(new Request(`http://localhost:3000/api/v1${concrete}`, { method: method.toUpperCase() }), concrete);
        expect(`${method} ${p} ${response.status}`).toBe(`${method} ${p} 401`);
      }
    }
  });

  it("describes what real calls answer: their bodies validate against its schemas", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ ...(doc.components.schemas.Problem as object), $id: "problem" });
    const admin = await createStaff("ADMIN");
    const { key } = await createApiKey(db, { name: "Checker", scopes: ["requests:read", "requests:write", "records:export", "customers:read"] }, admin);
    const { requestId } = await verifiedRequest();
    const calls: { operationId: string; method: string; path: string; body?: unknown }[] = [
      { operationId: "createRequest", method: "POST", path: "/requests", body: requestInput() },
      { operationId: "listRequests", method: "GET", path: "/requests" },
      { operationId: "getRequest", method: "GET", path: `/requests/${requestId}` },
      { operationId: "acknowledgeRequest", method: "POST", path: `/requests/${requestId}/acknowledge`, body: {} },
      { operationId: "exportRecord", method: "GET", path: `/requests/${requestId}/record` },
      { operationId: "listCustomers", method: "GET", path: "/customers" },
    ];
    for (const c of calls) {
      const op = Object.values(doc.paths).flatMap((m) => Object.values(m)).find((o) => o.operationId === c.operationId)!;
      if (op.requestBody) {
        const bodySchema = op.requestBody!.content["application/json"]!.schema!;
        expect(ajv.validate(bodySchema, c.body), `${c.operationId} request: ${ajv.errorsText()}`).toBe(true);
      }
      const response = await handleApi(
        new Request(`http://localhost:3000/api/v1${c.path}`, {
          method: c.method,
          headers: { Authorization: `Bearer ${key}`, ...(c.body !== undefined ? { "Content-Type": "application/json" } : {}) },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
        }),
        c.path,
      );
      const [status, success] = Object.entries(op.responses).find(([s]) => s !== "default")!;
      expect(`${c.operationId} ${response.status}`).toBe(`${c.operationId} ${status}`);
      expect(ajv.validate(success.content["application/json"]!.schema, await response.json()), `${c.operationId}: ${ajv.errorsText()}`).toBe(true);
    }
    // A refusal has the documented problem shape.
    const refused = await handleApi(new Request(`http://localhost:3000/api/v1/requests/${requestId}/acknowledge`, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: "{}" }), `/requests/${requestId}/acknowledge`);
    expect(refused.status).toBe(409);
    expect(ajv.validate("problem", await refused.json()), ajv.errorsText()).toBe(true);
  });
});
