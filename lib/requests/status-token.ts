import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenHolder } from "@/lib/generated/prisma/enums";
import { now } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { statusLinkWorks } from "@/lib/requests/status-link-lifetime";
import { hashToken, newToken } from "@/lib/security/tokens";

/** A fresh status token and the hash that is all we keep of it. */
export function newStatusToken(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/**
 * Every email carries its own status link: we keep only hashes, so a link cannot be re-sent, and
 * a new one is minted for each message. Each works until revoked, or until STATUS_LINK_DAYS_AFTER_CLOSE
 * days after the request closes (lib/requests/status-link-lifetime.ts); `at` is when it was minted.
 */
export async function mintStatusToken(
  tx: Prisma.TransactionClient,
  requestId: string,
  at: Date = now(),
  /** Whose link: the person who filed (the default), or the consumer an agent filed for. */
  holder: TokenHolder = "REQUESTER",
): Promise<string> {
  const { token, tokenHash } = newStatusToken();
  await tx.requestToken.create({ data: { requestId, purpose: "STATUS", holder, tokenHash, createdAt: at } });
  return token;
}

// Appeals are one per request today; the bound keeps the read small whatever comes later.
const APPEALS_READ = 10;

/**
 * The request a status link opens at `at`, or null for a malformed, unknown, revoked or expired
 * link: one answer for all of them, so a guess learns nothing.
 */
export async function statusLinkRequestId(
  client: Pick<Prisma.TransactionClient, "requestToken" | "organizationSettings">,
  token: string,
  at: Date = now(),
): Promise<string | null> {
  return (await statusLinkHolder(client, token, at))?.requestId ?? null;
}

/** The request a status link opens, and whose link it is; null as for statusLinkRequestId. */
export async function statusLinkHolder(
  client: Pick<Prisma.TransactionClient, "requestToken" | "organizationSettings">,
  token: string,
  at: Date = now(),
): Promise<{ requestId: string; holder: TokenHolder } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await client.requestToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      requestId: true,
      purpose: true,
      holder: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      request: { select: { closedAt: true, appeals: { select: { closedAt: true }, take: APPEALS_READ } } },
    },
  });
  if (!found || found.purpose !== "STATUS") return null;
  const { request, holder, ...link } = found;
  const facts = { ...link, closedAt: request.closedAt, appealsClosedAt: request.appeals.map((a) => a.closedAt) };
  return statusLinkWorks(facts, at, (await readHandling(client)).statusLinkDaysAfterClose) ? { requestId: found.requestId, holder } : null;
}

export function statusPath(token: string): string {
  return `/requests/status/${token}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, getEnv().APP_URL).toString();
}
