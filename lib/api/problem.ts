import { z } from "zod";

/** Every refusal the API gives, in one shape: RFC 9457 problem details, with the code the dashboard uses. */
export const ProblemSchema = z.object({
  type: z.string().describe("A page that explains the code: the API reference's entry for it."),
  title: z.string().describe("The code in words, the same for every occurrence."),
  status: z.number().int(),
  detail: z.string().describe("What went wrong this time, in the words the dashboard would show."),
  code: z.string().describe("Stable: INVALID_INPUT, INVALID_TRANSITION, EXTENSION_ALREADY_USED, ..."),
  errors: z.record(z.string(), z.string()).optional().describe("With INVALID_INPUT: a message per field path (\"details.scope\")."),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The HTTP status of each code; a domain refusal not named here is a conflict with the request's state. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SENDER_BLOCKED: 403,
  NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  WORKSPACE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PACKAGE_TOO_LARGE: 413,
  BODY_TOO_LARGE: 413,
  INVALID_JSON: 400,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const TITLES: Record<string, string> = {
  UNAUTHENTICATED: "Missing, unknown, expired or revoked API key",
  FORBIDDEN: "The key's scopes do not allow this",
  NOT_FOUND: "No such resource",
  ROUTE_NOT_FOUND: "No such endpoint",
  METHOD_NOT_ALLOWED: "Method not allowed here",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported content type",
  INVALID_JSON: "The body is not valid JSON",
  INVALID_INPUT: "Some fields are not valid",
  RATE_LIMITED: "Too many calls",
  INTERNAL: "A problem on our side",
  INVALID_TRANSITION: "Not possible in the request's current status",
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 409;
}

export function problem(
  code: string,
  detail: string,
  options: { status?: number; errors?: Record<string, string>; headers?: Record<string, string>; baseUrl?: string } = {},
): Response {
  const status = options.status ?? statusOf(code);
  const body: Problem = {
    type: `${options.baseUrl ?? ""}/admin/api#problem-${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[code] ?? code.toLowerCase().replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()),
    status,
    detail,
    code,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers },
  });
}
