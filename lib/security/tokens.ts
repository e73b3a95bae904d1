import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { purposeKey, type KeyPurpose } from "@/lib/security/keys";

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
 * with the verification-code key and salted with the challenge id it cannot be reversed without it.
 */
export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac("sha256", purposeKey(secret, "verification-code")).update(`${challengeId}:${code}`).digest("hex");
}

/**
 * A stable pseudonym for a subject a client chose (an IP or email), under one purpose's key: never
 * the raw secret, and never a key that is itself used as a secret elsewhere.
 */
export function keyedHash(secret: string, purpose: Extract<KeyPurpose, "rate-limit" | "legal-hold" | "blocked-sender">, value: string): string {
  return createHmac("sha256", purposeKey(secret, purpose)).update(value).digest("base64url");
}

/** next-auth's secret (it hashes sign-in tokens and signs CSRF tokens with it): its own key. */
export function nextAuthSecret(secret: string): string {
  return purposeKey(secret, "next-auth").toString("hex");
}

export function safeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
