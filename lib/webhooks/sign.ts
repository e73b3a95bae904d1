import { createHmac, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { decrypt, encrypt } from "@/lib/security/encryption";

// Standard Webhooks (https://www.standardwebhooks.com): each delivery carries webhook-id,
// webhook-timestamp (Unix seconds) and webhook-signature "v1,<base64 HMAC-SHA256>", signed over
// "<id>.<timestamp>.<body>" with the base64-decoded part of a "whsec_" secret. Receivers verify with
// any Standard Webhooks library, or the few lines in the README.

const PURPOSE = "webhook-secret";

/** A new endpoint's secret: 32 random bytes, in the scheme's "whsec_<base64>" form. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealWebhookSecret(secret: string): Uint8Array<ArrayBuffer> {
  return encrypt(getEnv().APP_SECRET, PURPOSE, secret);
}

export function openWebhookSecret(sealed: Uint8Array): string {
  return decrypt(getEnv().APP_SECRET, PURPOSE, sealed);
}

/**
 * The three headers of one signed delivery. With several secrets (the new one and, for a while
 * after a rotation, the previous), one signature each, space-separated as the scheme allows: a
 * receiver holding either secret accepts it.
 */
export function signatureHeaders(secrets: readonly string[], messageId: string, timestampSeconds: number, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    return `v1,${createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64")}`;
  });
  return { "webhook-id": messageId, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signatures.join(" ") };
}

/** The secrets a delivery at `now` is signed with: the current one, and the previous while its grace lasts. */
export function signingSecrets(endpoint: { secretSealed: Uint8Array; previousSecretSealed: Uint8Array | null; previousSecretUntil: Date | null }, now: Date): string[] {
  const current = openWebhookSecret(endpoint.secretSealed);
  const previousValid = endpoint.previousSecretSealed && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now;
  return previousValid ? [current, openWebhookSecret(endpoint.previousSecretSealed!)] : [current];
}
