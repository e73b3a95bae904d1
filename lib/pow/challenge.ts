import "server-only";
import { createHash } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { purposeKey } from "@/lib/security/keys";

// Proof of work for the request form (issue 11), self-hosted with ALTCHA's library (altcha-lib,
// MIT; no third party is called). Invisible at normal rates: only a client address that has sent
// POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR (3) requests in the hour is asked, and the form then solves
// the challenge by itself (components of app/(public)/requests/new/pow.ts) and sends again. Each
// challenge is signed (HMAC under its own key), expires in 10 minutes, costs at most
// POW_MAX_NUMBER SHA-256 tries (ALTCHA's deterministic mode: the server picks the counter) and
// counts once (spent_proofs_of_work).

export type PowChallenge = Challenge;

const LIFETIME_MS = 10 * 60_000;

const hmacSecret = (secret: string) => purposeKey(secret, "proof-of-work").toString("hex");

/** A new challenge whose answer is a counter below `maxNumber`. */
export async function newPowChallenge(secret: string, maxNumber: number, now: Date): Promise<PowChallenge> {
  return createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(maxNumber, 0),
    deriveKey,
    expiresAt: new Date(now.getTime() + LIFETIME_MS),
    hmacSignatureSecret: hmacSecret(secret),
  });
}

const ProofSchema = z.object({
  challenge: z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().max(256) }),
  solution: z.object({ counter: z.number().int().min(0), derivedKey: z.string().max(256), time: z.number().optional() }),
});

export type PowCheck = "ok" | "invalid" | "expired" | "spent";

/**
 * Checks a proof sent with a request (the JSON the form's solver made) and spends it: a valid proof
 * works once. Expiry is checked against the real clock, as the library does.
 */
export async function spendPowProof(db: Db, secret: string, proof: string): Promise<PowCheck> {
  if (proof.length > 4096) return "invalid";
  let parsed;
  try {
    parsed = ProofSchema.safeParse(JSON.parse(proof));
  } catch {
    return "invalid";
  }
  if (!parsed.success) return "invalid";
  const { challenge, solution } = parsed.data;
  const result = await verifySolution({
    challenge: challenge as unknown as PowChallenge,
    solution,
    deriveKey,
    hmacSignatureSecret: hmacSecret(secret),
  }).catch(() => null);
  if (!result) return "invalid";
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  const challengeHash = createHash("sha256").update(challenge.signature).digest("hex");
  const expiresAt = new Date(Number(challenge.parameters.expiresAt ?? 0) * 1000);
  const spent = await db.$queryRaw<{ challenge_hash: string }[]>`
    INSERT INTO spent_proofs_of_work (challenge_hash, expires_at) VALUES (${challengeHash}, ${expiresAt}::timestamp)
    ON CONFLICT (challenge_hash) DO NOTHING RETURNING challenge_hash`;
  return spent.length ? "ok" : "spent";
}

/** Deletes the spent proofs whose challenge has expired: they can no longer be replayed anyway. */
export async function pruneSpentProofs(db: Db, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM spent_proofs_of_work WHERE expires_at < ${now}::timestamp`;
}
