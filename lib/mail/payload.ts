import "server-only";
import { getEnv } from "@/lib/env";
import { decrypt, encrypt } from "@/lib/security/encryption";

// The payload carries the recipient and private links (verification, status), so it is sealed at
// rest with its own key purpose and wiped once the email is sent or given up.
const PURPOSE = "email-outbox";

export type OutboxPayload = { to: string; props: unknown };

export function sealOutboxPayload(payload: OutboxPayload, secret = getEnv().APP_SECRET): Uint8Array<ArrayBuffer> {
  return encrypt(secret, PURPOSE, JSON.stringify(payload));
}

/** Throws when the payload was sealed with another secret or is not an outbox payload. */
export function openOutboxPayload(sealed: Uint8Array, secret = getEnv().APP_SECRET): OutboxPayload {
  const value: unknown = JSON.parse(decrypt(secret, PURPOSE, sealed));
  if (typeof value !== "object" || value === null || typeof (value as { to?: unknown }).to !== "string") {
    throw new Error("Malformed outbox payload");
  }
  return value as OutboxPayload;
}
