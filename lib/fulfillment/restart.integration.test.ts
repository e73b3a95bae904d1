import { afterAll, beforeAll, expect, it, vi } from "vitest";

// A short lease and quick polling in this process and in the worker process it starts.
vi.hoisted(() => {
  process.env.FULFILLMENT_TASK_LEASE_SECONDS = "2";
  process.env.QUEUE_POLL_SECONDS = "0.5";
  process.env.JOBS_POLL_MS = "500";
});

import { db } from "@/lib/db";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { startJobWorker, stopJobWorker } from "@/lib/jobs/worker";
import { createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import { createStaff, eventsOf, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { spawnWorkerProcess, until } from "@/lib/testing/until";
import { seed } from "@/prisma/seed";

// The app killed mid-run: a worker process (the app's own job worker, started with tsx) is killed
// with SIGKILL while it streams a person's 3,000 messages from a slow product database. Another
// worker resumes the task once the dead one's lease ran out: the task runs again from the start,
// never twice at once, and its records are written once, not doubled.

const MESSAGES = 3000;
let product: ScratchDatabase;

beforeAll(async () => {
  await seed(db);
  product = await createScratchPostgres("run_restart");
  await withClient(product.url, (c) =>
    c.query(`
      CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);
      CREATE TABLE conversations (id serial PRIMARY KEY, user_id int NOT NULL);
      CREATE TABLE messages_raw (id serial PRIMARY KEY, conversation_id int NOT NULL, body text);
      CREATE INDEX ON messages_raw (conversation_id);
      -- 2 ms a row: 3,000 messages take about 6 s to read.
      CREATE FUNCTION slowly(int) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN true; END $$;
      CREATE VIEW messages AS SELECT id, conversation_id, body FROM messages_raw WHERE slowly(id);`),
  );
}, 60_000);

afterAll(async () => {
  await stopJobWorker();
  await clearTestMap();
  await product?.stop();
});

it(
  "resumes a run whose worker was killed mid-task, running the task once at a time and writing its records once",
  async () => {
    const request = await verifiedRequest();
    await withClient(product.url, async (c) => {
      const { rows } = await c.query(`INSERT INTO users (email) VALUES ($1) RETURNING id`, [request.email]);
      const { rows: conv } = await c.query(`INSERT INTO conversations (user_id) VALUES ($1) RETURNING id`, [rows[0].id]);
      await c.query(`INSERT INTO messages_raw (conversation_id, body) SELECT $1, 'message ' || g FROM generate_series(1, $2::int) g`, [conv[0].id, MESSAGES]);
    });
    await saveTestMap([
      {
        key: "app",
        name: "Product database",
        connection: { host: product.host, port: product.port, database: product.database, user: product.user },
        collections: {
          users: { fields: ["id", "email:email"] },
          conversations: { fields: ["id", "user_id->users.id"] },
          messages: { fields: ["id", "conversation_id->conversations.id", "body"] },
        },
      },
    ]);
    const officer = await createStaff("OFFICER");
    const run = await planRun(db, { requestId: request.requestId, staffId: officer.id });
    await startRun(db, run.id, officer.id);
    const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: run.id } });
    const messages = await db.dataCollection.findFirstOrThrow({ where: { name: "messages", systemId: task.systemId } });

    const { child, exited } = spawnWorkerProcess();
    try {
      // Killed once it has written its first batch of messages, well before the last.
      await until(async () => (await db.recordChunk.count({ where: { taskId: task.id, collectionId: messages.id } })) > 0, 120_000);
      child.kill("SIGKILL");
      await exited;
      const killed = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } });
      expect([killed.status, killed.attempts]).toEqual(["RUNNING", 1]);
      expect(killed.lockedUntil!.getTime()).toBeGreaterThan(Date.now() - 3000);

      // A new instance starts: it waits out the dead worker's lease, then runs the task again.
      startJobWorker({ enabled: true, pollMs: 500 });
      await until(async () => (await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } })).status === "DONE", 60_000);
    } finally {
      child.kill("SIGKILL");
    }
    const done = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.attempts).toBe(2);
    expect(done.recordsFound).toBe(1 + 1 + MESSAGES);
    const chunks = await db.recordChunk.findMany({ where: { taskId: task.id, collectionId: messages.id }, orderBy: { seq: "asc" }, select: { seq: true, rowCount: true } });
    expect(chunks.reduce((n, c) => n + c.rowCount, 0)).toBe(MESSAGES);
    expect(chunks.map((c) => c.seq)).toEqual([...chunks.keys()]);
    const doneEvents = (await eventsOf(request.requestId)).filter((e) => e.action === "run.task_done");
    expect(doneEvents).toHaveLength(1);
    // The run went on to its package.
    await until(async () => (await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).status !== "RUNNING", 30_000);
    expect(["ASSEMBLING", "READY"]).toContain((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).status);
  },
  180_000,
);
