import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import { ApiInputError, type Endpoint } from "@/lib/api/define";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { authenticate, recordCall, type KeyRefusal } from "@/lib/api/keys";
import { openApiDocument } from "@/lib/api/openapi";
import { problem } from "@/lib/api/problem";
import { AuthorizationError } from "@/lib/auth/staff";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { readCapped } from "@/lib/http/read-capped";
import { rateLimitSubject } from "@/lib/http/client-address";
import { logError, logEvent } from "@/lib/log";
import { consumeLimits } from "@/lib/rate-limit/limit";

export const API_BASE = "/api/v1";
/** A JSON body is a few kilobytes; anything past this is refused before it is parsed. */
export const MAX_JSON_BYTES = 256 * 1024;

const REFUSALS: Record<KeyRefusal, string> = {
  MISSING: "Send an API key as `Authorization: Bearer dsar_...`. Admins create keys under Settings → API keys.",
  UNKNOWN: "This API key is not known. Check that it was copied whole.",
  REVOKED: "This API key was revoked. Ask an admin for a new one.",
  EXPIRED: "This API key has expired. Ask an admin for a new one.",
};

type Match = { endpoint: Endpoint; params: Record<string, string> };

/** The endpoint a path names, with its parameters; or which methods the path has, for a 405. */
export function matchRoute(method: string, path: string): { match?: Match; allowed: string[] } {
  const segments = path.split("/").filter(Boolean);
  const allowed: string[] = [];
  let found: Match | undefined;
  for (const endpoint of ENDPOINTS) {
    const template = endpoint.path.split("/").filter(Boolean);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = template.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) {
        params[name] = segments[i]!;
        return true;
      }
      return part === segments[i];
    });
    if (!fits) continue;
    allowed.push(endpoint.method);
    if (endpoint.method === method) found = { endpoint, params };
  }
  return { match: found, allowed };
}

/** The body, or null when its declared or actual size passes `max` (refused before a byte more is read). */
async function bodyUpTo(request: Request, max: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  return readCapped(request.body, max);
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/**
 * One call to /api/v1: the route, the key, its rate limit and scopes, the input, the work, and the
 * call's audit row under the key. `path` is what follows /api/v1.
 */
export async function handleApi(request: Request, path: string): Promise<Response> {
  const env = getEnv();
  const baseUrl = env.APP_URL;
  const method = request.method.toUpperCase();
  if (path === "/openapi.json" && method === "GET") return json(openApiDocument(baseUrl), 200);
  const { match, allowed } = matchRoute(method, path);
  if (!match) {
    if (allowed.length) return problem("METHOD_NOT_ALLOWED", `${path} answers ${allowed.join(" and ")}, not ${method}.`, { headers: { Allow: allowed.join(", ") }, baseUrl });
    return problem("ROUTE_NOT_FOUND", `There is no endpoint ${method} ${API_BASE}${path}. The reference lists them: ${API_BASE}/openapi.json.`, { baseUrl });
  }
  const now = clockNow();
  const principal = await authenticate(db, request.headers.get("authorization"), now);
  if ("refused" in principal) {
    // Counted per client address (the one scripts/serve.ts writes), so a key cannot be guessed at
    // any speed and a misconfigured client shows in the log without flooding it. Nothing personal
    // is logged: the refusal and the route, not the address or the key.
    const address = rateLimitSubject(request.headers.get("x-forwarded-for") ?? "") ?? "unknown";
    const max = env.RATE_LIMIT_API_UNAUTHENTICATED_PER_IP_PER_MINUTE;
    const limited = await consumeLimits(db, env.APP_SECRET, [{ name: "api-unauthenticated", subject: address, max, windowSeconds: 60 }], now);
    if (!limited.allowed) {
      return problem("RATE_LIMITED", `More than ${max} calls without a valid key came from this address this minute. Try again in ${limited.retryAfterSeconds} seconds.`, {
        headers: { "Retry-After": String(limited.retryAfterSeconds) },
        baseUrl,
      });
    }
    logEvent("api.unauthenticated", { refused: principal.refused, route: `${method} ${API_BASE}${match.endpoint.path}` });
    return problem("UNAUTHENTICATED", REFUSALS[principal.refused], { headers: { "WWW-Authenticate": 'Bearer realm="api"' }, baseUrl });
  }
  const { endpoint } = match;
  let subjectId: string | null = match.params.id ?? null;
  const answer = await (async (): Promise<Response> => {
    const limited = await consumeLimits(db, env.APP_SECRET, [{ name: "api-key", subject: principal.keyId, max: env.RATE_LIMIT_API_PER_KEY_PER_MINUTE, windowSeconds: 60 }], now);
    if (!limited.allowed) {
      return problem("RATE_LIMITED", `This key made more than ${env.RATE_LIMIT_API_PER_KEY_PER_MINUTE} calls this minute. Try again in ${limited.retryAfterSeconds} seconds.`, {
        headers: { "Retry-After": String(limited.retryAfterSeconds) },
        baseUrl,
      });
    }
    const missing = endpoint.scopes.filter((s) => !principal.scopes.includes(s));
    if (missing.length) return problem("FORBIDDEN", `This key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`, { baseUrl });
    try {
      const params = endpoint.params ? endpoint.params.safeParse(match.params) : null;
      // An id that cannot exist is simply not found, as in the dashboard.
      if (params && !params.success) return problem("NOT_FOUND", "There is nothing with this id.", { baseUrl });
      const search = Object.fromEntries(new URL(request.url).searchParams);
      const query = endpoint.query ? endpoint.query.safeParse(search) : null;
      if (query && !query.success) return problem("INVALID_INPUT", "Some query parameters are not valid.", { errors: fieldErrorsFrom(query.error), baseUrl });
      let body: unknown;
      if (endpoint.body === "binary") {
        const bytes = await bodyUpTo(request, endpoint.maxBytes ?? MAX_JSON_BYTES);
        if (!bytes) return problem("PACKAGE_TOO_LARGE", `The file is larger than ${Math.round((endpoint.maxBytes ?? 0) / 1024 / 1024)} MB.`, { baseUrl });
        body = bytes;
      } else if (endpoint.body) {
        if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
          return problem("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json.", { baseUrl });
        }
        const bytes = await bodyUpTo(request, MAX_JSON_BYTES);
        if (!bytes) return problem("BODY_TOO_LARGE", `The body is larger than ${MAX_JSON_BYTES / 1024} KB.`, { baseUrl });
        let parsedJson: unknown;
        try {
          parsedJson = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          return problem("INVALID_JSON", "The body is not valid JSON.", { baseUrl });
        }
        const parsed = endpoint.body.safeParse(parsedJson);
        if (!parsed.success) return problem("INVALID_INPUT", "Some fields are not valid.", { errors: fieldErrorsFrom(parsed.error), baseUrl });
        body = parsed.data;
      }
      const result = await endpoint.handle({ params: params?.data, query: query?.data, body, principal, now, raw: request });
      if (result.subjectId !== undefined) subjectId = result.subjectId;
      return json(result.body, result.status ?? endpoint.response.status);
    } catch (error) {
      if (error instanceof ApiInputError) return problem("INVALID_INPUT", "Some fields are not valid.", { errors: error.errors, baseUrl });
      if (error instanceof AuthorizationError) return problem("FORBIDDEN", "This key's scopes do not allow this.", { baseUrl });
      if (error instanceof DomainError) return problem(error.code, error.message, { baseUrl });
      logError("api.failed", error, { operation: endpoint.operationId });
      return problem("INTERNAL", "That did not work because of a problem on our side. Nothing was changed; please try again.", { baseUrl });
    }
  })();
  try {
    await recordCall(db, { keyId: principal.keyId, method, route: `${API_BASE}${endpoint.path}`, subjectId, status: answer.status, at: now });
  } catch (error) {
    // The work is done and answered; a lost audit row is logged, not turned into a failure.
    logError("api.call_audit_failed", error, { operation: endpoint.operationId });
  }
  return answer;
}
