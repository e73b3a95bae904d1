// How names and domains are compared when a request is matched to a workspace. Pure and shared
// by the routing rules, the customer pages (which store the folded keys) and the seed.

/** "Glöbex  Kundenservice!" → "globex kundenservice": lower case, no accents, words only. */
export function foldName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A slug as typed: "Acme-Help " → "acme-help". */
export function foldSlug(value: string): string {
  return value.trim().toLowerCase();
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The host name in a domain, URL or email address, lower case and without "www.":
 * "https://www.Acme.example/help" → "acme.example", "help@acme.example" → "acme.example".
 * Null when the text is not one of those.
 */
export function domainOf(value: string): string | null {
  let text = value.trim().toLowerCase();
  if (!text || /\s/.test(text)) return null;
  const at = text.lastIndexOf("@");
  if (at >= 0 && !text.includes("/")) text = text.slice(at + 1);
  else {
    text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
    text = text.split(/[/?#]/)[0]!.replace(/:\d+$/, "");
    if (text.includes("@")) text = text.slice(text.lastIndexOf("@") + 1);
  }
  text = text.replace(/\.$/, "").replace(/^www\./, "");
  return HOST.test(text) ? text : null;
}

/** "help.acme.example" → ["help.acme.example", "acme.example"]: the domain and every parent with a dot. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split(".");
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join("."));
  return out;
}
