import "server-only";
import type { Db } from "@/lib/db";

/** How long the webhooks page keeps a finished delivery and its attempts. They are an operations log, not the audit trail. */
export const WEBHOOK_LOG_DAYS = 30;
const BATCH = 5_000;

/** From housekeeping: deletes delivered and failed deliveries older than WEBHOOK_LOG_DAYS, in bounded batches. Returns how many. */
export async function pruneWebhookDeliveries(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000);
  let pruned = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries WHERE status <> 'PENDING' AND created_at < ${before}::timestamp LIMIT ${BATCH})`;
    pruned += deleted;
    if (deleted < BATCH) return pruned;
  }
}
