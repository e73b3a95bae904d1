// How long a staff session lives: an absolute lifetime from sign-in, however busy the person is,
// and an idle timeout from its last use. Pure, so the rules are unit-tested without a database;
// the adapter (lib/auth/adapter.ts) applies them wherever a session is read.

export type SessionLimits = { maxHours: number; idleMinutes: number };
export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/** Last use is written at most this often, so a busy page costs no write per request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Sign-in plus the absolute lifetime: what a new session stores as its expiry. */
export function lifetimeEnd(createdAt: Date, limits: SessionLimits): Date {
  return new Date(createdAt.getTime() + limits.maxHours * 3_600_000);
}

/** When the session ends for good: its lifetime's end, or an earlier stored expiry. */
export function absoluteEnd(times: Pick<SessionTimes, "createdAt" | "expiresAt">, limits: SessionLimits): Date {
  return new Date(Math.min(lifetimeEnd(times.createdAt, limits).getTime(), times.expiresAt.getTime()));
}

export type SessionVerdict = { alive: false; reason: "ABSOLUTE" | "IDLE" } | { alive: true; expires: Date; touch: boolean };

export function judgeSession(times: SessionTimes, limits: SessionLimits, now: Date): SessionVerdict {
  const end = absoluteEnd(times, limits);
  if (now.getTime() >= end.getTime()) return { alive: false, reason: "ABSOLUTE" };
  const idleSince = now.getTime() - times.lastSeenAt.getTime();
  if (idleSince >= limits.idleMinutes * 60_000) return { alive: false, reason: "IDLE" };
  return { alive: true, expires: end, touch: idleSince >= LAST_SEEN_RESOLUTION_MS };
}
