import "server-only";
import type { Db } from "@/lib/db";
import { keyedHash } from "@/lib/security/tokens";

export type Limit = { name: string; subject: string; max: number; windowSeconds: number };
export type LimitOutcome = { allowed: true } | { allowed: false; name: string; retryAfterSeconds: number };

/**
 * Fixed-window counters in PostgreSQL, shared by every app process. All limits of one action are
 * counted in a single statement, outside the caller's transaction, so a busy key's row lock is
 * held for one statement only. Subjects (IPs, emails) are stored as keyed hashes, never in clear.
 */
export async function consumeLimits(db: Db, secret: string, limits: Limit[], now = new Date()): Promise<LimitOutcome> {
  const rows = limits
    .map((limit) => ({ limit, ...bucketOf(secret, limit, now) }))
    // A fixed order keeps concurrent multi-row upserts from deadlocking each other.
    .sort((a, b) => a.key.localeCompare(b.key));
  if (rows.length === 0) return { allowed: true };

  const values: unknown[] = [];
  const tuples = rows.map((r, i) => {
    values.push(r.key, r.windowStart);
    return `($${i * 2 + 1}, $${i * 2 + 2}::timestamp, 1)`;
  });
  const counts = await db.$queryRawUnsafe<{ key: string; count: number }[]>(
    `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ${tuples.join(", ")}
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
     RETURNING key, count`,
    ...values,
  );
  for (const row of rows) {
    const count = counts.find((c) => c.key === row.key)?.count ?? 0;
    if (count > row.limit.max) {
      const windowEnd = row.windowStart.getTime() + row.limit.windowSeconds * 1000;
      return { allowed: false, name: row.limit.name, retryAfterSeconds: Math.ceil((windowEnd - now.getTime()) / 1000) };
    }
  }
  return { allowed: true };
}

/**
 * Gives back one unit consumed for an attempt that turned out not to count (a limit on wrong
 * codes is consumed before the code is checked, so concurrent guesses can't overrun it).
 */
export async function releaseLimit(db: Db, secret: string, limit: Limit, now = new Date()): Promise<void> {
  const { key, windowStart } = bucketOf(secret, limit, now);
  await db.$executeRawUnsafe(
    `UPDATE rate_limit_buckets SET count = count - 1 WHERE key = $1 AND window_start = $2::timestamp AND count > 0`,
    key,
    windowStart,
  );
}

/** How many units of `limit` are used in its current window (0 when none), without taking one. */
export async function currentCount(db: Db, secret: string, limit: Limit, now = new Date()): Promise<number> {
  const { key, windowStart } = bucketOf(secret, limit, now);
  const rows = await db.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count FROM rate_limit_buckets WHERE key = $1 AND window_start = $2::timestamp`,
    key,
    windowStart,
  );
  return rows[0]?.count ?? 0;
}

function bucketOf(secret: string, limit: Limit, now: Date): { key: string; windowStart: Date } {
  const windowMs = limit.windowSeconds * 1000;
  return {
    key: `${limit.name}:${keyedHash(secret, "rate-limit", limit.subject)}`,
    windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs),
  };
}

/** Old windows are useless once they end; the worker's housekeeping drops them. */
export async function pruneLimits(db: Db, olderThan: Date): Promise<number> {
  const result = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return result.count;
}
