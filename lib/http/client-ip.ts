import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The client's address for rate limiting. Next fills X-Forwarded-For from the socket when the
 * client sent none. Behind a reverse proxy (TRUST_PROXY=true) the proxy appends the real client as
 * the last entry; without one, a client can put anything first, so the per-email limit still applies.
 */
export async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  if (!forwarded) return null;
  const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
  return (getEnv().TRUST_PROXY ? parts.at(-1) : parts[0]) ?? null;
}
