import { createHmac } from "node:crypto";
import { purposeKey } from "@/lib/security/keys";
import { PSEUDONYM_LENGTH } from "@/lib/erasure/strategy";

// The keyed pseudonym PSEUDONYMIZE writes: HMAC-SHA256 of the value under its own key purpose
// ("erasure-pseudonym", derived from APP_SECRET), 128 bits in hex after "anon_". The same value
// always gives the same pseudonym, in every table and system, so joins still work after erasure;
// without the key, nobody can test a guess. Values are compared trimmed and, for an email,
// lower-cased, as runs find them.

export function pseudonym(secret: string, value: string, email = false): string {
  const normalised = email ? value.trim().toLowerCase() : value.trim();
  const digest = createHmac("sha256", purposeKey(secret, "erasure-pseudonym")).update(normalised, "utf8").digest("hex");
  const out = `anon_${digest.slice(0, 32)}`;
  if (out.length !== PSEUDONYM_LENGTH) throw new Error("pseudonym length drifted from PSEUDONYM_LENGTH");
  return out;
}
