import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { QUEUE_SCHEMA, type QueueName } from "@/lib/jobs/queue";

// The app's pg-boss instance: logs in as the app's role (DATABASE_URL), never migrates (the
// migrator installed the schema as the owner), runs pg-boss's maintenance (expiring jobs whose
// worker died, archiving finished ones) and no cron scheduler.

type BossState = { boss: PgBoss; started: Promise<PgBoss>; workers: Map<string, string> };
const globalForBoss = globalThis as unknown as { dsarBoss?: BossState };

/** Connection used to send a job inside a transaction that already runs (e.g. Prisma's). */
export type QueueConnection = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

function state(): BossState {
  if (globalForBoss.dsarBoss) return globalForBoss.dsarBoss;
  const env = getEnv();
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: QUEUE_SCHEMA,
    migrate: false,
    schedule: false,
    supervise: true,
    max: 3,
    maintenanceIntervalSeconds: env.QUEUE_MAINTENANCE_SECONDS,
    application_name: "dsar-portal-queue",
  });
  boss.on("error", (error) => logError("queue.error", error));
  const created: BossState = { boss, started: boss.start(), workers: new Map() };
  globalForBoss.dsarBoss = created;
  return created;
}

/** The started queue (started on first use). */
export async function queue(): Promise<PgBoss> {
  return state().started;
}

/** Sends a job; inside a transaction when `db` is given, so the job exists only if it commits. */
export async function sendJob(name: QueueName, data: object, options: PgBoss.SendOptions & { db?: QueueConnection } = {}): Promise<string | null> {
  const boss = await queue();
  const id = await boss.send(name, data, options as PgBoss.SendOptions);
  // Sent inside a transaction, the job is not visible until it commits: the caller wakes the
  // worker after the commit (lib/fulfillment/jobs.ts wakeRunWorkers).
  if (!options.db) wakeWorker(name);
  return id;
}

/** Registers the one handler of a queue in this process, polling every `pollingIntervalSeconds`. */
export async function workQueue<T extends object>(
  name: QueueName,
  handler: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  const current = state();
  if (current.workers.has(name)) return;
  const boss = await current.started;
  // With its metadata, a handler knows when an attempt is the last one pg-boss will make.
  const id = await boss.work<T>(
    name,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? getEnv().QUEUE_POLL_SECONDS, includeMetadata: true },
    async ([job]) => (job ? handler(job) : undefined),
  );
  current.workers.set(name, id);
}

/** Makes this process's worker of `name` fetch now instead of at its next poll. */
export function wakeWorker(name: QueueName): void {
  const id = globalForBoss.dsarBoss?.workers.get(name);
  if (id) globalForBoss.dsarBoss?.boss.notifyWorker(id);
}

/** Stops the workers (waiting for running handlers) and closes the queue's connections. */
export async function stopQueue(): Promise<void> {
  const current = globalForBoss.dsarBoss;
  if (!current) return;
  globalForBoss.dsarBoss = undefined;
  const boss = await current.started.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: 15_000 });
}
