import PgBoss from "pg-boss";

// The job queue: pg-boss 10, in the schema `pgboss` of the portal's own database (embedded PGlite
// or PostgreSQL). Its schema and queues are installed by the migrator as the tables' owner
// (installQueueSchema, called from lib/db/migrate.ts); the app logs in as its row-only role and
// starts pg-boss with migrate: false, so it can neither alter the queue's tables nor create queues.
//
// Work that must run once and survive restarts goes through here: fulfillment tasks, package
// assembly, and the periodic pass over due follow-ups. pg-boss hands a job to one worker at a time
// and retries it with backoff; a job whose worker died is failed by pg-boss's maintenance after
// its expiry and then retried. Handlers must still be idempotent: an expired job can be handed out
// again while a slow first attempt is still running (lib/fulfillment/ claims its task row with a
// lease for that reason).

export const QUEUE_SCHEMA = "pgboss";

/** Every queue, with its retry and expiry policy. Created (or updated) at each migration. */
export const QUEUES = {
  /** One system's part of a fulfillment run: { taskId }. */
  fulfillmentTask: {
    name: "fulfillment-task",
    retryLimit: 6,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  },
  /** Assemble a run's package once its tasks ended: { runId, revision }. */
  fulfillmentAssemble: {
    name: "fulfillment-assemble",
    retryLimit: 4,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  },
  /** Erase what an approved erasure run found, system after system, children first: { runId }. */
  erasureRun: {
    name: "erasure-run",
    retryLimit: 6,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60 * 60,
  },
  /** One pass over due follow-ups (referral reminders, manual-task reminders): {}. */
  duePass: {
    name: "due-pass",
    retryLimit: 0,
    expireInSeconds: 5 * 60,
  },
} as const satisfies Record<string, PgBoss.Queue>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

/**
 * Installs (or upgrades) pg-boss's schema and creates every queue, logged in as the owner.
 * Idempotent; the migrator calls it after Prisma's migrations.
 */
export async function installQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
    max: 1,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const queue of Object.values(QUEUES)) {
      const options: PgBoss.Queue = { ...queue };
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, options);
      else await boss.createQueue(queue.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
