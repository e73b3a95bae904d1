import type { HttpCollectionConfig, HttpConnection, MapCollection, MapField, MapSystem } from "@/lib/datamap/types";
import { ROW_BATCH, chunks, jsonSafe } from "@/lib/connectors/sql";
import { ConnectorError, type Connector, type ConnectorSession, type FoundRow, type Lookup, type TestReport } from "@/lib/connectors/types";
import { readCapped as readBodyCapped } from "@/lib/http/read-capped";

// A JSON API described in the map: base URL, an auth header carrying the stored secret, per
// collection a GET by one field's value, a dotted path to the records and pagination by cursor or
// page number. Reads only (GET), never follows redirects (they could carry the secret elsewhere),
// spaces its requests per system and keeps only the mapped fields of records that really hold
// the looked-up value: an API that ignores the query parameter must not hand us everyone.

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RATE = 5;
/** Pages per looked-up value: a cursor that never ends is a broken API, not a big person. */
const MAX_PAGES = 10_000;
/** One page of an answer is parsed whole, so it is capped: a system that needs more must page. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

type Settings = { base: URL; authHeader: string; authPrefix: string; timeoutMs: number; requestsPerSecond: number };

function where(system: MapSystem): string {
  return `The API of "${system.name}"`;
}

export function httpSettings(system: MapSystem): Settings {
  const c = system.connection as HttpConnection | null;
  let base: URL;
  try {
    base = new URL(c?.baseUrl ?? "");
  } catch {
    throw new ConnectorError("protocol", `System "${system.name}" has no valid base URL.`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new ConnectorError("protocol", `System "${system.name}": only http and https URLs can be used.`);
  }
  if (base.username || base.password) {
    throw new ConnectorError("protocol", `System "${system.name}": put credentials in the stored secret, not in the URL.`);
  }
  return {
    base,
    authHeader: c?.authHeader || "Authorization",
    authPrefix: c?.authPrefix ?? "Bearer ",
    timeoutMs: c?.timeoutMs && c.timeoutMs > 0 ? c.timeoutMs : DEFAULT_TIMEOUT_MS,
    requestsPerSecond: c?.requestsPerSecond && c.requestsPerSecond > 0 ? c.requestsPerSecond : DEFAULT_RATE,
  };
}

// When each system may send its next request, across every session of this process.
const nextSlot = new Map<string, number>();

/** Waits for this system's next slot: request starts are spaced 1/requestsPerSecond apart. */
async function waitTurn(systemId: string, requestsPerSecond: number): Promise<void> {
  const now = performance.now();
  const slot = Math.max(now, nextSlot.get(systemId) ?? 0);
  nextSlot.set(systemId, slot + 1000 / requestsPerSecond);
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

export function collectionUrl(base: URL, path: string): URL {
  const url = new URL(base);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  return url;
}

/** The value at a dotted path ("data.items"); "" is the value itself. A key that contains the dots wins. */
export function at(value: unknown, path: string): unknown {
  if (!path) return value;
  if (value && typeof value === "object" && path in value) return (value as Record<string, unknown>)[path];
  let current = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** GET one URL: the parsed body, or null for 404. Failures become ConnectorErrors in words. */
async function get(system: MapSystem, settings: Settings, secret: string | null, url: URL): Promise<{ body: unknown } | null> {
  await waitTurn(system.id, settings.requestsPerSecond);
  const headers: Record<string, string> = { accept: "application/json" };
  if (secret) headers[settings.authHeader] = `${settings.authPrefix}${secret}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(settings.timeoutMs) });
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new ConnectorError("unreachable", `${where(system)} did not answer within ${settings.timeoutMs / 1000} s.`);
    }
    throw new ConnectorError("unreachable", `${where(system)} could not be reached (refused, unknown host or connection lost).`);
  }
  const status = response.status;
  if (status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (status === 401 || status === 403) {
    await response.body?.cancel();
    throw new ConnectorError("auth", `${where(system)} refused the stored credentials (HTTP ${status}).`);
  }
  if (status === 429 || status >= 500) {
    await response.body?.cancel();
    throw new ConnectorError("unreachable", `${where(system)} is failing or overloaded (HTTP ${status}).`);
  }
  if (status < 200 || status >= 300) {
    await response.body?.cancel();
    throw new ConnectorError("protocol", `${where(system)} answered HTTP ${status}${status >= 300 && status < 400 ? " (a redirect, which is not followed)" : ""}.`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw tooLarge(system);
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError("unreachable", `${where(system)} dropped the connection while answering.`);
  }
  if (text === TOO_LARGE) throw tooLarge(system);
  try {
    return { body: text ? JSON.parse(text) : null };
  } catch {
    throw new ConnectorError("protocol", `${where(system)} answered something that is not JSON.`);
  }
}

const TOO_LARGE = "\u0000too-large";

function tooLarge(system: MapSystem): ConnectorError {
  return new ConnectorError("protocol", `${where(system)} answered more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB in one page: set up pagination for it.`);
}

/** The body as text, or TOO_LARGE as soon as it passes the cap (the rest is not read). */
async function readCapped(response: Response): Promise<string> {
  const bytes = await readBodyCapped(response.body, MAX_RESPONSE_BYTES);
  return bytes === null ? TOO_LARGE : new TextDecoder().decode(bytes);
}

function holds(record: Record<string, unknown>, field: MapField, values: Set<string>): boolean {
  const value = at(record, field.name);
  if (value === null || value === undefined || typeof value === "object") return false;
  return values.has(field.identity === "email" ? String(value).trim().toLowerCase() : String(value));
}

function pick(collection: MapCollection, record: Record<string, unknown>): FoundRow {
  const out: FoundRow = {};
  for (const f of collection.fields) out[f.name] = jsonSafe(at(record, f.name));
  return out;
}

function pageUrl(settings: Settings, config: HttpCollectionConfig, param: string, value: string, page: number, cursor: string | null): URL {
  const url = collectionUrl(settings.base, config.path);
  url.searchParams.set(param, value);
  const p = config.pagination;
  if (p.type === "cursor" && cursor !== null) url.searchParams.set(p.param, cursor);
  if (p.type === "page") {
    url.searchParams.set(p.param, String(page));
    if (p.sizeParam) url.searchParams.set(p.sizeParam, String(p.size));
  }
  return url;
}

class HttpSession implements ConnectorSession {
  constructor(
    private readonly system: MapSystem,
    private readonly settings: Settings,
    private readonly secret: string | null,
  ) {}

  async *lookup({ collection, field, values, workspaces }: Lookup): AsyncIterable<FoundRow[]> {
    const config = collection.http;
    if (!config?.path) throw new ConnectorError("schema", `Collection ${collection.name} has no API path to look records up.`);
    const param = config.params?.[field.name] ?? field.name;
    const wanted = new Set(values.map((v) => (field.identity === "email" ? v.trim().toLowerCase() : v)));
    const scope = workspaces && collection.workspaceField ? new Set(workspaces) : null;
    const workspaceField = collection.workspaceField;
    for (const value of wanted) {
      let cursor: string | null = null;
      for (let page = 1; ; page++) {
        if (page > MAX_PAGES) throw new ConnectorError("protocol", `${where(this.system)} kept paginating past ${MAX_PAGES} pages.`);
        const answer = await get(this.system, this.settings, this.secret, pageUrl(this.settings, config, param, value, page, cursor));
        if (!answer) break;
        const records = at(answer.body, config.recordsPath);
        if (!Array.isArray(records)) {
          throw new ConnectorError("protocol", `${where(this.system)} answered without a list of records at "${config.recordsPath || "(the body)"}" for ${collection.name}.`);
        }
        const kept = records
          .filter((r): r is Record<string, unknown> => r !== null && typeof r === "object" && !Array.isArray(r))
          .filter((r) => holds(r, field, new Set([value])))
          .filter((r) => !scope || !workspaceField || scope.has(String(at(r, workspaceField))))
          .map((r) => pick(collection, r));
        for (const batch of chunks(kept, ROW_BATCH)) yield batch;
        const p = config.pagination;
        if (p.type === "none") break;
        if (p.type === "page") {
          if (records.length < p.size) break;
          continue;
        }
        const next = at(answer.body, p.nextPath);
        if (next === null || next === undefined || next === "" || next === false) break;
        if (String(next) === cursor) throw new ConnectorError("protocol", `${where(this.system)} returned the same cursor twice.`);
        cursor = String(next);
      }
    }
  }

  async close(): Promise<void> {}
}

async function test(system: MapSystem, secret: string | null): Promise<TestReport> {
  const problems: TestReport["problems"] = system.collections
    .filter((c) => !c.http?.path)
    .map((c) => ({ collection: c.name, message: `Collection ${c.name} has no API path to look records up.` }));
  let settings: Settings;
  try {
    settings = httpSettings(system);
  } catch (error) {
    return { ok: false, reachable: false, error: (error as Error).message, problems, warnings: [] };
  }
  const first = system.collections.find((c) => c.http?.path)?.http;
  const url = first ? collectionUrl(settings.base, first.path) : settings.base;
  try {
    await get(system, settings, secret, url);
  } catch (error) {
    const e = error as ConnectorError;
    // Any answer but a refusal of the credentials or a failure shows the API is there and lets us in
    // (a 400 for the missing lookup parameter is expected).
    if (e.kind === "protocol") return { ok: problems.length === 0, reachable: true, problems, warnings: [] };
    return { ok: false, reachable: e.kind !== "unreachable", error: e.message, problems, warnings: [] };
  }
  return { ok: problems.length === 0, reachable: true, problems, warnings: [] };
}

export const httpConnector: Connector = {
  async open(system, secret) {
    return new HttpSession(system, httpSettings(system), secret);
  },
  test,
};
