import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SqlConnection } from "@/lib/datamap/types";
import { executeTask, TaskBusyError } from "@/lib/fulfillment/execute";
import { readRecords } from "@/lib/fulfillment/records";
import { cancelRun, planRun, retryTask, startRun } from "@/lib/fulfillment/runs";
import { autoStartRuns, sweepRuns } from "@/lib/fulfillment/sweep";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { runView } from "@/lib/fulfillment/view";
import { stopQueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue";
import { now as clockNow } from "@/lib/clock";
import { createScratchMariaDb, createScratchPostgres, type ScratchDatabase } from "@/lib/testing/product-db";
import mysql from "mysql2/promise";
import { createStaff, eventsOf, expectRefusal, verifiedRequest } from "@/lib/testing/requests";
import { withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// Runs against real product databases (scratch PostgreSQL databases on the test server): the
// operator's app (users -> conversations -> messages, teams in a cycle with users) and a separate
// helpdesk whose tickets point at the app's users. Tasks are executed the way the queue's worker
// executes them (executeTask), each pg-boss retry being one more call.

let app: ScratchDatabase;
let helpdesk: ScratchDatabase;

function connection(d: ScratchDatabase): SqlConnection {
  return { host: d.host, port: d.port, database: d.database, user: d.user };
}

beforeAll(async () => {
  await seed(db);
  app = await createScratchPostgres("run_app");
  helpdesk = await createScratchPostgres("run_helpdesk");
  await withClient(app.url, async (c) => {
    await c.query(`
      CREATE TABLE teams (id serial PRIMARY KEY, name text, owner_id int);
      CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, team_id int);
      CREATE TABLE conversations (id serial PRIMARY KEY, user_id int NOT NULL, title text);
      CREATE TABLE messages (id serial PRIMARY KEY, conversation_id int NOT NULL, body text);
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;`);
  });
  await withClient(helpdesk.url, (c) => c.query(`CREATE TABLE tickets (id serial PRIMARY KEY, requester_id int NOT NULL, subject text)`));
}, 60_000);

afterAll(async () => {
  await stopQueue();
  await app?.stop();
  await helpdesk?.stop();
});

afterEach(async () => {
  await clearTestMap();
});

/** The person (email stored in another case), a second person, and what each has. */
async function seedPerson(email: string): Promise<{ userId: number }> {
  return withClient(app.url, async (c) => {
    const { rows: teams } = await c.query(`INSERT INTO teams (name) VALUES ('Team') RETURNING id`);
    const teamId = teams[0].id as number;
    const { rows } = await c.query(`INSERT INTO users (email, team_id) VALUES ($1, $2), ($3, $2) RETURNING id`, [
      `  ${email.toUpperCase()}`.trim(),
      teamId,
      `other.${email}`,
    ]);
    const [me, other] = [rows[0].id as number, rows[1].id as number];
    await c.query(`UPDATE teams SET owner_id = $1 WHERE id = $2`, [me, teamId]);
    const { rows: convs } = await c.query(`INSERT INTO conversations (user_id, title) VALUES ($1, 'a'), ($1, 'b'), ($2, 'c') RETURNING id`, [me, other]);
    await c.query(`INSERT INTO messages (conversation_id, body) VALUES ($1, 'one'), ($1, 'two'), ($2, 'three'), ($3, 'not mine')`, [
      convs[0].id,
      convs[1].id,
      convs[2].id,
    ]);
    await withClient(helpdesk.url, (h) => h.query(`INSERT INTO tickets (requester_id, subject) VALUES ($1, 'help'), ($2, 'other')`, [me, other]));
    return { userId: me };
  });
}

async function saveMap(options: { helpdeskConnection?: SqlConnection } = {}) {
  return saveTestMap([
    {
      key: "app",
      name: "Product database",
      connection: connection(app),
      collections: {
        users: { fields: ["id", "email:email", "team_id->teams.id"] },
        teams: { fields: ["id", "name", "owner_id->users.id"] },
        conversations: { fields: ["id", "user_id->users.id", "title"] },
        messages: { fields: ["id", "conversation_id->conversations.id", "body"] },
      },
    },
    {
      key: "helpdesk",
      name: "Helpdesk",
      connection: options.helpdeskConnection ?? connection(helpdesk),
      collections: { tickets: { fields: ["id", "requester_id->users.id", "subject"] } },
    },
  ]);
}

/** Executes every task that can run now until none can, as the queue would; returns the attempts made. */
async function drain(runId: string, maxRounds = 20): Promise<number> {
  let calls = 0;
  for (let round = 0; round < maxRounds; round++) {
    const tasks = await db.fulfillmentTask.findMany({ where: { runId, status: "QUEUED" }, select: { id: true, dependsOn: true } });
    const ended = new Set(
      (await db.fulfillmentTask.findMany({ where: { runId, status: { in: ["DONE", "SKIPPED"] } }, select: { id: true } })).map((t) => t.id),
    );
    const ready = tasks.filter((t) => t.dependsOn.every((d) => ended.has(d)));
    if (ready.length === 0) return calls;
    for (const task of ready) {
      calls++;
      await executeTask(db, task.id).catch(() => {});
    }
  }
  return calls;
}

async function records(runId: string, system: string, collection: string) {
  const c = await db.dataCollection.findFirstOrThrow({ where: { name: collection, system: { key: { startsWith: `${system}-` } } } });
  const out = [];
  for await (const r of readRecords(db, runId, c.id)) out.push(r.record);
  return out;
}

async function startedRun(email?: string) {
  const officer = await createStaff("OFFICER");
  const request = await verifiedRequest(email ? { email } : {});
  const { id: runId, plan } = await planRun(db, { requestId: request.requestId, staffId: officer.id });
  await startRun(db, runId, officer.id);
  return { runId, plan, officer, ...request };
}

async function assembleJobs(runId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'runId' = $2`,
    QUEUES.fulfillmentAssemble.name,
    runId,
  );
  return rows[0]!.n;
}

describe("a run over the data map", () => {
  it("finds the person through references several levels deep and across systems, in any case of their email", async () => {
    await saveMap();
    const request = await verifiedRequest();
    await seedPerson(request.email);
    const officer = await createStaff("OFFICER");
    const { id: runId, plan } = await planRun(db, { requestId: request.requestId, staffId: officer.id });
    expect(plan.systems.map((s) => s.name)).toEqual(["Product database", "Helpdesk"]);
    await startRun(db, runId, officer.id);
    // Only the product database can start: the helpdesk needs the users it finds.
    const queued = await db.fulfillmentTask.findMany({ where: { runId }, include: { system: true }, orderBy: { position: "asc" } });
    expect(queued.map((t) => [t.system.name, t.status, t.dependsOn.length])).toEqual([
      ["Product database", "QUEUED", 0],
      ["Helpdesk", "QUEUED", 1],
    ]);

    expect(await drain(runId)).toBe(2);

    const users = await records(runId, "app", "users");
    expect(users.map((u) => u.email)).toEqual([request.email.toUpperCase()]);
    expect(await records(runId, "app", "teams")).toHaveLength(1);
    expect(await records(runId, "app", "conversations")).toHaveLength(2);
    expect((await records(runId, "app", "messages")).map((m) => m.body).sort()).toEqual(["one", "three", "two"]);
    expect((await records(runId, "helpdesk", "tickets")).map((t) => t.subject)).toEqual(["help"]);

    const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("ASSEMBLING");
    expect(await assembleJobs(runId)).toBe(1);
    const view = await runView(db, request.requestId);
    expect(view?.tasks.map((t) => [t.systemName, t.status, t.recordsFound])).toEqual([
      ["Product database", "DONE", 1 + 1 + 2 + 3],
      ["Helpdesk", "DONE", 1],
    ]);
    expect(view?.progress).toEqual({ ended: 2, total: 2 });
    const actions = (await eventsOf(request.requestId)).map((e) => e.action).filter((a) => a.startsWith("run."));
    expect(actions).toEqual(["run.planned", "run.started", "run.task_done", "run.task_done", "run.finished"]);
    // No personal data in the audit trail or the plan.
    const trail = JSON.stringify((await eventsOf(request.requestId)).filter((e) => e.action.startsWith("run.")).map((e) => e.data)) + JSON.stringify(run.plan);
    expect(trail).not.toContain(request.email);
  });

  it("fails a task whose column was renamed with a reason a person understands, and never assembles", async () => {
    await saveMap();
    const request = await startedRun();
    await seedPerson(request.email);
    await withClient(helpdesk.url, (c) => c.query(`ALTER TABLE tickets RENAME COLUMN requester_id TO customer_id`));
    try {
      await drain(request.runId);
    } finally {
      await withClient(helpdesk.url, (c) => c.query(`ALTER TABLE tickets RENAME COLUMN customer_id TO requester_id`));
    }
    const tasks = await db.fulfillmentTask.findMany({ where: { runId: request.runId }, include: { system: true }, orderBy: { position: "asc" } });
    expect(tasks.map((t) => t.status)).toEqual(["DONE", "FAILED"]);
    expect(tasks[1]!.attempts).toBe(1);
    expect(tasks[1]!.lastError).toMatch(/^Helpdesk: .*requester_id.*Fix the data map or the system, then retry\.$/);
    expect(await db.recordChunk.count({ where: { taskId: tasks[1]!.id } })).toBe(0);
    const run = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: request.runId } });
    expect(run.status).toBe("FAILED");
    expect(await assembleJobs(request.runId)).toBe(0);

    // Fixed: the officer retries and the run completes.
    await retryTask(db, tasks[1]!.id, request.officer.id);
    await drain(request.runId);
    expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: request.runId } })).status).toBe("ASSEMBLING");
    expect(await assembleJobs(request.runId)).toBe(1);
  });

  it("retries a system that is down, then fails it, while the others complete", async () => {
    const closed = { ...connection(helpdesk), port: 1 };
    await saveMap();
    await saveTestMap([
      { key: "crm", name: "CRM", connection: closed, collections: { contacts: { fields: ["id", "email:email"] } } },
    ]);
    const request = await startedRun();
    await seedPerson(request.email);
    const crm = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: request.runId, system: { name: "CRM" } } });
    for (let attempt = 1; attempt <= QUEUES.fulfillmentTask.retryLimit; attempt++) {
      await expect(executeTask(db, crm.id)).rejects.toThrow();
      const after = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: crm.id } });
      expect([after.status, after.attempts]).toEqual(["QUEUED", attempt]);
      expect(after.lastError).toMatch(/CRM|reach/i);
    }
    await drain(request.runId);
    const tasks = await db.fulfillmentTask.findMany({ where: { runId: request.runId }, include: { system: true }, orderBy: { position: "asc" } });
    expect(tasks.map((t) => [t.system.name, t.status])).toEqual([
      ["CRM", "FAILED"],
      ["Product database", "DONE"],
      ["Helpdesk", "DONE"],
    ]);
    expect(tasks[0]!.lastError).toMatch(/^CRM: .*Check that it is up and reachable, then retry\. Tried 7 times\.$/);
    expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: request.runId } })).status).toBe("FAILED");
    expect(await assembleJobs(request.runId)).toBe(0);
    const finished = (await eventsOf(request.requestId)).find((e) => e.action === "run.finished");
    expect(finished?.data).toMatchObject({ outcome: "FAILED", failed: ["CRM"] });
  });

  it("runs a task once when two workers race for it", async () => {
    await saveMap();
    const request = await startedRun();
    await seedPerson(request.email);
    const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: request.runId, position: 0 } });
    const outcomes = await Promise.allSettled([
      executeTask(db, task.id, { workerId: "worker-a" }),
      executeTask(db, task.id, { workerId: "worker-b" }),
    ]);
    const done = outcomes.filter((o) => o.status === "fulfilled" && o.value === "done");
    const others = outcomes.filter((o) => !(o.status === "fulfilled" && o.value === "done"));
    expect(done).toHaveLength(1);
    expect(others[0]!.status === "rejected" ? others[0]!.reason : (others[0] as PromiseFulfilledResult<string>).value).toSatisfy(
      (v: unknown) => v === "noop" || v instanceof TaskBusyError,
    );
    const after = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.status, after.attempts]).toEqual(["DONE", 1]);
    expect(await records(request.runId, "app", "messages")).toHaveLength(3);
  });

  it("refuses a second run while one is active, and a request that is not an access, export or deletion request", async () => {
    await saveMap();
    const request = await startedRun();
    await expectRefusal(planRun(db, { requestId: request.requestId, staffId: request.officer.id }), "RUN_ACTIVE");
    const objection = await verifiedRequest();
    await db.request.update({ where: { id: objection.requestId }, data: { type: "OBJECTION" } });
    await expectRefusal(planRun(db, { requestId: objection.requestId, staffId: request.officer.id }), "RUN_NOT_ALLOWED");
  });

  it("cancels a run: tasks stop, what was found is deleted", async () => {
    await saveMap();
    const request = await startedRun();
    await seedPerson(request.email);
    const first = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: request.runId, position: 0 } });
    await executeTask(db, first.id);
    expect(await db.recordChunk.count({ where: { runId: request.runId } })).toBeGreaterThan(0);
    await cancelRun(db, request.runId, request.officer.id);
    expect(await db.recordChunk.count({ where: { runId: request.runId } })).toBe(0);
    const tasks = await db.fulfillmentTask.findMany({ where: { runId: request.runId }, orderBy: { position: "asc" } });
    expect(tasks.map((t) => t.status)).toEqual(["DONE", "CANCELLED"]);
    expect(await executeTask(db, tasks[1]!.id)).toBe("noop");
    expect((await eventsOf(request.requestId)).at(-1)?.action).toBe("run.cancelled");
    // A new run may start now.
    const again = await planRun(db, { requestId: request.requestId, staffId: request.officer.id });
    expect(again.id).not.toBe(request.runId);
  });

  it("re-sends a job for a task whose worker died, once its lease ran out", async () => {
    await saveMap();
    const request = await startedRun();
    const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: request.runId, position: 0 } });
    // A worker claimed it and died: its lease is in the past and its job was taken.
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'taskId' = $1`, task.id);
    await db.fulfillmentTask.update({ where: { id: task.id }, data: { status: "RUNNING", lockedBy: "dead", lockedUntil: new Date(clockNow().getTime() + 60_000) } });
    expect(await sweepRuns(db, clockNow())).toBe(0);
    expect(await sweepRuns(db, new Date(clockNow().getTime() + 120_000))).toBe(1);
    // The job it sent now waits: the next pass sends nothing more.
    expect(await sweepRuns(db, new Date(clockNow().getTime() + 120_000))).toBe(0);
  });

  it("starts a run by itself for a recently verified request of a type the admin chose", async () => {
    await saveMap();
    const old = await verifiedRequest();
    // Verified two days ago, like every request of the tests before (whose runs were cleared).
    await db.request.updateMany({ data: { verifiedAt: new Date(clockNow().getTime() - 2 * 86_400_000) } });
    const fresh = await verifiedRequest();
    const portability = await verifiedRequest();
    await db.request.update({ where: { id: portability.requestId }, data: { type: "PORTABILITY" } });
    expect(await autoStartRuns(db, clockNow())).toBe(0);
    await db.organizationSettings.update({ where: { id: 1 }, data: { autoRunTypes: ["ACCESS"] } });
    try {
      expect(await autoStartRuns(db, clockNow())).toBe(1);
      const run = await db.fulfillmentRun.findFirstOrThrow({ where: { requestId: fresh.requestId } });
      expect([run.status, run.kind, run.startedById]).toEqual(["RUNNING", "ACCESS", null]);
      const started = (await eventsOf(fresh.requestId)).find((e) => e.action === "run.started");
      expect(started?.actorType).toBe("SYSTEM");
      expect(await db.fulfillmentRun.count({ where: { requestId: { in: [old.requestId, portability.requestId] } } })).toBe(0);
      // Once is enough.
      expect(await autoStartRuns(db, clockNow())).toBe(0);
    } finally {
      await db.organizationSettings.update({ where: { id: 1 }, data: { autoRunTypes: [] } });
    }
  });

  it("follows a reference from a MariaDB system into PostgreSQL", async () => {
    const billing = await createScratchMariaDb("run_billing");
    try {
      const request = await verifiedRequest();
      const { userId } = await seedPerson(request.email);
      const conn = await mysql.createConnection(billing.url);
      try {
        await conn.query(`CREATE TABLE contacts (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(200), user_id INT)`);
        await conn.query(`CREATE TABLE invoices (id INT PRIMARY KEY AUTO_INCREMENT, contact_id INT, total DECIMAL(10,2))`);
        await conn.query(`INSERT INTO contacts (email, user_id) VALUES (?, ?), ('someone@else.test', NULL)`, [request.email.toUpperCase(), userId]);
        await conn.query(`INSERT INTO invoices (contact_id, total) VALUES (1, 12.50), (1, 7.00), (2, 99.00)`);
      } finally {
        await conn.end();
      }
      await saveMap();
      await saveTestMap([
        {
          key: "billing",
          name: "Billing",
          kind: "MYSQL",
          connection: { host: billing.host, port: billing.port, database: billing.database, user: billing.user },
          collections: {
            contacts: { fields: ["id", "email:email", "user_id->users.id"] },
            invoices: { fields: ["id", "contact_id->contacts.id", "total"] },
          },
        },
      ]);
      const officer = await createStaff("OFFICER");
      const run = await planRun(db, { requestId: request.requestId, staffId: officer.id });
      await startRun(db, run.id, officer.id);
      await drain(run.id);
      expect((await records(run.id, "billing", "invoices")).map((r) => r.total).sort()).toEqual(["12.50", "7.00"]);
      expect(await records(run.id, "billing", "contacts")).toHaveLength(1);
      expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("ASSEMBLING");
    } finally {
      await billing.stop();
    }
  });
});
