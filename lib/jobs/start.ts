import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logError, logEvent } from "@/lib/log";
import { startJobWorker } from "@/lib/jobs/worker";
import { startOutboxWorker } from "@/lib/mail/worker";
import { startWebhookWorker } from "@/lib/webhooks/deliver";
import { pruneWebhookDeliveries } from "@/lib/webhooks/prune";
import { purgeExpiredPackages } from "@/lib/packages/purge";
import { pruneSpentProofs } from "@/lib/pow/challenge";
import { pruneLimits } from "@/lib/rate-limit/limit";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { pruneExpiredSignInTokens } from "@/lib/staff/sign-in-link";

const HOUSEKEEPING_EVERY_MS = 5 * 60_000;
const started = Symbol.for("dsar.backgroundJobs");

/** Email delivery and periodic housekeeping, once per process. */
export function startBackgroundJobs(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[started] || !getEnv().WORKER_ENABLED) return;
  g[started] = true;
  startOutboxWorker();
  startWebhookWorker();
  startJobWorker();
  const tick = () => void housekeeping();
  setTimeout(tick, 10_000).unref();
  setInterval(tick, HOUSEKEEPING_EVERY_MS).unref();
}

export async function housekeeping(now = new Date()): Promise<void> {
  try {
    const closed = await expireUnverifiedRequests(now);
    const pruned = await pruneLimits(db, new Date(now.getTime() - 2 * 86_400_000));
    const signInLinks = await pruneExpiredSignInTokens(db, now);
    const packagesPurged = await purgeExpiredPackages(now);
    await pruneSpentProofs(db, now);
    const webhookDeliveries = await pruneWebhookDeliveries(db, now);
    if (closed || pruned || signInLinks || packagesPurged || webhookDeliveries) {
      logEvent("housekeeping.done", { closedUnverified: closed, rateLimitRowsPruned: pruned, expiredSignInLinksPruned: signInLinks, packagesPurged, webhookDeliveriesPruned: webhookDeliveries });
    }
  } catch (error) {
    logError("housekeeping.failed", error);
  }
}
