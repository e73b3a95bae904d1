// `npm run bench:fulfillment`: an access run for one person against a product database of
// 1,000,000 messages over 100,000 people, from the officer's click to the sealed package, and how
// the execution compares with a plain script doing the same SELECTs and writing the same files.
//
// 1. Product database `dsar_bench_product_<pid>` on BENCH_DATABASE_URL (PostgreSQL), three
//    collections: people (100,000; email looked up case-insensitively and trimmed, index on lower(btrim(email))),
//    conversations (person_id -> people.id) and messages (conversation_id -> conversations.id).
//    1,000,000 messages: person 1 has 10,000 (in 100 conversations), person 2 has 100,000 (in
//    1,000), the other 890,000 are spread over everyone else. Made with generate_series.
// 2. Portal database (migrated, seeded) with a data map describing those three collections, and a
//    verified access request per measured person.
// 3. Run: in this process, the app's own code: the "click" is what the officer's button calls
//    (planRun then startRun), the job worker is the app's pg-boss worker (lib/jobs/worker.ts),
//    and the run ends when its package is sealed (status READY). Memory is sampled every 20 ms.
// 4. Baseline: a plain script in this same process: the same three SELECTs through pg-cursor
//    (same batches, same bound parameters), the same files (data.json, one CSV per collection,
//    index.html with every record in a table, as the report has) into a zip written with yazl to
//    a temporary file. No queue, no sealing, no
//    bookkeeping: the floor this machine and database set.
//
// BENCH_RUNS (3) measured runs per person after one warm-up. Prints a table and writes JSON to
// bench/results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import Cursor from "pg-cursor";
import yazl from "yazl";
import { createBenchDatabase, createEmptyBenchDatabase, envNumber, loadAverage, onCleanup, round, runMain, sampleMemory, sayer, settle, writeResults } from "@/bench/harness";
import { withClient } from "@/lib/testing/test-database";
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";

const say = sayer("bench:fulfillment");
const RUNS = envNumber("BENCH_RUNS", 3);
const APP_SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const PEOPLE = 100_000;
const BODY = "repeat(md5(g::text), 3)";

const PERSONS = [
  { label: "10,000 messages", email: "Person1@Example.com", messages: 10_000, conversations: 100 },
  { label: "100,000 messages", email: "person2@example.com", messages: 100_000, conversations: 1_000 },
];

// ---------------------------------------------------------------------------------------------
// 1. The product database

async function createProduct(): Promise<{ url: string; host: string; port: number; database: string; user: string }> {
  const name = `dsar_bench_product_${process.pid}`;
  const url = await createEmptyBenchDatabase(name);
  const started = Date.now();
  const others = PEOPLE - PERSONS.length;
  const firstOther = 1 + PERSONS.reduce((n, p) => n + p.conversations, 0);
  const otherMessages = 1_000_000 - PERSONS.reduce((n, p) => n + p.messages, 0);
  await withClient(url.toString(), async (c) => {
    await c.query(`
      CREATE TABLE people (id integer PRIMARY KEY, email text NOT NULL, name text NOT NULL);
      CREATE TABLE conversations (id integer PRIMARY KEY, person_id integer NOT NULL, subject text NOT NULL, started_at timestamptz NOT NULL);
      CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id integer NOT NULL, body text NOT NULL, sent_at timestamptz NOT NULL);
      INSERT INTO people SELECT g, 'person' || g || '@example.com', 'Person ' || g FROM generate_series(1, ${PEOPLE}) g;`);
    let conversation = 1;
    let message = 1;
    for (const [i, person] of PERSONS.entries()) {
      const perConversation = person.messages / person.conversations;
      await c.query(
        `INSERT INTO conversations SELECT ${conversation - 1} + g, ${i + 1}, 'Subject ' || g, now() - g * interval '1 hour' FROM generate_series(1, ${person.conversations}) g`,
      );
      await c.query(
        `INSERT INTO messages SELECT ${message - 1} + g, ${conversation} + (g - 1) / ${perConversation}, ${BODY}, now() - g * interval '1 minute' FROM generate_series(1, ${person.messages}) g`,
      );
      conversation += person.conversations;
      message += person.messages;
    }
    await c.query(`INSERT INTO conversations SELECT ${firstOther - 1} + g, ${PERSONS.length} + g, 'Subject ' || g, now() FROM generate_series(1, ${others}) g`);
    await c.query(`INSERT INTO messages SELECT ${message - 1} + g, ${firstOther} + (g % ${others}), ${BODY}, now() FROM generate_series(1, ${otherMessages}) g`);
    await c.query(`
      CREATE INDEX people_email_idx ON people (lower(btrim(email)));
      CREATE INDEX conversations_person_idx ON conversations (person_id);
      CREATE INDEX messages_conversation_idx ON messages (conversation_id);
      ANALYZE;`);
  });
  say(`product database: ${PEOPLE.toLocaleString("en")} people, 1,000,000 messages, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url: url.toString(), host: url.hostname, port: Number(url.port || 5432), database: name, user: decodeURIComponent(url.username) || "postgres" };
}

// ---------------------------------------------------------------------------------------------
// Memory sampling

// ---------------------------------------------------------------------------------------------
// 4. The baseline: plain SELECTs, plain files

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function htmlCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function* cursorRows(client: pg.Client, sql: string, params: unknown[]): AsyncGenerator<Record<string, unknown>[]> {
  const cursor = client.query(new Cursor(sql, params));
  try {
    for (;;) {
      const rows = await cursor.read(1000);
      if (!rows.length) return;
      yield rows;
    }
  } finally {
    await cursor.close();
  }
}

const QUERIES = {
  people: { sql: "SELECT id, email, name FROM people WHERE lower(btrim(email)) = ANY($1)", columns: ["id", "email", "name"] },
  conversations: { sql: "SELECT id, person_id, subject, started_at FROM conversations WHERE person_id = ANY($1)", columns: ["id", "person_id", "subject", "started_at"] },
  messages: { sql: "SELECT id, conversation_id, body, sent_at FROM messages WHERE conversation_id = ANY($1)", columns: ["id", "conversation_id", "body", "sent_at"] },
};

async function baseline(productUrl: string, email: string): Promise<{ seconds: number; rows: number; bytes: number }> {
  const started = performance.now();
  const file = path.join(os.tmpdir(), `bench-baseline-${process.pid}.zip`);
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(file);
  zip.outputStream.pipe(out);
  let rows = 0;
  await withClient(productUrl, async (client) => {
    await client.query("BEGIN READ ONLY");
    // Pass 1: the SELECTs, keeping the ids the next collection is looked up by (as a run does).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-baseline-"));
    let keys: unknown[] = [email.trim().toLowerCase()];
    for (const [name, query] of Object.entries(QUERIES)) {
      const next: unknown[] = [];
      const csv = fs.createWriteStream(path.join(tmp, `${name}.csv`));
      csv.write(query.columns.join(",") + "\r\n");
      const json = fs.createWriteStream(path.join(tmp, `${name}.json`));
      json.write("[");
      // The report lists every record too, as a table per collection.
      const html = fs.createWriteStream(path.join(tmp, `${name}.html`));
      html.write(`<h2>${name}</h2><table><tr>${query.columns.map((c) => `<th>${c}</th>`).join("")}</tr>`);
      let first = true;
      for await (const batch of cursorRows(client, query.sql, [keys])) {
        for (const row of batch) {
          rows++;
          next.push(row.id);
          if (!csv.write(query.columns.map((c) => csvCell(row[c])).join(",") + "\r\n")) await once(csv, "drain");
          if (!json.write((first ? "" : ",") + JSON.stringify(row))) await once(json, "drain");
          if (!html.write(`<tr>${query.columns.map((c) => `<td>${htmlCell(row[c])}</td>`).join("")}</tr>`)) await once(html, "drain");
          first = false;
        }
      }
      json.write("]");
      html.write("</table>");
      await Promise.all([new Promise((r) => csv.end(r)), new Promise((r) => json.end(r)), new Promise((r) => html.end(r))]);
      keys = next;
    }
    await client.query("COMMIT");
    // Pass 2: the same files as the package (index.html, data.json, a CSV per collection).
    const index = path.join(tmp, "index.html");
    fs.writeFileSync(index, "<!doctype html><title>Your data</title>");
    for (const name of Object.keys(QUERIES)) {
      await new Promise<void>((resolve, reject) =>
        fs.createReadStream(path.join(tmp, `${name}.html`)).on("error", reject).pipe(fs.createWriteStream(index, { flags: "a" })).on("finish", resolve),
      );
    }
    zip.addReadStream(fs.createReadStream(index), "index.html");
    const dataJson = path.join(tmp, "data.json");
    fs.writeFileSync(dataJson, "{");
    for (const [i, name] of Object.keys(QUERIES).entries()) {
      fs.appendFileSync(dataJson, `${i ? "," : ""}"${name}":`);
      await new Promise<void>((resolve, reject) =>
        fs.createReadStream(path.join(tmp, `${name}.json`)).on("error", reject).pipe(fs.createWriteStream(dataJson, { flags: "a" })).on("finish", resolve),
      );
    }
    fs.appendFileSync(dataJson, "}");
    zip.addReadStream(fs.createReadStream(dataJson), "data.json");
    for (const name of Object.keys(QUERIES)) zip.addReadStream(fs.createReadStream(path.join(tmp, `${name}.csv`)), `bench-product/${name}.csv`);
    zip.end();
    await once(out, "finish");
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const bytes = fs.statSync(file).size;
  fs.rmSync(file, { force: true });
  return { seconds: (performance.now() - started) / 1000, rows, bytes };
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. The portal and the run

async function main(): Promise<number> {
  const product = await createProduct();
  const portalUrl = await createBenchDatabase(`dsar_bench_fulfillment_${process.pid}`);
  Object.assign(process.env, {
    DATABASE_URL: portalUrl,
    APP_SECRET,
    WORKER_ENABLED: "true",
    QUEUE_POLL_SECONDS: "0.5",
    NODE_ENV: "production",
  });
  allowServerOnlyImports();
  const { db } = await import("@/lib/db");
  const { planRun, startRun } = await import("@/lib/fulfillment/runs");
  const { startJobWorker, stopJobWorker } = await import("@/lib/jobs/worker");
  const { sealSecret } = await import("@/lib/connectors/credentials");
  const { stopOutboxWorker } = await import("@/lib/mail/worker");
  onCleanup("portal connections", async () => {
    await stopJobWorker();
    await db.$disconnect();
  });
  void stopOutboxWorker;

  // The data map of the three collections.
  const admin = await db.staff.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
  const system = await db.dataSystem.create({
    data: {
      key: "bench-product",
      name: "Bench product database",
      ownerEmail: "platform@bench.test",
      purpose: "Benchmark",
      kind: "POSTGRES",
      connection: { host: product.host, port: product.port, database: product.database, user: product.user, schema: "public" },
      secret: sealSecret("unused-with-trust-auth"),
      secretSetAt: new Date(),
    },
  });
  const collection = async (name: string, position: number, fields: { name: string; categories: string[]; identity?: string; primaryKey?: boolean }[]) => {
    const c = await db.dataCollection.create({ data: { systemId: system.id, name, position } });
    const ids: Record<string, string> = {};
    for (const [i, f] of fields.entries()) {
      const row = await db.dataField.create({
        data: { collectionId: c.id, name: f.name, categories: f.categories, identity: f.identity ?? null, primaryKey: f.primaryKey ?? false, position: i },
      });
      ids[f.name] = row.id;
    }
    return ids;
  };
  const people = await collection("people", 0, [
    { name: "id", categories: ["user.unique_id"], primaryKey: true },
    { name: "email", categories: ["user.contact.email"], identity: "email" },
    { name: "name", categories: ["user.name"] },
  ]);
  const conversations = await collection("conversations", 1, [
    { name: "id", categories: ["system.operations"], primaryKey: true },
    { name: "person_id", categories: ["user.unique_id"] },
    { name: "subject", categories: ["user.content.private"] },
    { name: "started_at", categories: ["user.content.private"] },
  ]);
  const messages = await collection("messages", 2, [
    { name: "id", categories: ["system.operations"], primaryKey: true },
    { name: "conversation_id", categories: ["user.unique_id"] },
    { name: "body", categories: ["user.content.private"] },
    { name: "sent_at", categories: ["user.content.private"] },
  ]);
  await db.dataField.update({ where: { id: conversations.person_id! }, data: { referencesFieldId: people.id! } });
  await db.dataField.update({ where: { id: messages.conversation_id! }, data: { referencesFieldId: conversations.id! } });

  startJobWorker();
  let reference = 0;
  const request = async (email: string) =>
    db.request.create({
      data: {
        reference: `BENCH-${++reference}-${process.pid}`,
        type: "ACCESS",
        status: "RECEIVED",
        requesterEmail: email,
        country: "DE",
        jurisdiction: "GDPR",
        relationship: "ACCOUNT_HOLDER",
        details: {},
        verifiedAt: new Date(),
        dueAt: new Date(Date.now() + 30 * 86_400_000),
      },
      select: { id: true },
    });

  async function measureRun(email: string) {
    const { id: requestId } = await request(email);
    settle();
    const memory = sampleMemory();
    const clicked = performance.now();
    const clickedAt = Date.now();
    const run = await planRun(db, { requestId, kind: "ACCESS", identities: [], staffId: admin.id });
    await startRun(db, run.id, admin.id);
    let status = "";
    for (;;) {
      const row = await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true } });
      status = row.status;
      if (status === "READY" || status === "FAILED" || status === "CANCELLED") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const sealed = performance.now();
    const mem = memory.stop();
    if (status !== "READY") throw new Error(`The run ended ${status}, not READY`);
    const done = await db.fulfillmentRun.findUniqueOrThrow({
      where: { id: run.id },
      select: { startedAt: true, finishedAt: true, tasks: { select: { startedAt: true, recordsFound: true } }, packageId: true },
    });
    const pkg = await db.dataPackage.findUniqueOrThrow({ where: { id: done.packageId! }, select: { size: true } });
    const firstTaskStarted = Math.min(...done.tasks.map((t) => t.startedAt!.getTime()));
    const rows = done.tasks.reduce((n, t) => n + t.recordsFound, 0);
    const totalSeconds = (sealed - clicked) / 1000;
    const executionSeconds = (clickedAt + (sealed - clicked) - firstTaskStarted) / 1000;
    return {
      totalSeconds,
      pickupSeconds: (firstTaskStarted - done.startedAt!.getTime()) / 1000,
      executionSeconds,
      /** The tasks: searching and storing the records, sealed in chunks. */
      searchSeconds: (done.finishedAt!.getTime() - firstTaskStarted) / 1000,
      /** The package: reading the chunks back into the zip, sealed in parts. */
      assemblySeconds: (clickedAt + (sealed - clicked) - done.finishedAt!.getTime()) / 1000,
      rows,
      packageBytes: pkg.size,
      ...mem,
    };
  }

  const results: Record<string, unknown>[] = [];
  say(`warm-up run (${PERSONS[0]!.label})`);
  await measureRun(PERSONS[0]!.email);
  await baseline(product.url, PERSONS[0]!.email);
  for (const person of PERSONS) {
    for (let i = 0; i < RUNS; i++) {
      const run = await measureRun(person.email);
      settle();
      const memory = sampleMemory();
      const plain = await baseline(product.url, person.email);
      const plainMemory = memory.stop();
      if (plain.rows !== run.rows) throw new Error(`The run found ${run.rows} records, the plain script ${plain.rows}`);
      const row = {
        person: person.label,
        run: i + 1,
        ...run,
        baselineSeconds: plain.seconds,
        baselineBytes: plain.bytes,
        baselinePeakRssGrowthMb: plainMemory.peakRssGrowthMb,
        ratio: run.executionSeconds / plain.seconds,
        rowsPerSecond: Math.round(run.rows / run.executionSeconds),
      };
      results.push(row);
      say(
        `${person.label} #${i + 1}: click to sealed ${run.totalSeconds.toFixed(2)} s (pick-up ${run.pickupSeconds.toFixed(2)} s), ` +
          `execution ${run.executionSeconds.toFixed(2)} s (search ${run.searchSeconds.toFixed(2)}, package ${run.assemblySeconds.toFixed(2)}) vs plain ${plain.seconds.toFixed(2)} s = ${row.ratio.toFixed(2)}x, ` +
          `${row.rowsPerSecond.toLocaleString("en")} rows/s, peak RSS +${run.peakRssGrowthMb} MB (plain +${plainMemory.peakRssGrowthMb} MB)`,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log("\n| person | click to sealed (s) | queue pick-up (s) | execution (s) | plain script (s) | ratio | rows/s | peak RSS growth (MB) |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const person of PERSONS) {
    const rows = results.filter((r) => r.person === person.label) as unknown as {
      totalSeconds: number; pickupSeconds: number; executionSeconds: number; baselineSeconds: number; ratio: number; rowsPerSecond: number; peakRssGrowthMb: number;
    }[];
    console.log(
      `| ${person.label} | ${median(rows.map((r) => r.totalSeconds)).toFixed(2)} | ${median(rows.map((r) => r.pickupSeconds)).toFixed(2)} | ` +
        `${median(rows.map((r) => r.executionSeconds)).toFixed(2)} | ${median(rows.map((r) => r.baselineSeconds)).toFixed(2)} | ` +
        `${median(rows.map((r) => r.ratio)).toFixed(2)} | ${median(rows.map((r) => r.rowsPerSecond)).toLocaleString("en")} | ${Math.max(...rows.map((r) => r.peakRssGrowthMb))} |`,
    );
  }
  const file = writeResults("fulfillment", { load: await loadAverage(), runs: results });
  say(`results written to ${file}`);
  return 0;
}

await runMain(main);
