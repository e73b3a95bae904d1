import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/prisma-client";

// Cached on globalThis so dev reloads and the instrumentation-started worker share one pool.
const globalForDb = globalThis as unknown as { dsarDb?: Db };

function create(): Db {
  const env = getEnv();
  return createPrismaClient(env.DATABASE_URL, env.DB_POOL_MAX);
}

/** The app's one Prisma client. It connects on first query, so importing it needs no database. */
export const db: Db = (globalForDb.dsarDb ??= create());

export type { Db };
