import NextAuth, { type NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";

// Drives next-auth's own request handling (core routes, callback handler, our callbacks and
// adapter) without a browser or Next's request scope: the pages-router form of its handler takes
// plain request and response objects.

export type AuthAnswer = { status: number; location: string | undefined; setCookies: string[]; body: unknown };

export async function callNextAuth(
  options: NextAuthOptions,
  request: { action: string[]; method?: "GET" | "POST"; query?: Record<string, string>; cookies?: Record<string, string>; body?: Record<string, string> },
): Promise<AuthAnswer> {
  const headers = new Map<string, string | string[]>();
  const answer: AuthAnswer = { status: 200, location: undefined, setCookies: [], body: undefined };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase());
    },
    end() {},
    json(body: unknown) {
      answer.body = body;
    },
    send(body: unknown) {
      answer.body = body;
    },
  };
  const req = {
    query: { nextauth: request.action, ...request.query },
    cookies: request.cookies ?? {},
    headers: { host: new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").host },
    method: request.method ?? "GET",
    body: request.body,
  };
  await NextAuth(req as never, res as never, options);
  answer.location = headers.get("location") as string | undefined;
  const cookies = headers.get("set-cookie");
  answer.setCookies = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [cookies];
  return answer;
}

/**
 * The configured OAuth providers as they are, except that the provider's side of the exchange
 * (its discovery document, token endpoint and user info, which live on the internet) answers with
 * `claims` here. Everything from the profile on is the app's real code and next-auth's.
 */
export function withProviderAnswering(options: NextAuthOptions, claims: Record<string, unknown>): NextAuthOptions {
  const providers = options.providers.map((provider) => {
    if (provider.type !== "oauth") return provider;
    const own = (provider as { options?: Record<string, unknown> }).options ?? {};
    return {
      ...provider,
      options: {
        ...own,
        wellKnown: "",
        checks: ["none"],
        token: { request: async () => ({ tokens: { access_token: "provider-access-token", token_type: "bearer" } }) },
        userinfo: { request: async () => claims },
      },
    } as unknown as Provider;
  });
  return { ...options, providers };
}
