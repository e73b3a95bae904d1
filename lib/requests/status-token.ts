import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { hashToken, newToken } from "@/lib/security/tokens";

/** A fresh status token and the hash that is all we keep of it. */
export function newStatusToken(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/**
 * Every email carries its own status link: we keep only hashes, so a link cannot be re-sent, and
 * a new one is minted for each message. All stay valid until revoked.
 */
export async function mintStatusToken(tx: Prisma.TransactionClient, requestId: string): Promise<string> {
  const { token, tokenHash } = newStatusToken();
  await tx.requestToken.create({ data: { requestId, purpose: "STATUS", tokenHash } });
  return token;
}

export function statusPath(token: string): string {
  return `/requests/status/${token}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, getEnv().APP_URL).toString();
}
