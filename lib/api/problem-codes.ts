import { RUN_ERRORS } from "@/lib/fulfillment/errors";
import { HANDLING_ERRORS } from "@/lib/requests/lifecycle";
import { statusOf, TITLES } from "@/lib/api/problem";

const API_MEANINGS: Record<string, string> = {
  UNAUTHENTICATED: "No key was sent, or it is unknown, expired or revoked: the detail says which.",
  FORBIDDEN: "The key lacks a scope the endpoint needs: the detail names it.",
  ROUTE_NOT_FOUND: "No endpoint has this path.",
  METHOD_NOT_ALLOWED: "The path exists with other methods, listed in the Allow header.",
  UNSUPPORTED_MEDIA_TYPE: "A JSON body was sent without Content-Type: application/json.",
  INVALID_JSON: "The body could not be parsed as JSON.",
  BODY_TOO_LARGE: "A JSON body over 256 KB.",
  RATE_LIMITED: "Too many calls: from this key this minute (see Retry-After), or requests for one address today.",
  SENDER_BLOCKED: "An officer marked this address's requests as spam; nothing was stored.",
  CUSTOMER_EXISTS: "A customer with this legal name is already registered.",
  CUSTOMER_NOT_FOUND: "There is no customer with this id.",
  SLUG_TAKEN: "Another workspace has this slug.",
  DOMAIN_TAKEN: "Another workspace has one of these domains.",
  WORKSPACE_NOT_FOUND: "There is no workspace with this id.",
  WORKSPACE_HAS_REFERRALS: "Requests were referred through this workspace: it stays as their record. Change its domains instead.",
  INTERNAL: "A problem on our side; nothing was changed. Try again.",
};

/** Every code a refusal can carry, its HTTP status and what it means: the reference page's table, where a problem's `type` links. */
export function problemCodes(): { code: string; status: number; meaning: string }[] {
  const meanings: Record<string, string> = { ...HANDLING_ERRORS, ...RUN_ERRORS, ...API_MEANINGS };
  for (const [code, title] of Object.entries(TITLES)) meanings[code] ??= title;
  return Object.entries(meanings)
    .map(([code, meaning]) => ({ code, status: statusOf(code), meaning }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
