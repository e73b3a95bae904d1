import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** An unguessable URL-safe token (256 bits). Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A 6-digit code, uniformly drawn, leading zeros kept. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/**
 * A code has only a million values, so a bare hash could be reversed by trying them all; keyed
 * with the app secret and salted with the challenge id it cannot be reversed without the secret.
 */
export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac("sha256", secret).update(`${challengeId}:${code}`).digest("hex");
}

/** A stable pseudonym for a rate-limit subject (an IP or email) that does not store it in clear. */
export function keyedHash(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

export function safeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
