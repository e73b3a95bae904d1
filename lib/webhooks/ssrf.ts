import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Server-side request forgery: a webhook URL is the admin's, but where it resolves decides what
// the portal's server would call. Loopback, private, link-local (cloud metadata at 169.254.169.254),
// shared (CGNAT), unspecified, multicast and reserved addresses are refused unless the operator
// allows private targets. The check runs at registration and again as each delivery connects
// (lib/webhooks/deliver.ts), on the address actually connected to: a name that resolves elsewhere
// later (DNS rebinding) is caught there.

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is not on the public internet. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

export type TargetCheck = { ok: true; addresses: string[] } | { ok: false; code: "WEBHOOK_URL_INVALID" | "WEBHOOK_TARGET_PRIVATE" | "WEBHOOK_TARGET_UNRESOLVED"; message: string };

/**
 * Whether the portal may send to `url`: https (http only to an allowed private target, a receiver
 * on the operator's own network), no credentials in it, and every address its host resolves to
 * public unless `allowPrivate`.
 */
export async function checkTarget(url: string, allowPrivate: boolean, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<TargetCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, code: "WEBHOOK_URL_INVALID", message: "Enter a full address starting with https://" };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { ok: false, code: "WEBHOOK_URL_INVALID", message: "Enter an address starting with https://" };
  if (parsed.username || parsed.password) return { ok: false, code: "WEBHOOK_URL_INVALID", message: "Leave user names and passwords out of the address: deliveries are signed instead" };
  if (parsed.hash) return { ok: false, code: "WEBHOOK_URL_INVALID", message: "Leave the #fragment out of the address" };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, code: "WEBHOOK_TARGET_UNRESOLVED", message: `${host} could not be resolved. Check the address.` };
  }
  if (addresses.length === 0) return { ok: false, code: "WEBHOOK_TARGET_UNRESOLVED", message: `${host} could not be resolved. Check the address.` };
  const privateOnes = addresses.filter(isPrivateAddress);
  if (privateOnes.length && !allowPrivate) {
    return {
      ok: false,
      code: "WEBHOOK_TARGET_PRIVATE",
      message: `${host} resolves to a private, loopback or link-local address (${privateOnes[0]}). Use a public address, or allow private targets first.`,
    };
  }
  if (parsed.protocol === "http:" && privateOnes.length !== addresses.length) {
    return { ok: false, code: "WEBHOOK_URL_INVALID", message: "Use https:// for a public address: deliveries carry request ids and states" };
  }
  return { ok: true, addresses };
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}
