// `npm run bench:submit`: how fast the real submit path is, and how that compares with the floor
// a bare Node HTTP server + pg insert sets on this machine.
//
// 1. Builds the app into .next-bench, makes a fresh seeded database `dsar_bench` on
//    BENCH_DATABASE_URL, and serves it with `next start` (production, real SMTP mail catcher, so
//    the in-process outbox worker delivers emails during the run as it would in production).
// 2. Drives the server action exactly as the browser does (POST /requests/new with Next-Action),
//    with rate limits so high that the limiter runs on every request but never refuses.
// 3. Stops the app and drives a bare http + pg server doing one plain INSERT into `requests`.
// 4. Checks that the rows each phase stored equal the submissions it accepted.
//
// BENCH_CLIENTS (50), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2) tune the load.
// This file doubles as the bare server: `tsx bench/submit.ts --bare-server` (run by the benchmark).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  buildBench,
  createBenchDatabase,
  distPath,
  envNumber,
  loadAverage,
  onCleanup,
  root,
  runLoad,
  runMain,
  sayer,
  startApp,
  startProcess,
  waitFor,
  type LoadResult,
} from "@/bench/harness";
import { freePort } from "@/lib/testing/test-database";
import { requestInput } from "@/lib/testing/fixtures";
import { jurisdictionFor } from "@/lib/requests/jurisdiction";
import { newReference } from "@/lib/requests/reference";

const say = sayer("bench");
const ACTION_NAME = "submitRequestAction";
const ACTION_WORKER = "app/(public)/requests/new/page";
const DATABASE = "dsar_bench";
// Matches the app's default DB_POOL_MAX, so both servers get the same number of connections.
const POOL_MAX = Number(process.env.DB_POOL_MAX ?? 10);
const NO_LIMIT = "10000000";

// What the form posts: the action's arguments, JSON-encoded (a plain object needs no FormData),
// with a unique email each time. The action's answer is an RSC stream whose row 1 is its result.
const body = () => JSON.stringify([requestInput()]);
const accepted = (response: string) => response.includes('"ok":true');

type ServerReferenceManifest = {
  node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
};

/**
 * The action's id is a hash Next computes at build time and writes into the server reference
 * manifest; the browser gets the same id baked into the form's client chunk. We read it from the
 * build we are about to serve, so it always matches (it is not hard-coded anywhere).
 */
function findActionId(): string {
  const file = path.join(distPath, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as ServerReferenceManifest;
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName === ACTION_NAME && ACTION_WORKER in entry.workers)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one ${ACTION_NAME} for ${ACTION_WORKER} in ${file}, found ${ids.length}`);
  return ids[0]!;
}

/**
 * One submission before the clock starts: it loads the action's code in the server and fails fast,
 * with the server's answer, if the id or headers are wrong (rather than after 10 s of refusals).
 */
async function primeAction(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { method: "POST", headers, body: body() });
  const text = await response.text();
  if (!response.ok || !accepted(text)) throw new Error(`a first submission was not accepted: HTTP ${response.status}: ${text.slice(0, 300)}`);
}

/** The id must be in the JavaScript the page ships, or we would not be calling what the browser calls. */
async function assertPageShipsAction(baseUrl: string, actionId: string): Promise<void> {
  const html = await (await fetch(`${baseUrl}/requests/new`)).text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/[^"]+)"/g)].map((m) => m[1]!);
  for (const src of scripts) {
    if ((await (await fetch(`${baseUrl}${src}`)).text()).includes(actionId)) return;
  }
  throw new Error(`action id ${actionId} is not in any script /requests/new loads: the manifest and the page disagree`);
}

async function countRows(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM requests");
  return Number(rows[0]!.n);
}

async function outboxByStatus(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ status: string; n: string }>("SELECT status, count(*) AS n FROM email_outbox GROUP BY status");
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

type Phase = { name: string; load: LoadResult; rowsStored: number; rowsCheck: boolean; outbox?: Record<string, number> };

function report(phase: Phase): void {
  const { load } = phase;
  const f = (n: number) => n.toFixed(1);
  say(
    `${phase.name}: ${f(load.requestsPerSecond)} req/s (${f(load.acceptedPerSecond)} accepted/s), ` +
      `p50 ${f(load.p50Ms)} ms, p99 ${f(load.p99Ms)} ms, max ${f(load.maxMs)} ms`,
  );
  say(
    `${phase.name}: measured ${load.measured.requests} requests = ${load.measured.accepted} accepted, ` +
      `${load.measured.refused} refused, ${load.measured.errors} errors ` +
      `(+ warm-up ${load.warmup.accepted} accepted/${load.warmup.requests}, drain ${load.drain.accepted} accepted/${load.drain.requests})`,
  );
  for (const sample of load.sampleErrors) say(`${phase.name}: sample failure: ${sample}`);
  say(
    `${phase.name}: rows stored ${phase.rowsStored}, accepted ${load.acceptedTotal} (warm-up + measured + drain) → ` +
      (phase.rowsCheck ? "match" : "MISMATCH"),
  );
}

async function benchmark(): Promise<number> {
  const clients = envNumber("BENCH_CLIENTS", 50);
  const warmupMs = envNumber("BENCH_WARMUP_SECONDS", 2) * 1000;
  const durationMs = envNumber("BENCH_SECONDS", 10) * 1000;
  const load = (url: string, headers: Record<string, string>) =>
    runLoad({ url, headers, body, accepted, clients, warmupMs, durationMs });

  await buildBench(say);
  const actionId = findActionId();
  say(`action id of ${ACTION_NAME}: ${actionId}`);
  const databaseUrl = await createBenchDatabase(DATABASE);
  say(`database ${DATABASE} created, migrated and seeded`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  onCleanup("pg pool", () => pool.end());

  // --- the app
  const app = await startApp(databaseUrl, {
    RATE_LIMIT_SUBMIT_PER_IP_PER_HOUR: NO_LIMIT,
    RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY: NO_LIMIT,
    // The server's path, not the browser's proof of work (lib/pow), is measured here.
    POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR: NO_LIMIT,
  });
  say(`next start on ${app.baseUrl}`);
  await assertPageShipsAction(app.baseUrl, actionId);
  const appHeaders = {
    "Next-Action": actionId,
    Accept: "text/x-component",
    "Content-Type": "text/plain;charset=UTF-8",
    Origin: app.baseUrl,
    "Accept-Encoding": "gzip, deflate, br",
  };
  await primeAction(`${app.baseUrl}/requests/new`, appHeaders);
  const loadBeforeApp = await loadAverage();
  say(`load average before the app phase: ${loadBeforeApp.join(" ")}; ${clients} clients, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured`);
  const appRowsBefore = await countRows(pool);
  const appLoad = await load(`${app.baseUrl}/requests/new`, appHeaders);
  const appOutbox = await outboxByStatus(pool);
  await app.stop();
  const appRows = (await countRows(pool)) - appRowsBefore;
  const appPhase: Phase = { name: "app", load: appLoad, rowsStored: appRows, rowsCheck: appRows === appLoad.acceptedTotal, outbox: appOutbox };
  report(appPhase);
  say(`app: outbox when the phase ended: ${JSON.stringify(appOutbox)} (the worker delivered the SENT ones during the run)`);

  // --- the bare server, alone on the machine like the app was
  const barePort = await freePort();
  const bare = startProcess("bare server", process.execPath, [...process.execArgv, import.meta.filename, "--bare-server"], {
    env: { ...process.env, BARE_DATABASE_URL: databaseUrl, BARE_PORT: String(barePort) },
  });
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitFor(`${bareUrl}/health`, 30_000, bare.child);
  const loadBeforeBare = await loadAverage();
  say(`bare http + pg server on ${bareUrl} (pool max ${POOL_MAX}); load average: ${loadBeforeBare.join(" ")}`);
  const bareRowsBefore = await countRows(pool);
  const bareLoad = await load(`${bareUrl}/requests/new`, { "Content-Type": "text/plain;charset=UTF-8" });
  await bare.stop();
  const bareRows = (await countRows(pool)) - bareRowsBefore;
  const barePhase: Phase = { name: "bare", load: bareLoad, rowsStored: bareRows, rowsCheck: bareRows === bareLoad.acceptedTotal };
  report(barePhase);

  const ratio = appLoad.acceptedPerSecond / bareLoad.acceptedPerSecond;
  say(`ratio app/bare (accepted per second): ${ratio.toFixed(3)}`);
  const rowsOk = appPhase.rowsCheck && barePhase.rowsCheck;
  const failures = appLoad.measured.refused + appLoad.measured.errors + bareLoad.measured.refused + bareLoad.measured.errors;
  console.log(
    rowsOk
      ? "rows check: OK"
      : `rows check: MISMATCH (app stored ${appRows} rows for ${appLoad.acceptedTotal} accepted; bare stored ${bareRows} for ${bareLoad.acceptedTotal})`,
  );

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const resultsDir = path.join(root, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `submit-${stamp}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version, loadAverageBeforeApp: loadBeforeApp, loadAverageBeforeBare: loadBeforeBare },
        config: { clients, warmupSeconds: warmupMs / 1000, seconds: durationMs / 1000, poolMax: POOL_MAX, actionId },
        app: appPhase,
        bare: barePhase,
        ratio,
        rowsCheck: rowsOk ? "OK" : "MISMATCH",
      },
      null,
      2,
    ) + "\n",
  );
  say(`results written to ${path.relative(root, out)}`);
  if (failures > 0) say(`note: ${failures} requests were refused or failed in the measured windows`);
  return rowsOk ? 0 : 1;
}

/**
 * The floor: HTTP, JSON parsing and one INSERT with the columns the app writes, nothing else (no
 * validation, rate limit, transaction, audit event, token, challenge or email). Runs in its own
 * process, as the app does, so it does not share an event loop with the load generator.
 */
async function bareServer(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: POOL_MAX });
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM policy_versions WHERE published_at IS NOT NULL AND effective_at <= now() ORDER BY effective_at DESC LIMIT 1",
  );
  const policyVersionId = rows[0]?.id ?? null;
  const server = http.createServer((request, response) => {
    if (request.method === "GET" && request.url === "/health") {
      response.end("ok");
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        try {
          const [input] = JSON.parse(Buffer.concat(chunks).toString("utf8")) as [Record<string, unknown>];
          const now = new Date();
          const id = randomUUID();
          await pool.query(
            `INSERT INTO requests (id, reference, type, status, requester_name, requester_email, country, region, jurisdiction,
               relationship, workspace_reference, details, policy_version_id, received_at, due_at, updated_at)
             VALUES ($1, $2, $3, 'PENDING_VERIFICATION', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13)`,
            [
              id,
              newReference(),
              input.type,
              input.name,
              input.email,
              input.country,
              input.region ?? null,
              jurisdictionFor(String(input.country), input.region as string | undefined),
              input.relationship,
              input.workspaceReference ?? null,
              JSON.stringify(input.details ?? {}),
              policyVersionId,
              now,
              new Date(now.getTime() + 30 * 86_400_000),
            ],
          );
          response.writeHead(200, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ ok: true, data: { requestId: id } }));
        } catch (error) {
          response.writeHead(500, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ ok: false, formError: (error as Error).message }));
        }
      })();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen(Number(process.env.BARE_PORT), "127.0.0.1");
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv.includes("--bare-server")) await bareServer();
else await runMain(benchmark);
