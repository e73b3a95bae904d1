import { hkdfSync } from "node:crypto";

/**
 * Every purpose a key is used for. Each gets its own key, derived from the app secret with HKDF
 * (RFC 5869, SHA-256) under its label, so no key is ever used for two things: a value a client
 * makes us hash for one purpose (an address under "rate-limit") says nothing about another's key.
 */
export type KeyPurpose =
  | "verification-code"
  | "rate-limit"
  | "next-auth"
  | "email-outbox"
  | "data-package"
  /** Passwords and API tokens of connected systems (lib/connectors/credentials.ts). */
  | "connector-credentials"
  /** Records a run found, the identities it searched, files a system's owner uploaded. */
  | "fulfillment-records"
  /** The keyed pseudonyms erasure writes in place of a value (lib/erasure/pseudonym.ts). */
  | "erasure-pseudonym"
  /** Who is under legal hold, by identity (lib/erasure/holds.ts): the email's keyed hash, never the address. */
  | "legal-hold"
  /** Addresses refused new requests after spam (lib/requests/spam.ts): the email's keyed hash. */
  | "blocked-sender"
  /** Signs the proof-of-work challenges the request form gets when a client sends many (lib/pow/challenge.ts). */
  | "proof-of-work"
  /** Seals webhook endpoints' signing secrets (lib/webhooks/sign.ts), which must be read back to sign. */
  | "webhook-secret";

const SALT = "dsar-portal key derivation v1";
const cache = new Map<string, Buffer>();

/** A 32-byte key for one purpose. Pure: the same secret and purpose always give the same key. */
export function purposeKey(secret: string, purpose: KeyPurpose | string): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), SALT, `purpose:${purpose}`, 32));
    cache.set(id, key);
  }
  return key;
}
