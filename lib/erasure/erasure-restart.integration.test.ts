import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceClock, now as clockNow, resetClock } from "@/lib/clock";
import { approveErasure, executeErasure, sweepErasures } from "@/lib/erasure/run";
import { getEnv } from "@/lib/env";
import { executeTask } from "@/lib/fulfillment/execute";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import { createStaff, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { spawnWorkerProcess, until } from "@/lib/testing/until";
import { seed } from "@/prisma/seed";

// The app killed mid-erasure: a worker process (the app's own job worker) is killed with SIGKILL
// while it deletes a person's 3,000 messages from a slow product database, batch by batch. Another
// instance resumes the run once the dead one's lease ran out and the due pass re-sent it: it starts after the last batch the dead one recorded, a batch the dead
// one had committed but not recorded changes nothing the second time, and the final state is the
// same as an erasure that never stopped: the person's rows gone, the row count exact, nobody
// else's rows touched.

const MESSAGES = 3000;
let product: ScratchDatabase;

const productRows = (sql: string) => withClient(product.url, async (c) => (await c.query(sql)).rows);

beforeAll(async () => {
  await seed(db);
  product = await createScratchPostgres("erasure_restart");
  await withClient(product.url, (c) =>
    c.query(`
      CREATE TABLE people (id serial PRIMARY KEY, email text NOT NULL);
      CREATE TABLE messages (id serial PRIMARY KEY, person_id int NOT NULL REFERENCES people(id), body text);
      CREATE INDEX ON messages (person_id);
      -- 2 ms a deleted row: a batch of 1,000 takes about 2 s.
      CREATE FUNCTION slowly() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN OLD; END $$;
      CREATE TRIGGER slow_delete BEFORE DELETE ON messages FOR EACH ROW EXECUTE FUNCTION slowly();`),
  );
}, 60_000);

afterAll(async () => {
  resetClock();
  await stopQueue();
  await clearTestMap();
  await product?.stop();
});

it(
  "resumes an erasure whose worker was killed mid-run, after the last batch it recorded, with an exact count",
  async () => {
    const request = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await withClient(product.url, async (c) => {
      const { rows } = await c.query(`INSERT INTO people (email) VALUES ($1), ('someone.else@example.com') RETURNING id`, [request.email]);
      await c.query(`INSERT INTO messages (person_id, body) SELECT $1, 'message ' || g FROM generate_series(1, $2::int) g`, [rows[0].id, MESSAGES]);
      await c.query(`INSERT INTO messages (person_id, body) SELECT $1, 'other ' || g FROM generate_series(1, 10) g`, [rows[1].id]);
    });
    await saveTestMap([
      {
        key: "app",
        name: "Product database",
        connection: { host: product.host, port: product.port, database: product.database, user: product.user },
        collections: {
          people: { fields: ["id", "email:email"] },
          messages: { fields: ["id", "person_id->people.id", "body"] },
        },
      },
    ]);
    for (const name of ["email", "body"]) {
      await db.dataField.updateMany({ where: { name, collection: { name: name === "email" ? "people" : "messages" } }, data: { erasureStrategy: "DELETE_ROW" } });
    }
    const officer = await createStaff("OFFICER");
    const run = await planRun(db, { requestId: request.requestId, staffId: officer.id });
    await startRun(db, run.id, officer.id);
    for (const task of await db.fulfillmentTask.findMany({ where: { runId: run.id, status: "QUEUED" } })) await executeTask(db, task.id);
    expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("AWAITING_APPROVAL");
    const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: run.id } });
    await approveErasure(db, run.id, officer.id);

    const { child, exited } = spawnWorkerProcess({ QUEUE_POLL_SECONDS: "0.5" });
    try {
      // Killed once it has recorded its first batch of messages, well before the last.
      await until(async () => Object.keys((await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } })).erasedChunks ?? {}).length > 0, 120_000);
      child.kill("SIGKILL");
      await exited;
    } finally {
      child.kill("SIGKILL");
    }
    const killed = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(killed.erasedAt).toBeNull();
    expect(killed.rowsErased).toBeGreaterThan(0);
    expect(killed.rowsErased).toBeLessThan(MESSAGES);
    expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("ERASING");

    // The dead worker's lease holds the run until it runs out: nobody erases it twice at once.
    expect(await executeErasure(db, run.id)).toBe("skipped");
    expect(await sweepErasures(db, clockNow())).toBe(0);
    // Then the due pass hands it to another instance (without waiting for pg-boss's hour-long
    // expiry of the dead worker's job), which resumes after the last recorded batch.
    advanceClock(getEnv().FULFILLMENT_TASK_LEASE_SECONDS * 1000 + 1000);
    expect(await sweepErasures(db, clockNow())).toBe(1);
    expect(await sweepErasures(db, clockNow())).toBe(0);
    expect(await executeErasure(db, run.id)).toBe("erased");
    expect(await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "ERASED", erasureLockedBy: null });
    const done = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.rowsErased).toBe(MESSAGES + 1);
    expect(await productRows(`SELECT count(*)::int AS n FROM people WHERE email = '${request.email}'`)).toEqual([{ n: 0 }]);
    expect(await productRows("SELECT count(*)::int AS n FROM messages")).toEqual([{ n: 10 }]);
    expect(await productRows("SELECT count(*)::int AS n FROM people")).toEqual([{ n: 1 }]);
  },
  180_000,
);
