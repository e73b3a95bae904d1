import { isIP } from "node:net";

// Which address a request came from, decided once by the server the project starts
// (scripts/serve.ts) before Next sees the request. Pure functions: no I/O, no environment.

/**
 * One address in a single form, or null when the text is not an address: IPv4 as is, IPv6 in its
 * canonical lower-case form, an IPv4-mapped IPv6 address (how a dual-stack socket reports an IPv4
 * client) as plain IPv4, without the brackets, port or zone some proxies and sockets add.
 */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%[\w.-]+$/, "");
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  // The URL parser writes IPv6 in its one canonical form (compressed, lower case, mapped IPv4 in hex).
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * The client's address. With no trusted proxy (hops 0) it is the socket's peer, whatever the
 * request says. Behind `hops` proxies that each append the address they saw to X-Forwarded-For,
 * the client is the hops-th entry from the right: everything further left was written by the
 * client. A shorter chain means fewer proxies were passed, so its first entry is the farthest one a
 * trusted proxy saw. An entry that is no address falls back to the socket's peer (the nearest proxy),
 * so a broken header never escapes the limits.
 */
export function chooseClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string | null {
  const peer = socketAddress ? normalizeAddress(socketAddress) : null;
  if (hops <= 0 || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[Math.max(chain.length - hops, 0)];
  return (entry && normalizeAddress(entry)) || peer;
}

/** Trusted proxy hops from the settings: TRUST_PROXY_HOPS, else 1 for the older TRUST_PROXY=true. */
export function trustedHops(settings: { TRUST_PROXY_HOPS?: number; TRUST_PROXY?: boolean }): number {
  return settings.TRUST_PROXY_HOPS ?? (settings.TRUST_PROXY ? 1 : 0);
}

/** Headers in which a client (or a proxy) can name an address: only the one the server writes stays. */
const ADDRESS_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "forwarded-for",
  "x-forwarded",
  "x-original-forwarded-for",
  "x-client-ip",
  "client-ip",
  "x-cluster-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
];

/** Headers that describe the original host and scheme: a trusted proxy writes them, else a client would. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-server", "x-forwarded-ssl"];

/**
 * Rewrites a request's headers in place so the app reads only what the server decided: the client's
 * address as the single `x-forwarded-for` value (which Next keeps and lib/http/client-ip.ts reads),
 * and no other address header. Without a trusted proxy, the host and scheme headers go too, so Next
 * falls back to the Host header and the socket.
 */
export function rewriteForwardingHeaders(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, hops: number): void {
  const forwardedFor = headers["x-forwarded-for"];
  const client = chooseClientAddress(socketAddress, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, hops);
  for (const name of hops > 0 ? ADDRESS_HEADERS : [...ADDRESS_HEADERS, ...PROXY_HEADERS]) delete headers[name];
  if (client) headers["x-forwarded-for"] = client;
}

/**
 * What rate limits count on: the address itself for IPv4; for IPv6 its /64 network, because one
 * subscriber is routinely given a whole /64 and could otherwise take a fresh address per request.
 */
export function rateLimitSubject(address: string): string | null {
  const normalized = normalizeAddress(address);
  if (!normalized || isIP(normalized) === 4) return normalized;
  // Expand "::" so the first four groups are explicit.
  const [head = "", tail = ""] = normalized.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = normalized.includes("::") ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).join(":")}::/64`;
}
