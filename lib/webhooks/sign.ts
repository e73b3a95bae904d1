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

/** The three headers of one signed delivery. */
export function signatureHeaders(secret: string, messageId: string, timestampSeconds: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64");
  return { "webhook-id": messageId, "webhook-timestamp": String(timestampSeconds), "webhook-signature": `v1,${signature}` };
}
