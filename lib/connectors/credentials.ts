import "server-only";
import { getEnv } from "@/lib/env";
import { decrypt, encrypt } from "@/lib/security/encryption";

// Passwords and API tokens of connected systems: sealed with AES-256-GCM under their own key
// purpose (a key derived from APP_SECRET that nothing else uses), stored in data_systems.secret,
// opened only in the server process that connects, never sent back to a browser or written to logs.
const PURPOSE = "connector-credentials";

export function sealSecret(secret: string): Uint8Array<ArrayBuffer> {
  return encrypt(getEnv().APP_SECRET, PURPOSE, secret);
}

/** The stored secret in clear, or null when none is stored. Throws when it was sealed under another APP_SECRET. */
export function openSecret(sealed: Uint8Array | null | undefined): string | null {
  return sealed ? decrypt(getEnv().APP_SECRET, PURPOSE, sealed) : null;
}
