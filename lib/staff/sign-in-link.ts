import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A sign-in link made the way next-auth's email provider makes one (a random token whose
 * SHA-256 with the secret is stored), so its callback accepts it. Used for invitations, which
 * live longer than the 15 minutes of a link someone asks for themselves.
 */
export async function createSignInLink(
  tx: Pick<Prisma.TransactionClient, "staffSignInToken">,
  options: { email: string; secret: string; appUrl: string; expiresAt: Date; callbackUrl?: string },
): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const tokenHash = createHash("sha256").update(`${token}${options.secret}`).digest("hex");
  await tx.staffSignInToken.create({ data: { identifier: options.email, tokenHash, expiresAt: options.expiresAt } });
  // The token alone: an address in the link would sit in browser history and proxy logs.
  const params = new URLSearchParams({ callbackUrl: options.callbackUrl ?? "/admin", token });
  return new URL(`/api/auth/callback/email?${params}`, options.appUrl).toString();
}

/** Housekeeping: sign-in links that expired unused are useless rows; drop them. */
export async function pruneExpiredSignInTokens(db: Db, now: Date): Promise<number> {
  const result = await db.staffSignInToken.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
}
