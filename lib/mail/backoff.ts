/** Attempts after which an email is given up (DEAD). */
export const MAX_ATTEMPTS = 10;

const BASE_MS = 15_000;
const CAP_MS = 60 * 60_000;

/**
 * Wait before retrying after the `attempts`-th failed attempt: 15 s, 30 s, 1 min, ... capped at
 * an hour, so ten attempts span about two hours. The ±10 % jitter keeps a batch that failed
 * together (an SMTP outage) from retrying in lockstep.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(exponent, 30));
  return Math.round(delay * (0.9 + 0.2 * random()));
}
