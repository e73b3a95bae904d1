import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { handleApi } from "@/lib/api/handle";
import { createApiKey, recentCalls, revokeApiKey } from "@/lib/api/keys";
import { ProblemSchema } from "@/lib/api/problem";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { RecordSchema, CreatedRequestSchema, CustomerListSchema, CustomerViewSchema, RequestListSchema, RequestViewSchema, RunViewSchema, WorkspaceViewSchema } from "@/lib/api/views";
import { staffAdapter } from "@/lib/auth/adapter";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { planRun } from "@/lib/fulfillment/runs";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { requestInput } from "@/lib/testing/fixtures";
import { createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import { createCustomer } from "@/lib/customers/customers";
import { CustomerSchema, WorkspaceSchema } from "@/lib/customers/schema";
import { addWorkspace } from "@/lib/customers/workspaces";
import { createStaff, eventsOf, latestEmail, referredRequest, templatesOf, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { advanceClock, now as clockNow, resetClock } from "@/lib/clock";
import { seed } from "@/prisma/seed";

// The API as a caller meets it: real Request objects through the same handler the route file
// calls, on the real database, with real keys. Only the HTTP listener is left out; the e2e spec
// (e2e/admin/api-keys.spec.ts) calls the running server.

let admin: StaffUser;
let product: ScratchDatabase;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  product = await createScratchPostgres("api_run");
  await withClient(product.url, (c) => c.query(`CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL); GRANT SELECT ON users TO PUBLIC`));
}, 60_000);

// A test's keys are its own: the ones before it are revoked, so the cap on active keys is never reached.
beforeEach(async () => {
  await db.apiKey.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
});

afterAll(async () => {
  await clearTestMap();
  await stopQueue();
  await product?.stop();
});

/** The data map: one system, the product database, whose users are found by email. */
async function productMap(): Promise<void> {
  await clearTestMap();
  await saveTestMap([{ key: "app", name: "Product", connection: { host: product.host, port: product.port, database: product.database, user: product.user }, collections: { users: { fields: ["id", "email:email"] } } }]);
}

async function keyWith(scopes: readonly ApiScope[], name = "Helpdesk"): Promise<string> {
  return (await createApiKey(db, { name, scopes: [...scopes] }, admin)).key;
}

/**
 * Runs `fn` with the app's clock moved to one second into the next minute: the rate limits count in
 * fixed one-minute windows, and a run of calls that crossed into the next window would start
 * counting again (on a busy machine, a hundred calls can take that long).
 */
async function atMinuteStart(fn: () => Promise<void>): Promise<void> {
  advanceClock(60_000 - (clockNow().getTime() % 60_000) + 1000);
  try {
    await fn();
  } finally {
    resetClock();
  }
}

type Call = { method?: string; path: string; key?: string | null; body?: unknown; raw?: Uint8Array; contentType?: string; from?: string };

async function call({ method = "GET", path, key, body, raw, contentType, from }: Call): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  // The client's address as scripts/serve.ts writes it for the app.
  const headers: Record<string, string> = { "X-Forwarded-For": from ?? "192.0.2.10" };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = contentType ?? "application/json";
  if (raw) headers["Content-Type"] = contentType ?? "application/octet-stream";
  const request = new Request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers,
    body: raw ? new Uint8Array(raw) : body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handleApi(request, new URL(request.url).pathname.slice("/api/v1".length));
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {}, headers: response.headers };
}

function expectProblem(result: { status: number; json: unknown; headers: Headers }, status: number, code: string) {
  expect({ status: result.status, code: (result.json as { code?: string }).code }).toEqual({ status, code });
  expect(result.headers.get("content-type")).toBe("application/problem+json");
  ProblemSchema.parse(result.json);
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(value);
}

describe("API keys", () => {
  it("is shown once and stored as a hash, acts through a staff row that cannot sign in, and is audited", async () => {
    const { id, key } = await createApiKey(db, { name: "Zendesk", scopes: ["requests:read", "requests:read"] }, admin);
    expect(key).toMatch(/^dsar_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id }, include: { staff: true } });
    expect(row.keyHash).not.toContain(key.slice(5));
    expect(JSON.stringify(row)).not.toContain(key.slice(5));
    expect(row).toMatchObject({ name: "Zendesk", scopes: ["requests:read"], prefix: key.slice(0, 11), revokedAt: null });
    expect(row.staff).toMatchObject({ kind: "API_KEY", role: "AUDITOR", name: "Zendesk (API key)", digestEnabled: false });
    // Never anyone's account, whatever the sign-in tries.
    const adapter = staffAdapter(db, { idleMinutes: 60, maxHours: 12 });
    expect(await adapter.getUserByEmail!(row.staff.email)).toBeNull();
    expect(await adapter.getUser!(row.staff.id)).toBeNull();
    expect(await db.staffEvent.findFirst({ where: { staffId: row.staffId }, select: { action: true, actorId: true } })).toEqual({ action: "api_key.created", actorId: admin.id });
  });

  it("refuses a missing, unknown, expired and revoked key with 401 and what to do", async () => {
    const missing = await call({ path: "/requests" });
    expectProblem(missing, 401, "UNAUTHENTICATED");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expectProblem(await call({ path: "/requests", key: "dsar_nothing-like-a-real-key" }), 401, "UNAUTHENTICATED");

    const expiring = await createApiKey(db, { name: "Short", scopes: ["requests:read"], expiresOn: "2099-01-01" }, admin);
    expect((await call({ path: "/requests", key: expiring.key })).status).toBe(200);
    await db.apiKey.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call({ path: "/requests", key: expiring.key });
    expectProblem(expired, 401, "UNAUTHENTICATED");
    expect(expired.json.detail).toMatch(/expired/);

    const { id, key } = await createApiKey(db, { name: "Old", scopes: ["requests:read"] }, admin);
    await revokeApiKey(db, id, admin);
    const revoked = await call({ path: "/requests", key });
    expectProblem(revoked, 401, "UNAUTHENTICATED");
    expect(revoked.json.detail).toMatch(/revoked/);
    const staffId = (await db.apiKey.findUniqueOrThrow({ where: { id } })).staffId;
    expect((await db.staffEvent.findMany({ where: { staffId }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("refuses a name, scope or expiry that cannot be, and creates nothing", async () => {
    const before = await db.apiKey.count();
    await expect(createApiKey(db, { name: "x", scopes: ["requests:read"] }, admin)).rejects.toThrow(/Name the key/);
    await expect(createApiKey(db, { name: "Helpdesk", scopes: [] }, admin)).rejects.toThrow(/at least one scope/);
    await expect(createApiKey(db, { name: "Helpdesk", scopes: ["requests:everything" as ApiScope] }, admin)).rejects.toThrow(/scopes from the list/);
    await expect(createApiKey(db, { name: "Helpdesk", scopes: ["requests:read"], expiresOn: "2020-01-01" }, admin)).rejects.toThrow(/after today/);
    expect(await db.apiKey.count()).toBe(before);
  });

  it("answers calls without a valid key 429 past 30 a minute from one address, and counts each address apart", () => atMinuteStart(async () => {
    const guess = (from: string) => call({ path: "/requests", key: `dsar_guess-${Math.random()}`, from });
    for (let i = 0; i < 30; i++) expectProblem(await guess("198.51.100.7"), 401, "UNAUTHENTICATED");
    const limited = await guess("198.51.100.7");
    expectProblem(limited, 429, "RATE_LIMITED");
    expect(limited.json.detail).toMatch(/^More than 30 calls without a valid key came from this address this minute\. Try again in \d+ seconds\.$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expectProblem(await guess("198.51.100.8"), 401, "UNAUTHENTICATED");
    // A valid key from the busy address is not held back by the guesses.
    expect((await call({ path: "/requests", key: await keyWith(["requests:read"]), from: "198.51.100.7" })).status).toBe(200);
  }));

  it("limits calls per key per minute, with Retry-After, and counts each key apart", () => atMinuteStart(async () => {
    const busy = await keyWith(["requests:read"], "Busy");
    const calm = await keyWith(["requests:read"], "Calm");
    const unknown = "/requests/00000000-0000-4000-8000-000000000000";
    for (let i = 0; i < 120; i++) expect((await call({ path: unknown, key: busy })).status).toBe(404);
    const limited = await call({ path: unknown, key: busy });
    expectProblem(limited, 429, "RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call({ path: unknown, key: calm })).status).toBe(404);
  }));
});

describe("every endpoint under its scopes", () => {
  type Case = { request: () => Promise<Call>; status: number; schema?: z.ZodType; changed?: (before: Call) => Promise<unknown> };

  async function openRequest() {
    return (await verifiedRequest()).requestId;
  }
  async function customerId() {
    return (await db.customer.findFirstOrThrow({ select: { id: true } })).id;
  }
  /** A workspace of its own, with no referral through it. */
  async function freshWorkspace() {
    const slug = `ws-${Math.random().toString(36).slice(2, 8)}`;
    return (await addWorkspace(await customerId(), WorkspaceSchema.parse({ name: `Spare ${slug}`, slug, domains: "" }), admin)).id;
  }

  const cases: Record<string, Case> = {
    createRequest: { request: async () => ({ method: "POST", path: "/requests", body: requestInput() }), status: 201, schema: CreatedRequestSchema },
    listRequests: { request: async () => ({ path: "/requests" }), status: 200, schema: RequestListSchema },
    getRequest: { request: async () => ({ path: `/requests/${await openRequest()}` }), status: 200, schema: RequestViewSchema },
    acknowledgeRequest: { request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/acknowledge`, body: {} }), status: 200, schema: RequestViewSchema },
    addNote: { request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/notes`, body: { note: "Ticket #4711 in the helpdesk" } }), status: 200, schema: RequestViewSchema },
    assignRequest: { request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/assignee`, body: { assigneeId: admin.id } }), status: 200, schema: RequestViewSchema },
    askForInformation: {
      request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/questions`, body: { message: "Which account do you mean?" } }),
      status: 200,
      schema: RequestViewSchema,
    },
    extendDeadline: {
      request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/extend`, body: { reason: "Several systems to search" } }),
      status: 200,
      schema: RequestViewSchema,
    },
    denyRequest: {
      request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/deny`, body: { basis: "UNVERIFIABLE", reason: "We could not match the account" } }),
      status: 200,
      schema: RequestViewSchema,
    },
    attachPackage: {
      request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/package?filename=export.json`, raw: new TextEncoder().encode('{"a":1}'), contentType: "application/json" }),
      status: 201,
    },
    completeRequest: {
      request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/complete`, body: { outcome: "We hold no data about you beyond this request." } }),
      status: 200,
      schema: RequestViewSchema,
    },
    routeRequest: { request: async () => ({ method: "POST", path: `/requests/${await openRequest()}/route`, body: { kind: "OPERATOR" } }), status: 200, schema: RequestViewSchema },
    exportRecord: { request: async () => ({ path: `/requests/${await openRequest()}/record` }), status: 200, schema: RecordSchema },
    startRun: {
      request: async () => {
        await productMap();
        return { method: "POST", path: `/requests/${await openRequest()}/runs`, body: {} };
      },
      status: 202,
      schema: RunViewSchema,
    },
    getRun: {
      request: async () => {
        await productMap();
        const requestId = await openRequest();
        await planRun(db, { requestId, staffId: admin.id });
        return { path: `/requests/${requestId}/run` };
      },
      status: 200,
      schema: RunViewSchema,
    },
    listCustomers: { request: async () => ({ path: "/customers" }), status: 200, schema: CustomerListSchema },
    getCustomer: { request: async () => ({ path: `/customers/${await customerId()}` }), status: 200, schema: CustomerViewSchema },
    createCustomer: {
      request: async () => ({ method: "POST", path: "/customers", body: { legalName: `Globex ${Math.random().toString(36).slice(2, 8)} GmbH`, privacyEmails: "privacy@globex.example", language: "de" } }),
      status: 201,
      schema: CustomerViewSchema,
    },
    addWorkspace: {
      request: async () => {
        const slug = `ws-${Math.random().toString(36).slice(2, 8)}`;
        return { method: "POST", path: `/customers/${await customerId()}/workspaces`, body: { name: `Support ${slug}`, slug, domains: [`${slug}.example`] } };
      },
      status: 201,
      schema: WorkspaceViewSchema,
    },
    updateCustomer: {
      request: async () => {
        const legalName = `Umbrella ${Math.random().toString(36).slice(2, 8)} plc`;
        const { id } = await createCustomer(CustomerSchema.parse({ legalName, privacyEmails: "privacy@umbrella.example", language: "en" }), admin);
        return { method: "PUT", path: `/customers/${id}`, body: { legalName, privacyEmails: "dpo@umbrella.example", language: "en" } };
      },
      status: 200,
      schema: CustomerViewSchema,
    },
    updateWorkspace: {
      request: async () => ({ method: "PUT", path: `/workspaces/${await freshWorkspace()}`, body: { name: "Renamed", slug: `rn-${Math.random().toString(36).slice(2, 8)}`, domains: [] } }),
      status: 200,
      schema: WorkspaceViewSchema,
    },
    removeWorkspace: { request: async () => ({ method: "DELETE", path: `/workspaces/${await freshWorkspace()}` }), status: 200 },
  };

  it("has a case for every endpoint", () => {
    expect(Object.keys(cases).sort()).toEqual(ENDPOINTS.map((e) => e.operationId).sort());
  });

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.operationId}: allowed with ${endpoint.scopes.join(" + ")}, refused with every other scope and changes nothing`, async () => {
      const spec = cases[endpoint.operationId]!;
      const others = API_SCOPES.filter((s) => !endpoint.scopes.includes(s));
      // Refused: a key with every scope but one it needs, for each one it needs.
      for (const lacking of endpoint.scopes) {
        const key = await keyWith([...others, ...endpoint.scopes.filter((s) => s !== lacking)], `Without ${lacking}`);
        const request = await spec.request();
        const [requests, events, customers] = await Promise.all([db.request.count(), db.requestEvent.count(), db.customer.count()]);
        const refused = await call({ ...request, key });
        expectProblem(refused, 403, "FORBIDDEN");
        expect(refused.json.detail).toContain(lacking);
        expect([await db.request.count(), await db.requestEvent.count(), await db.customer.count()]).toEqual([requests, events, customers]);
      }
      // Allowed: exactly the scopes it names.
      const key = await keyWith(endpoint.scopes, `Only ${endpoint.operationId}`);
      const allowed = await call({ ...(await spec.request()), key });
      expect({ status: allowed.status, code: allowed.json.code }).toEqual({ status: spec.status, code: undefined });
      if (spec.schema) spec.schema.parse(allowed.json);
    });
  }
});

describe("requests through the API", () => {
  it("adds an internal note and assigns the request under the key's name, and refuses an assignee who cannot handle requests", async () => {
    const key = await keyWith(["requests:read", "requests:write"], "Helpdesk");
    const { requestId } = await verifiedRequest();
    const keyStaff = await db.staff.findFirstOrThrow({ where: { name: "Helpdesk (API key)" }, orderBy: { createdAt: "desc" } });

    expect((await call({ method: "POST", path: `/requests/${requestId}/notes`, key, body: { note: "Ticket #4711" } })).status).toBe(200);
    expect((await eventsOf(requestId)).find((e) => e.action === "note.added")).toMatchObject({ actorType: "STAFF", actorId: keyStaff.id, visibility: "INTERNAL", data: { note: "Ticket #4711" } });
    const empty = await call({ method: "POST", path: `/requests/${requestId}/notes`, key, body: { note: " " } });
    expectProblem(empty, 422, "INVALID_INPUT");

    const officer = await createStaff("OFFICER");
    expect((await call({ method: "POST", path: `/requests/${requestId}/assignee`, key, body: { assigneeId: officer.id } })).status).toBe(200);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { assigneeId: true } })).toEqual({ assigneeId: officer.id });
    const auditor = await createStaff("AUDITOR");
    expectProblem(await call({ method: "POST", path: `/requests/${requestId}/assignee`, key, body: { assigneeId: auditor.id } }), 409, "ASSIGNEE_INVALID");
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { assigneeId: true } })).toEqual({ assigneeId: officer.id });
    expect((await call({ method: "POST", path: `/requests/${requestId}/assignee`, key, body: { assigneeId: null } })).status).toBe(200);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { assigneeId: true } })).toEqual({ assigneeId: null });
  });

  it("files a request that the person confirms by email, under the key's name", async () => {
    const key = await keyWith(["requests:write"], "Helpdesk");
    const input = requestInput({ type: "DELETION", details: { scope: "ALL" } });
    const filed = await call({ method: "POST", path: "/requests", key, body: input });
    expect(filed.status).toBe(201);
    const created = parsed(CreatedRequestSchema, filed.json);
    expect(created).toMatchObject({ status: "PENDING_VERIFICATION", verificationRequired: true });
    expect(await templatesOf(created.id)).toEqual(["verify-email"]);
    expect((await latestEmail(created.id, "verify-email")).to).toBe(input.email);
    const keyStaff = await db.staff.findFirstOrThrow({ where: { name: "Helpdesk (API key)" }, orderBy: { createdAt: "desc" } });
    expect((await eventsOf(created.id))[0]).toMatchObject({ action: "request.submitted", actorType: "STAFF", actorId: keyStaff.id, data: { channel: "Helpdesk" } });
    const calls = await db.apiCall.findMany({ where: { route: "/api/v1/requests", method: "POST", subjectId: created.id } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: 201 });
    const record = RecordSchema.parse((await call({ path: `/requests/${created.id}/record`, key: await keyWith(["records:export"], "Archive") })).json);
    expect(record.request.manner).toBe("Filed through the API by the channel “Helpdesk”, confirmed by email");
  });

  it("verifies at once, sending no code, only for a key that may vouch, and records who vouched", async () => {
    const writer = await keyWith(["requests:write"], "Chat");
    const before = await db.request.count();
    const refused = await call({ method: "POST", path: "/requests", key: writer, body: { ...requestInput(), verified: true } });
    expectProblem(refused, 403, "FORBIDDEN");
    expect(refused.json.detail).toContain("requests:verify");
    expect(await db.request.count()).toBe(before);

    const voucher = await keyWith(["requests:write", "requests:verify"], "Signed-in app");
    const filed = await call({ method: "POST", path: "/requests", key: voucher, body: { ...requestInput(), verified: true } });
    const created = parsed(CreatedRequestSchema, filed.json);
    expect(created).toMatchObject({ status: "RECEIVED", verificationRequired: false });
    expect(await templatesOf(created.id)).toEqual(["request-acknowledged"]);
    const events = await eventsOf(created.id);
    expect(events.map((e) => e.action)).toEqual(["request.submitted", "verification.vouched", "request.verified"]);
    expect(events.find((e) => e.action === "request.verified")).toMatchObject({ actorType: "STAFF", data: { vouchedBy: "Signed-in app" } });
    const request = await db.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(request.verifiedAt).not.toBeNull();
    expect(request.dueAt).not.toBeNull();
  });

  it("refuses bad input with the form's own messages per field, and stores nothing", async () => {
    const key = await keyWith(["requests:write"]);
    const before = await db.request.count();
    const bad = await call({ method: "POST", path: "/requests", key, body: { type: "DELETION", details: { scope: "SPECIFIC" }, name: "", email: "not-an-address", country: "DE", relationship: "OTHER" } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.json.errors).toMatchObject({
      name: "Enter your full name",
      email: "Enter an email address in the format name@example.com",
      "details.specifics": "Describe the data you want deleted",
    });
    expectProblem(await call({ method: "POST", path: "/requests", key, body: "{not json" }), 400, "INVALID_JSON");
    expectProblem(await call({ method: "POST", path: "/requests", key, body: requestInput(), contentType: "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    const agent = await call({ method: "POST", path: "/requests", key, body: { ...requestInput(), submittedBy: "AGENT" } });
    expectProblem(agent, 422, "INVALID_INPUT");
    expect(agent.json.errors).toHaveProperty("submittedBy");
    expect(await db.request.count()).toBe(before);
  });

  it("files a request in the person's language, answers its caller in English, and refuses a language not offered", async () => {
    const key = await keyWith(["requests:write", "requests:read"]);
    const filed = await call({ method: "POST", path: "/requests", key, body: { ...requestInput(), language: "pt-BR" } });
    expect(filed.status).toBe(201);
    const id = (filed.json as { id: string }).id;
    expect((await db.request.findUniqueOrThrow({ where: { id }, select: { language: true } })).language).toBe("pt-BR");
    expect((parsed(RequestViewSchema, (await call({ path: `/requests/${id}`, key })).json)).language).toBe("pt-BR");
    const refused = await call({ method: "POST", path: "/requests", key, body: { ...requestInput(), name: "", language: "de" } });
    expectProblem(refused, 422, "INVALID_INPUT");
    expect(refused.json.errors).toMatchObject({ name: "Enter your full name" });
    const before = await db.request.count();
    const unknown = await call({ method: "POST", path: "/requests", key, body: { ...requestInput(), language: "it" } });
    expectProblem(unknown, 422, "INVALID_INPUT");
    expect(unknown.json.errors).toMatchObject({ language: "language is one of en, de, fr, es, pt-BR" });
    expect(await db.request.count()).toBe(before);
  });

  it("lists with the queue's filters, masks addresses without requests:personal, and pages with a cursor", async () => {
    const first = await verifiedRequest({ type: "OBJECTION", details: { processing: "DIRECT_MARKETING" } });
    const masked = await call({ path: "/requests?type=OBJECTION", key: await keyWith(["requests:read"]) });
    const page = parsed(RequestListSchema, masked.json);
    const row = page.data.find((r) => r.id === first.requestId)!;
    expect(row.requesterEmail).not.toBe(first.email);
    expect(row.requesterEmail).toMatch(/•/);
    expect(page.data.every((r) => r.type === "OBJECTION")).toBe(true);
    const personal = await keyWith(["requests:read", "requests:personal"]);
    const clear = parsed(RequestListSchema, (await call({ path: "/requests?type=OBJECTION", key: personal })).json);
    expect(clear.data.find((r) => r.id === first.requestId)!.requesterEmail).toBe(first.email);

    // An email search needs the personal scope; with it, it finds the one request.
    expectProblem(await call({ path: `/requests?q=${encodeURIComponent(first.email)}`, key: await keyWith(["requests:read"]) }), 403, "FORBIDDEN");
    const found = parsed(RequestListSchema, (await call({ path: `/requests?q=${encodeURIComponent(first.email)}`, key: personal })).json);
    expect(found.data.map((r) => r.id)).toEqual([first.requestId]);

    const wrong = await call({ path: "/requests?status=SOMETIMES&due=tomorrow", key: personal });
    expectProblem(wrong, 422, "INVALID_INPUT");
    expect(Object.keys(wrong.json.errors as object).sort()).toEqual(["due", "status"]);
    expectProblem(await call({ path: "/requests?cursor=garbage", key: personal }), 422, "INVALID_INPUT");

    // 51 more received requests: two pages, each request once.
    for (let i = 0; i < 51; i++) {
      await db.request.create({
        data: { reference: `DSR-P${String(i).padStart(3, "0")}-0000`, type: "RESTRICTION", status: "RECEIVED", country: "DE", jurisdiction: "GDPR", relationship: "OTHER", details: {}, receivedAt: new Date(Date.now() - i * 60_000) },
      });
    }
    const one = parsed(RequestListSchema, (await call({ path: "/requests?type=RESTRICTION&sort=received", key: personal })).json);
    expect(one.data).toHaveLength(50);
    const two = parsed(RequestListSchema, (await call({ path: `/requests?type=RESTRICTION&sort=received&cursor=${encodeURIComponent(one.nextCursor!)}`, key: personal })).json);
    expect(two.nextCursor).toBeNull();
    expect(new Set([...one.data, ...two.data].map((r) => r.id)).size).toBe(51);
  });

  it("reads one request with its public timeline, masked without requests:personal", async () => {
    const { requestId, email } = await verifiedRequest();
    const view = parsed(RequestViewSchema, (await call({ path: `/requests/${requestId}`, key: await keyWith(["requests:read"]) })).json);
    expect(view).toMatchObject({ id: requestId, status: "RECEIVED", personalVisible: false, requesterName: "A. L.", details: null });
    expect(view.requesterEmail).not.toBe(email);
    expect(view.timeline.map((t) => t.title)).toEqual(["Request received", "Email confirmed"]);
    expect(view.allowedActions).toEqual([]);
    const open = parsed(RequestViewSchema, (await call({ path: `/requests/${requestId}`, key: await keyWith(["requests:read", "requests:personal", "requests:write"]) })).json);
    expect(open).toMatchObject({ personalVisible: true, requesterEmail: email, requesterName: "Ada Lovelace" });
    expect(open.allowedActions).toContain("acknowledge");
    const key = await keyWith(["requests:read"]);
    expectProblem(await call({ path: "/requests/00000000-0000-4000-8000-000000000000", key }), 404, "NOT_FOUND");
    expectProblem(await call({ path: "/requests/not-an-id", key }), 404, "NOT_FOUND");
    expectProblem(await call({ path: "/nothing-here", key }), 404, "ROUTE_NOT_FOUND");
    const wrongMethod = await call({ method: "DELETE", path: `/requests/${requestId}`, key });
    expectProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("acts under the dashboard's lifecycle rules, with its codes, and audits each call under the key", async () => {
    const key = await keyWith(["requests:read", "requests:write"], "Back office");
    const { requestId } = await verifiedRequest({ type: "ACCESS" });
    const path = `/requests/${requestId}`;
    expect((await call({ method: "POST", path: `${path}/acknowledge`, key, body: {} })).json).toMatchObject({ status: "IN_PROGRESS" });
    expectProblem(await call({ method: "POST", path: `${path}/acknowledge`, key, body: {} }), 409, "INVALID_TRANSITION");
    expect((await call({ method: "POST", path: `${path}/extend`, key, body: { reason: "Many systems" } })).status).toBe(200);
    expectProblem(await call({ method: "POST", path: `${path}/extend`, key, body: { reason: "Again" } }), 409, "EXTENSION_ALREADY_USED");
    const noReason = await call({ method: "POST", path: `${path}/deny`, key, body: { basis: "UNFOUNDED_OR_EXCESSIVE" } });
    expectProblem(noReason, 422, "INVALID_INPUT");
    expect(noReason.json.errors).toMatchObject({ reason: "Give the reason" });
    expectProblem(await call({ method: "POST", path: `${path}/complete`, key, body: {} }), 409, "PACKAGE_REQUIRED");
    const tooBig = await call({ method: "POST", path: `${path}/package?filename=big.zip`, key, raw: new Uint8Array(10 * 1024 * 1024 + 1), contentType: "application/zip" });
    expectProblem(tooBig, 413, "PACKAGE_TOO_LARGE");
    const attached = await call({ method: "POST", path: `${path}/package?filename=export.json`, key, raw: new TextEncoder().encode('{"messages":[]}'), contentType: "application/json" });
    expect(attached.status).toBe(201);
    const done = parsed(RequestViewSchema, (await call({ method: "POST", path: `${path}/complete`, key, body: {} })).json);
    expect(done.status).toBe("COMPLETED");
    expect(done.timeline.at(-1)).toMatchObject({ action: "request.completed", status: "COMPLETED" });
    expectProblem(await call({ method: "POST", path: `${path}/deny`, key, body: { basis: "OTHER", reason: "Too late" } }), 409, "INVALID_TRANSITION");
    expect(await templatesOf(requestId)).toEqual(["verify-email", "request-acknowledged", "deadline-extended", "request-completed"]);

    const keyStaff = await db.staff.findFirstOrThrow({ where: { name: "Back office (API key)" }, orderBy: { createdAt: "desc" } });
    const staffEvents = (await eventsOf(requestId)).filter((e) => e.actorType === "STAFF");
    // A key never holds requests: acknowledging leaves the request unassigned.
    expect(staffEvents.map((e) => e.action)).toEqual(["request.acknowledged", "request.deadline_extended", "package.attached", "request.completed"]);
    expect(staffEvents.every((e) => e.actorId === keyStaff.id)).toBe(true);
    const keyId = (await db.apiKey.findUniqueOrThrow({ where: { staffId: keyStaff.id } })).id;
    const calls = await db.apiCall.findMany({ where: { keyId }, orderBy: { id: "asc" } });
    expect(calls.map((c) => `${c.method} ${c.route} ${c.status}`)).toEqual([
      "POST /api/v1/requests/{id}/acknowledge 200",
      "POST /api/v1/requests/{id}/acknowledge 409",
      "POST /api/v1/requests/{id}/extend 200",
      "POST /api/v1/requests/{id}/extend 409",
      "POST /api/v1/requests/{id}/deny 422",
      "POST /api/v1/requests/{id}/complete 409",
      "POST /api/v1/requests/{id}/package 413",
      "POST /api/v1/requests/{id}/package 201",
      "POST /api/v1/requests/{id}/complete 200",
      "POST /api/v1/requests/{id}/deny 409",
    ]);
    expect(calls.every((c) => c.subjectId === requestId)).toBe(true);
    // The keys page's list: the newest first, as many as asked, per key.
    const shown = (await recentCalls(db, [keyId, "00000000-0000-4000-8000-000000000000"], 3));
    expect(shown.get(keyId)!.map((c) => `${c.route} ${c.status}`)).toEqual(calls.slice(-3).reverse().map((c) => `${c.route} ${c.status}`));
    expect(shown.get("00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).not.toBeNull();
  });

  it("exports the record and records who took it", async () => {
    const { requestId } = await verifiedRequest();
    const record = await call({ path: `/requests/${requestId}/record`, key: await keyWith(["records:export"], "Archive") });
    expect(RecordSchema.parse(record.json).request).toMatchObject({ id: requestId, status: "RECEIVED" });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "record.exported", actorType: "STAFF" });
  });

  it("starts a run that searches the connected system, and reads its progress", async () => {
    await productMap();
    const key = await keyWith(["runs:write", "requests:read"]);
    const { requestId } = await verifiedRequest();
    const started = parsed(RunViewSchema, (await call({ method: "POST", path: `/requests/${requestId}/runs`, key, body: { identities: [{ type: "account_id", value: "42" }] } })).json);
    expect(started).toMatchObject({ kind: "ACCESS", status: "RUNNING", systems: [{ name: "Product", status: "QUEUED" }] });
    expectProblem(await call({ method: "POST", path: `/requests/${requestId}/runs`, key, body: {} }), 409, "RUN_ACTIVE");
    const read = parsed(RunViewSchema, (await call({ path: `/requests/${requestId}/run`, key })).json);
    expect(read.id).toBe(started.id);
    const badIdentity = await call({ method: "POST", path: `/requests/${requestId}/runs`, key, body: { identities: [{ type: "passport", value: "x" }] } });
    expectProblem(badIdentity, 422, "INVALID_INPUT");
    expect(badIdentity.json.errors).toHaveProperty(["identities.0.type"]);
  });
});

describe("customers through the API", () => {
  it("registers a customer and a workspace, refusing a taken name and a bad domain with the dashboard's words", async () => {
    const key = await keyWith(["customers:read", "customers:write"], "CRM");
    const created = parsed(CustomerViewSchema, (await call({ method: "POST", path: "/customers", key, body: { legalName: "Initech LLC", privacyEmails: "privacy@initech.example", language: "en" } })).json);
    expect(created).toMatchObject({ legalName: "Initech LLC", privacyEmails: ["privacy@initech.example"], workspaceCount: 0 });
    expect((await call({ method: "POST", path: "/customers", key, body: { legalName: "Initech LLC", privacyEmails: "dpo@initech.example", language: "en" } })).json).toMatchObject({ code: "CUSTOMER_EXISTS", status: 409 });
    const bad = await call({ method: "POST", path: `/customers/${created.id}/workspaces`, key, body: { name: "Help", slug: "initech-help", domains: ["not a host"] } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.json.errors).toMatchObject({ domains: "“not a host” is not a host name. Enter names such as help.acme.example" });
    const workspace = parsed(WorkspaceViewSchema, (await call({ method: "POST", path: `/customers/${created.id}/workspaces`, key, body: { name: "Help", slug: "initech-help", domains: ["help.initech.example"] } })).json);
    expect(workspace).toMatchObject({ slug: "initech-help", domains: ["help.initech.example"] });
    const read = parsed(CustomerViewSchema, (await call({ path: `/customers/${created.id}`, key })).json);
    expect(read.workspaces.map((w) => w.slug)).toEqual(["initech-help"]);
    const list = parsed(CustomerListSchema, (await call({ path: "/customers", key })).json);
    expect(list.data.map((c) => c.legalName)).toContain("Initech LLC");
    expectProblem(await call({ method: "POST", path: "/customers/00000000-0000-4000-8000-000000000000/workspaces", key, body: { name: "X", slug: "x-x", domains: [] } }), 404, "CUSTOMER_NOT_FOUND");

    // Changed, then removed; one a request was referred through stays.
    const updated = parsed(CustomerViewSchema, (await call({ method: "PUT", path: `/customers/${created.id}`, key, body: { legalName: "Initech LLC", privacyEmails: "dpo@initech.example", language: "de" } })).json);
    expect(updated).toMatchObject({ privacyEmails: ["dpo@initech.example"], language: "de" });
    const moved = parsed(WorkspaceViewSchema, (await call({ method: "PUT", path: `/workspaces/${workspace.id}`, key, body: { name: "Help", slug: "initech-help", domains: ["support.initech.example"] } })).json);
    expect(moved.domains).toEqual(["support.initech.example"]);
    expect((await call({ method: "DELETE", path: `/workspaces/${workspace.id}`, key })).json).toEqual({ removed: true, customerId: created.id });
    expect((await call({ path: `/customers/${created.id}`, key })).json).toMatchObject({ workspaceCount: 0 });
    const { referral } = await referredRequest();
    expectProblem(await call({ method: "DELETE", path: `/workspaces/${referral.workspaceId}`, key }), 409, "WORKSPACE_HAS_REFERRALS");
    expectProblem(await call({ method: "DELETE", path: "/workspaces/00000000-0000-4000-8000-000000000000", key }), 404, "WORKSPACE_NOT_FOUND");
  });
});
