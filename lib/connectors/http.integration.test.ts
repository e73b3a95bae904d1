import { afterEach, describe, expect, it } from "vitest";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { httpConnector, MAX_RESPONSE_BYTES } from "@/lib/connectors/http";
import { ConnectorError } from "@/lib/connectors/types";
import type { HttpCollectionConfig, HttpConnection } from "@/lib/datamap/types";
import { collectBatches, lookupOf, lookupRows, mapSystem, startJsonApi, withSession, type JsonApi, type JsonRoute } from "@/lib/testing/product-db";
import { freePort } from "@/lib/testing/test-database";

// The HTTP connector against a real HTTP server this file starts.

let api: JsonApi | undefined;

afterEach(async () => {
  await api?.stop();
  api = undefined;
});

const PEOPLE = [
  { id: 1, email: "Alice@Example.com ", profile: { city: "Lyon", phone: "+33 1" }, workspace: "acme", internal: "not mapped" },
  { id: 2, email: "bob@example.com", profile: { city: "Oslo" }, workspace: "globex", internal: "not mapped" },
];

function system(connection: Partial<HttpConnection>, http: Partial<HttpCollectionConfig> = {}) {
  return mapSystem("HTTP", { baseUrl: api?.url ?? "http://127.0.0.1:1", requestsPerSecond: 1000, ...connection }, [
    {
      name: "contacts",
      http: { path: "/v1/contacts", recordsPath: "data.items", pagination: { type: "none" }, ...http },
      fields: [{ name: "id" }, { name: "email", identity: "email" }, { name: "profile.city" }],
    },
  ]);
}

const find = (s: ReturnType<typeof system>, values: string[], secret: string | null = "s3cret", workspaces?: string[]) =>
  lookupRows(httpConnector, s, { collection: "contacts", field: "email", values, workspaces }, secret);

async function expectError(promise: Promise<unknown>, kind: ConnectorError["kind"]) {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).kind).toBe(kind);
  return error as ConnectorError;
}

/** An API that answers the records holding the asked email (as a real one would). */
const byEmail: JsonRoute = ({ url }) => ({
  body: { data: { items: PEOPLE.filter((p) => p.email.trim().toLowerCase() === url.searchParams.get("email")) } },
});

describe("HTTP connector", () => {
  it("reads records at the JSON path, keeps only the mapped fields (nested by dotted name) and sends the auth header", async () => {
    api = await startJsonApi({ "/api/v1/contacts": byEmail });
    const s = mapSystem("HTTP", { baseUrl: `${api.url}/api/`, authHeader: "X-Api-Key", authPrefix: "Token " }, [
      {
        name: "contacts",
        http: { path: "v1/contacts", recordsPath: "data.items", pagination: { type: "none" }, params: { email: "email" } },
        fields: [{ name: "id" }, { name: "email", identity: "email" }, { name: "profile.city" }],
      },
    ]);
    expect(await find(s, ["alice@example.com"])).toEqual([{ id: 1, email: "Alice@Example.com ", "profile.city": "Lyon" }]);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.headers["x-api-key"]).toBe("Token s3cret");
    expect(api.requests[0]!.headers.authorization).toBeUndefined();
    expect(api.requests[0]!.url.searchParams.get("email")).toBe("alice@example.com");
  });

  it("keeps only records that hold the looked-up value: an API ignoring the parameter does not hand over everyone", async () => {
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { data: { items: PEOPLE } } }) });
    const found = await find(system({}), ["bob@example.com"]);
    expect(found.map((r) => r.id)).toEqual([2]);
  });

  it("scopes workspace content to the given workspaces", async () => {
    // Both people share an account id here; only the acme one is in scope.
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { data: { items: PEOPLE.map((p) => ({ ...p, account: "7" })) } } }) });
    const s = mapSystem("HTTP", { baseUrl: api.url, requestsPerSecond: 1000 }, [
      {
        name: "contacts",
        workspaceField: "workspace",
        http: { path: "/v1/contacts", recordsPath: "data.items", pagination: { type: "none" }, params: { account: "q" } },
        fields: [{ name: "id" }, { name: "account" }, { name: "workspace" }],
      },
    ]);
    const lookup = (workspaces?: string[]) => lookupRows(httpConnector, s, { collection: "contacts", field: "account", values: ["7"], workspaces });
    expect((await lookup()).map((r) => r.id)).toEqual([1, 2]);
    expect(await lookup(["acme"])).toEqual([{ id: 1, account: "7", workspace: "acme" }]);
    expect(api.requests[0]!.url.searchParams.get("q")).toBe("7");
  });

  it("follows a cursor until it runs out", async () => {
    const pages: Record<string, { items: unknown[]; next: string | null }> = {
      "": { items: [{ id: 1, email: "a@x.test" }], next: "c2" },
      c2: { items: [{ id: 2, email: "a@x.test" }, { id: 3, email: "a@x.test" }], next: "c3" },
      c3: { items: [{ id: 4, email: "a@x.test" }], next: null },
    };
    api = await startJsonApi({ "/v1/contacts": ({ url }) => ({ body: { ...pages[url.searchParams.get("after") ?? ""], meta: {} } }) });
    const s = system({}, { recordsPath: "items", pagination: { type: "cursor", param: "after", nextPath: "next" } });
    expect((await find(s, ["a@x.test"])).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(api.requests.map((r) => r.url.searchParams.get("after"))).toEqual([null, "c2", "c3"]);
  });

  it("a cursor that repeats is 'protocol', not an endless loop", async () => {
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { items: [{ id: 1, email: "a@x.test" }], next: "same" } }) });
    const s = system({}, { recordsPath: "items", pagination: { type: "cursor", param: "after", nextPath: "next" } });
    await expectError(find(s, ["a@x.test"]), "protocol");
    expect(api.requests).toHaveLength(2);
  });

  it("does not follow redirects, so the secret never travels to another address", async () => {
    const elsewhere = await startJsonApi({ "/steal": () => ({ body: { data: { items: [] } } }) });
    try {
      api = await startJsonApi({ "/v1/contacts": () => ({ status: 302, headers: { location: `${elsewhere.url}/steal` } }) });
      const error = await expectError(find(system({}), ["a@x.test"]), "protocol");
      expect(error.message).toMatch(/redirect/);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it("pages by number until a short page", async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, email: "a@x.test" }));
    api = await startJsonApi({
      "/v1/contacts": ({ url }) => {
        const page = Number(url.searchParams.get("page"));
        const size = Number(url.searchParams.get("per_page"));
        return { body: all.slice((page - 1) * size, page * size) };
      },
    });
    const s = system({}, { recordsPath: "", pagination: { type: "page", param: "page", size: 2, sizeParam: "per_page" } });
    expect((await find(s, ["a@x.test"])).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(api.requests.map((r) => r.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("spaces its requests to the system's rate limit", async () => {
    api = await startJsonApi({ "/v1/contacts": byEmail });
    const s = system({ requestsPerSecond: 10 });
    await find(s, ["a1@x.test", "a2@x.test", "a3@x.test", "a4@x.test"]);
    // Starts are 100 ms apart; the server sees them with the machine's jitter, which moves one
    // arrival but not the span of four (unspaced, four lookups take a few milliseconds).
    expect(api.requests).toHaveLength(4);
    expect(api.requests.at(-1)!.at - api.requests[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it("a slow API is 'unreachable' after the timeout", async () => {
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { data: { items: [] } }, delayMs: 2000 }) });
    const started = performance.now();
    const error = await expectError(find(system({ timeoutMs: 200 }), ["a@x.test"]), "unreachable");
    expect(error.retryable).toBe(true);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("401 and 403 are 'auth', for lookups and test()", async () => {
    api = await startJsonApi({ "/v1/contacts": (request) => (request.headers.authorization === "Bearer right" ? byEmail(request) : { status: 401 }) });
    expect(await find(system({}), ["bob@example.com"], "right")).toHaveLength(1);
    await expectError(find(system({}), ["bob@example.com"], "wrong"), "auth");
    const report = await httpConnector.test(system({}), "wrong");
    expect(report).toMatchObject({ ok: false, reachable: true });
    expect(report.error).toMatch(/refused the stored credentials/);
  });

  it("404 on a lookup is no records; 5xx is 'unreachable'; another status is 'protocol'; a refused port is 'unreachable'", async () => {
    api = await startJsonApi({
      "/v1/contacts": ({ url }) => ({ status: Number(url.searchParams.get("email")!.split("@")[0]), body: {} }),
    });
    expect(await find(system({}), ["404@x.test"])).toEqual([]);
    await expectError(find(system({}), ["503@x.test"]), "unreachable");
    await expectError(find(system({}), ["418@x.test"]), "protocol");
    await expectError(find(system({ baseUrl: `http://127.0.0.1:${await freePort()}` }), ["a@x.test"]), "unreachable");
  });

  it("an answer without a list at the records path is 'protocol'", async () => {
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { data: { item: {} } } }) });
    const error = await expectError(find(system({}), ["a@x.test"]), "protocol");
    expect(error.message).toContain("data.items");
  });

  it("streams large answers in batches", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ id: i, email: "a@x.test" }));
    api = await startJsonApi({ "/v1/contacts": () => ({ body: { data: { items: many } } }) });
    const s = system({});
    const batches = await withSession(httpConnector, s, (session) =>
      collectBatches(session.lookup({ ...lookupOf(s, "contacts", "email"), values: ["a@x.test"] })),
    );
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.flat()).toHaveLength(2500);
  });

  it("stops reading an answer past its size cap, declared or not, and says to page it", async () => {
    // A raw server: one answer declares its length, the other streams without one.
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const server = createServer((request, response) => {
      const declared = request.url!.includes("declared");
      response.writeHead(200, { "content-type": "application/json", ...(declared ? { "content-length": String(MAX_RESPONSE_BYTES + 2) } : {}) });
      response.write("[");
      let sent = 0;
      const more = () => {
        while (sent <= MAX_RESPONSE_BYTES && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return response.once("drain", more);
        }
        response.end("]");
      };
      more();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ["/streamed", "/declared"]) {
        const s = mapSystem("HTTP", { baseUrl: base, requestsPerSecond: 1000 }, [{ name: "contacts", http: { path, recordsPath: "", pagination: { type: "none" } }, fields: [{ name: "email", identity: "email" }] }]);
        const error = await expectError(lookupRows(httpConnector, s, { collection: "contacts", field: "email", values: ["a@x.test"] }, null), "protocol");
        expect(error.message, path).toContain("more than 16 MB in one page");
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("refuses URLs that are not http(s)", async () => {
    const s = system({ baseUrl: "file:///etc/passwd" });
    await expectError(httpConnector.open(s, null), "protocol");
    expect(await httpConnector.test(s, null)).toMatchObject({ ok: false, reachable: false });
  });

  it("test() sends one request to the first collection and passes when the API lets us in", async () => {
    api = await startJsonApi({ "/v1/contacts": ({ url }) => (url.searchParams.has("email") ? { body: {} } : { status: 400, body: { error: "email required" } }) });
    const report = await httpConnector.test(system({}), "s3cret");
    expect(report).toEqual({ ok: true, reachable: true, problems: [], warnings: [] });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.url.pathname).toBe("/v1/contacts");
    expect(api.requests[0]!.headers.authorization).toBe("Bearer s3cret");
    await api.stop();
    const down = await httpConnector.test(system({}), "s3cret");
    expect(down).toMatchObject({ ok: false, reachable: false });
  });
});
