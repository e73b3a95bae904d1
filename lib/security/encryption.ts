import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM with a key derived from the app secret. Layout: version(1) | iv(12) | tag(16) | data.
const VERSION = 1;

function keyFrom(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`${purpose}\0${secret}`).digest();
}

export function encrypt(secret: string, purpose: string, plaintext: string): Uint8Array<ArrayBuffer> {
  return encryptBytes(secret, purpose, Buffer.from(plaintext, "utf8"));
}

export function decrypt(secret: string, purpose: string, sealed: Uint8Array): string {
  return Buffer.from(decryptBytes(secret, purpose, sealed)).toString("utf8");
}

/** The same sealing for binary content (files), without a base64 detour. */
export function encryptBytes(secret: string, purpose: string, plaintext: Uint8Array): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret, purpose), iv);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const out = Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
  return new Uint8Array(out);
}

/** Throws when the key, the purpose or any byte differs from what was sealed. */
export function decryptBytes(secret: string, purpose: string, sealed: Uint8Array): Uint8Array<ArrayBuffer> {
  const buf = Buffer.from(sealed);
  if (buf[0] !== VERSION) throw new Error("Unknown ciphertext version");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret, purpose), buf.subarray(1, 13));
  decipher.setAuthTag(buf.subarray(13, 29));
  return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]));
}
