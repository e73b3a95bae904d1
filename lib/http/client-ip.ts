import "server-only";
import { headers } from "next/headers";
import { rateLimitSubject } from "@/lib/http/client-address";

/**
 * Who a request counts against in the per-address rate limits. The server the project starts
 * (scripts/serve.ts) drops every address header a client sent and writes the client's address,
 * taken from the socket or from the trusted proxies (TRUST_PROXY_HOPS), as the single
 * X-Forwarded-For value, so this trusts exactly that value. IPv6 clients count by their /64.
 * Anything else there (the app served some other way) shares one bucket rather than none.
 */
export async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded ? (rateLimitSubject(forwarded) ?? "unreadable") : null;
}
