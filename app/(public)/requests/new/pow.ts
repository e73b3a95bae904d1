import type { Challenge } from "altcha-lib";

/**
 * Solves a proof-of-work challenge in the browser (ALTCHA's solver with Web Crypto's SHA-256) and
 * returns the proof to send with the request, or null when it could not. Loaded only when the
 * server asks for one, so the form's first load carries none of it.
 */
export async function solvePow(challenge: Challenge): Promise<string | null> {
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([import("altcha-lib"), import("altcha-lib/algorithms/web/sha")]);
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  return solution ? JSON.stringify({ challenge, solution }) : null;
}
