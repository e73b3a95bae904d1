import "server-only";
import { createHash, randomBytes } from "node:crypto";
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
  const params = new URLSearchParams({ callbackUrl: options.callbackUrl ?? "/admin", token, email: options.email });
  return new URL(`/api/auth/callback/email?${params}`, options.appUrl).toString();
}
