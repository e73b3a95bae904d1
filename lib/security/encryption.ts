import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { purposeKey } from "@/lib/security/keys";

// AES-256-GCM with a key of its own per purpose. Layout: version(1) | iv(12) | tag(16) | data.
// Version 2 derives the key with HKDF (lib/security/keys.ts); version 1, a plain hash of purpose and
// secret, is still read so that payloads sealed before the change can be opened.
const VERSION = 2;
const LEGACY_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function keyFor(version: number, secret: string, purpose: string): Buffer {
  if (version === VERSION) return purposeKey(secret, purpose);
  if (version === LEGACY_VERSION) return createHash("sha256").update(`${purpose}\0${secret}`).digest();
  throw new Error("Unknown ciphertext version");
}

export function encrypt(secret: string, purpose: string, plaintext: string): Uint8Array<ArrayBuffer> {
  return encryptBytes(secret, purpose, Buffer.from(plaintext, "utf8"));
}

export function decrypt(secret: string, purpose: string, sealed: Uint8Array): string {
  return Buffer.from(decryptBytes(secret, purpose, sealed)).toString("utf8");
}

/**
 * The same sealing for binary content (files), without a base64 detour. `aad`, when given, is
 * authenticated but not stored: opening needs the same bytes (e.g. a part's place in its package,
 * so that sealed parts cannot be swapped or dropped).
 */
export function encryptBytes(secret: string, purpose: string, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(VERSION, secret, purpose), iv, { authTagLength: TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const out = Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
  return new Uint8Array(out);
}

/**
 * Throws when the key, the purpose, the associated data or any byte differs from what was sealed. The tag must be the
 * full 16 bytes: GCM would otherwise verify a truncated one, which a forger can guess.
 */
export function decryptBytes(secret: string, purpose: string, sealed: Uint8Array, aad?: Uint8Array): Uint8Array<ArrayBuffer> {
  const buf = Buffer.from(sealed);
  if (buf.length < HEADER_BYTES) throw new Error("Ciphertext too short");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(buf[0]!, secret, purpose), buf.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(buf.subarray(1 + IV_BYTES, HEADER_BYTES));
  return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES)), decipher.final()]));
}
