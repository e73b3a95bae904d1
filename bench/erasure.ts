// `npm run bench:erasure`: erasing one person with 100,001 rows across three tables of a
// 1,000,000-row PostgreSQL database, through the app's erasure connector, against a plain script
// doing the same work in the same batches. Prints both times, their ratio, the longest a single
// batch held its locks, and peak memory growth.
//
// 1. Product database `dsar_bench_erasure_<pid>` on BENCH_DATABASE_URL with real foreign keys:
//    people (100,000) <- conversations (100,000; person 1 has 1,000) <- messages (1,000,000;
//    person 1 has 99,000). The person's rows are put back before every measured run.
// 2. The erasure, as the map decides it: messages deleted (DELETE_ROW), conversations' subjects
//    replaced ("[erased]"), the person's email pseudonymised (HMAC) and name replaced.
// 3. App: the connector's read-only lookups stream the person's rows 1,000 at a time, and its
//    erasure session applies each batch in its own committed transaction, children before
//    parents (lib/connectors/erase-sql.ts). Baseline: a plain script with `pg` doing the same
//    lookups through a cursor and the same DELETE/UPDATE statements per 1,000 ids, no map, no
//    strategy, no pseudonym (a fixed value instead).
// 4. A batch's transaction is the longest any of its row locks is held: its duration is
//    measured around the statement and its COMMIT.
//
// BENCH_RUNS (3) measured runs after one warm-up. Writes JSON to bench/results/.
import Cursor from "pg-cursor";
import { createEmptyBenchDatabase, envNumber, loadAverage, runMain, sampleMemory, sayer, settle, writeResults } from "@/bench/harness";
import { withClient } from "@/lib/testing/test-database";
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";

const say = sayer("bench:erasure");
const RUNS = envNumber("BENCH_RUNS", 3);
const SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const PEOPLE = 100_000;
const MESSAGES = 1_000_000;
const MINE = { conversations: 1_000, messages: 99_000 };
const BATCH = 1_000;

async function createProduct(): Promise<string> {
  const name = `dsar_bench_erasure_${process.pid}`;
  const url = await createEmptyBenchDatabase(name);
  const started = Date.now();
  await withClient(url.toString(), async (c) => {
    await c.query(`
      CREATE TABLE people (id integer PRIMARY KEY, email text NOT NULL, name text NOT NULL);
      CREATE TABLE conversations (id integer PRIMARY KEY, person_id integer NOT NULL REFERENCES people(id), subject text NOT NULL);
      CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id integer NOT NULL REFERENCES conversations(id), body text NOT NULL);
      INSERT INTO people SELECT g, 'person' || g || '@example.com', 'Person ' || g FROM generate_series(1, ${PEOPLE}) g;
      INSERT INTO conversations SELECT g, CASE WHEN g <= ${MINE.conversations} THEN 1 ELSE g - ${MINE.conversations} + 1 END, 'Subject ' || g
        FROM generate_series(1, ${PEOPLE}) g;
      INSERT INTO messages SELECT g, ${MINE.conversations} + 1 + (g % ${PEOPLE - MINE.conversations}), md5(g::text)
        FROM generate_series(${MINE.messages + 1}, ${MESSAGES}) g;
      CREATE INDEX people_email_idx ON people (lower(btrim(email)));
      CREATE INDEX conversations_person_idx ON conversations (person_id);
      CREATE INDEX messages_conversation_idx ON messages (conversation_id);`);
  });
  await restorePerson(url.toString());
  say(`product database: ${PEOPLE.toLocaleString("en")} people, ${MESSAGES.toLocaleString("en")} messages, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return url.toString();
}

/** Person 1's rows as they were before an erasure: 1 person, 1,000 conversations, 99,000 messages. */
async function restorePerson(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`
      UPDATE people SET email = 'Person1@Example.com', name = 'Person 1' WHERE id = 1;
      UPDATE conversations SET subject = 'Subject ' || id WHERE person_id = 1;
      INSERT INTO messages SELECT g, 1 + (g % ${MINE.conversations}), md5(g::text) FROM generate_series(1, ${MINE.messages}) g ON CONFLICT (id) DO NOTHING;`);
    await c.query("VACUUM ANALYZE people, conversations, messages");
  });
}

type Outcome = { seconds: number; rows: number; longestBatchMs: number; batches: number };

/** Times each batch's transaction (the longest its locks are held). */
function batchTimer() {
  let longest = 0;
  let count = 0;
  return {
    async time<T>(work: () => Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await work();
      } finally {
        longest = Math.max(longest, performance.now() - started);
        count++;
      }
    },
    result: () => ({ longestBatchMs: longest, batches: count }),
  };
}

async function main(): Promise<number> {
  const productUrl = await createProduct();
  const parsed = new URL(productUrl);
  Object.assign(process.env, { APP_SECRET: SECRET, DATABASE_URL: productUrl, NODE_ENV: "production" });
  allowServerOnlyImports();
  const { postgresConnector } = await import("@/lib/connectors/postgres");
  const { collectionErasure } = await import("@/lib/erasure/collection");
  const { pseudonym } = await import("@/lib/erasure/pseudonym");
  const { mapSystem } = await import("@/lib/testing/product-db");

  const system = mapSystem("POSTGRES", { host: parsed.hostname, port: Number(parsed.port || 5432), database: parsed.pathname.slice(1), user: decodeURIComponent(parsed.username) || "postgres" }, [
    { name: "people", fields: [{ name: "id", primaryKey: true, categories: ["user.unique_id"] }, { name: "email", identity: "email", categories: ["user.contact.email"] }, { name: "name", categories: ["user.name"] }] },
    { name: "conversations", fields: [{ name: "id", primaryKey: true, categories: ["system.operations"] }, { name: "person_id", references: "people.id", categories: ["system.operations"] }, { name: "subject", categories: ["user.content.private"] }] },
    { name: "messages", fields: [{ name: "id", primaryKey: true, categories: ["system.operations"] }, { name: "conversation_id", references: "conversations.id", categories: ["system.operations"] }, { name: "body", categories: ["user.content.private"] }] },
  ]);
  const collection = (name: string) => system.collections.find((c) => c.name === name)!;
  const field = (c: string, f: string) => collection(c).fields.find((x) => x.name === f)!;
  field("people", "email").erasure = { strategy: "PSEUDONYMIZE", value: null, reason: null };
  field("people", "name").erasure = { strategy: "FIXED_VALUE", value: "Erased person", reason: null };
  field("conversations", "subject").erasure = { strategy: "FIXED_VALUE", value: "[erased]", reason: null };
  field("messages", "body").erasure = { strategy: "DELETE_ROW", value: null, reason: null };
  const erasureOf = (name: string, foundBy: string) => collectionErasure(collection(name), { referenced: new Set(["people.id", "conversations.id"]), foundBy: [foundBy] });
  const pseudonymOf = (value: string, email: boolean) => pseudonym(SECRET, value, email);

  async function app(): Promise<Outcome> {
    const started = performance.now();
    const timer = batchTimer();
    let rows = 0;
    const reader = await postgresConnector.open(system, null);
    const eraser = await postgresConnector.openErasure!(system, null);
    try {
      const lookup = (c: string, f: string, values: string[]) => reader.lookup({ collection: collection(c), field: field(c, f), values });
      const people: string[] = [];
      const person: Record<string, unknown>[] = [];
      for await (const batch of lookup("people", "email", ["person1@example.com"])) for (const r of batch) (people.push(String(r.id)), person.push(r));
      const conversations: Record<string, unknown>[] = [];
      for await (const batch of lookup("conversations", "person_id", people)) conversations.push(...batch);
      // Children first, streamed: each batch of messages is erased as it is read (the read-only
      // lookup's snapshot is another connection's, so it is not disturbed).
      for await (const batch of lookup("messages", "conversation_id", conversations.map((c) => String(c.id)))) {
        rows += await timer.time(() => eraser.erase(collection("messages"), erasureOf("messages", "conversation_id"), batch, pseudonymOf));
      }
      for (let i = 0; i < conversations.length; i += BATCH) {
        const batch = conversations.slice(i, i + BATCH);
        rows += await timer.time(() => eraser.erase(collection("conversations"), erasureOf("conversations", "person_id"), batch as never, pseudonymOf));
      }
      rows += await timer.time(() => eraser.erase(collection("people"), erasureOf("people", "email"), person as never, pseudonymOf));
    } finally {
      await reader.close();
      await eraser.close();
    }
    return { seconds: (performance.now() - started) / 1000, rows, ...timer.result() };
  }

  async function plain(): Promise<Outcome> {
    const started = performance.now();
    const timer = batchTimer();
    let rows = 0;
    // Two connections, as the app has: one reads in a read-only snapshot, the other writes.
    await withClient(productUrl, (reader) =>
      withClient(productUrl, async (writer) => {
        const write = (sql: string, params: unknown[]) =>
          timer.time(async () => {
            await writer.query("BEGIN");
            const result = await writer.query(sql, params);
            await writer.query("COMMIT");
            return result.rowCount ?? 0;
          });
        await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const people = (await reader.query("SELECT id, email, name FROM people WHERE lower(btrim(email)) = ANY($1)", [["person1@example.com"]])).rows;
        const conversations = (await reader.query("SELECT id, person_id, subject FROM conversations WHERE person_id = ANY($1)", [people.map((p) => p.id)])).rows;
        const cursor = reader.query(new Cursor("SELECT id, conversation_id, body FROM messages WHERE conversation_id = ANY($1)", [conversations.map((x) => x.id)]));
        for (;;) {
          const batch = await cursor.read(BATCH);
          if (!batch.length) break;
          rows += await write("DELETE FROM messages WHERE id = ANY($1)", [batch.map((m: { id: unknown }) => m.id)]);
        }
        await cursor.close();
        await reader.query("COMMIT");
        for (let i = 0; i < conversations.length; i += BATCH) {
          rows += await write("UPDATE conversations SET subject = '[erased]' WHERE id = ANY($1)", [conversations.slice(i, i + BATCH).map((x) => x.id)]);
        }
        rows += await write("UPDATE people SET email = 'erased', name = 'Erased person' WHERE id = ANY($1)", [people.map((p) => p.id)]);
      }),
    );
    return { seconds: (performance.now() - started) / 1000, rows, ...timer.result() };
  }

  const measure = async (work: () => Promise<Outcome>) => {
    await restorePerson(productUrl);
    settle();
    const memory = sampleMemory();
    const outcome = await work();
    return { ...outcome, ...memory.stop() };
  };

  say("warm-up");
  await measure(app);
  await measure(plain);
  const results: Record<string, unknown>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await measure(app);
    const b = await measure(plain);
    if (a.rows !== b.rows) throw new Error(`The app erased ${a.rows} rows, the plain script ${b.rows}`);
    const row = { run: i + 1, app: a, plain: b, ratio: a.seconds / b.seconds };
    results.push(row);
    say(
      `#${i + 1}: ${a.rows.toLocaleString("en")} rows in ${a.seconds.toFixed(2)} s vs plain ${b.seconds.toFixed(2)} s = ${row.ratio.toFixed(2)}x; ` +
        `longest batch ${a.longestBatchMs.toFixed(0)} ms (plain ${b.longestBatchMs.toFixed(0)} ms) over ${a.batches} batches; peak RSS +${a.peakRssGrowthMb} MB (plain +${b.peakRssGrowthMb} MB)`,
    );
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const apps = results.map((r) => r.app as Outcome & { peakRssGrowthMb: number });
  const plains = results.map((r) => r.plain as Outcome);
  console.log("\n| rows | app (s) | plain script (s) | ratio | longest batch, app (ms) | longest batch, plain (ms) | peak RSS growth (MB) |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(
    `| ${apps[0]!.rows.toLocaleString("en")} | ${median(apps.map((a) => a.seconds)).toFixed(2)} | ${median(plains.map((p) => p.seconds)).toFixed(2)} | ` +
      `${median(results.map((r) => r.ratio as number)).toFixed(2)} | ${Math.max(...apps.map((a) => a.longestBatchMs)).toFixed(0)} | ${Math.max(...plains.map((p) => p.longestBatchMs)).toFixed(0)} | ${Math.max(...apps.map((a) => a.peakRssGrowthMb))} |`,
  );
  const file = writeResults("erasure", { load: await loadAverage(), runs: results });
  say(`results written to ${file}`);
  return 0;
}

await runMain(main);
