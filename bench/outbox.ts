// `npm run bench:outbox`: how fast the outbox worker drains a queue into a local SMTP server, and
// how that compares with nodemailer alone sending the same messages over the same pool.
//
// 1. Makes a fresh seeded database `dsar_bench_outbox` on BENCH_DATABASE_URL (dropped at the end)
//    and starts an SMTP sink in its own process (smtp-server, as scripts/mail-catcher.ts, but it
//    only counts messages by Message-ID, so the server costs little and is the same for both).
// 2. Worker: starts 1, then 2 worker processes, each running the app's own outbox worker
//    (startOutboxWorker with the production transport, SMTP_URL pointing at the sink). For each
//    run it writes BENCH_EMAILS (2000) verification emails into the outbox, sealed as the app seals
//    them and not yet due, then makes them all due at once and times from that moment to the last
//    `sent_at`. One warm-up run first.
// 3. Baseline: renders the same messages beforehand and hands them all at once to the same
//    transport (lib/mail/transport.ts: the same pool settings), in this process. No database, no
//    rendering, no bookkeeping: the floor the SMTP pool and the sink set on this machine.
// 4. Checks every outbox row ended SENT after one attempt and the sink received each Message-ID
//    exactly once (and each baseline message once).
//
// BENCH_EMAILS (2000) per run, BENCH_RUNS (3) measured runs per setting, BENCH_CPU_PROF=<dir> profiles the
// workers. Prints a table and writes
// JSON to bench/results/. This file doubles as the sink (`--smtp-sink`) and a worker (`--worker`).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { createBenchDatabase, envNumber, loadAverage, onCleanup, runMain, sayer, startProcess, waitFor, writeResults } from "@/bench/harness";
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { freePort } from "@/lib/testing/test-database";

const say = sayer("bench:outbox");
const EMAILS = envNumber("BENCH_EMAILS", 2000);
const RUNS = envNumber("BENCH_RUNS", 3);
const WARMUP_EMAILS = 200;
const INSTANCES = [1, 2];
const APP_URL = "http://bench.localhost:3000";
const APP_SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const FROM = '"Jexi Privacy" <privacy@jexi.test>';

type Counts = { total: number; counts: Record<string, number> };
type Sample = { seconds: number; perSecond: number; cpu: Record<string, number>; machineBusy: number };

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc), to say what limits the rate.

function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  return { busy: total - idle, total };
}

function cpuMeter(pids: Record<string, number>) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid === process.pid ? -1 : processCpuMs(pid)]));
  const ownBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  return () => {
    const own = process.cpuUsage(ownBefore);
    const machineAfter = machineTicks();
    const cpu = Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => [name, pid === process.pid ? (own.user + own.system) / 1000 : processCpuMs(pid) - before[name]!]),
    );
    const machineBusy = (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);
    return { cpu, machineBusy };
  };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  allowServerOnlyImports();
  Object.assign(process.env, { APP_URL, APP_SECRET, MAIL_FROM: FROM, WORKER_ENABLED: "false" });
  const { sealEmail } = await import("@/lib/mail/outbox");
  const { renderEmail } = await import("@/lib/mail/render");
  const { outboxMessageId } = await import("@/lib/mail/sender");
  const { createSmtpTransport } = await import("@/lib/mail/transport");
  const { PREVIEW_ORGANIZATION } = await import("@/emails/components/preview-organization");

  say(`${EMAILS} emails per run, ${RUNS} runs per setting, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), node ${process.version}`);
  const databaseUrl = await createBenchDatabase("dsar_bench_outbox");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // Closed before the database is dropped (cleanups run last first); a dropped connection is no crash.
  pool.on("error", () => {});
  onCleanup("database pool", () => pool.end());
  const onServer = async () => (await pool.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  say(`database ready (PostgreSQL ${await onServer()})`);

  const smtpPort = await freePort();
  const sinkHttpPort = await freePort();
  const sink = startProcess("smtp sink", process.execPath, [...process.execArgv, import.meta.filename, "--smtp-sink"], {
    env: { ...process.env, SINK_SMTP_PORT: String(smtpPort), SINK_HTTP_PORT: String(sinkHttpPort) },
  });
  const sinkUrl = `http://127.0.0.1:${sinkHttpPort}`;
  await waitFor(`${sinkUrl}/health`, 30_000, sink.child);
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  const sinkCounts = async (): Promise<Counts> => (await fetch(`${sinkUrl}/counts`)).json() as Promise<Counts>;
  const resetSink = async () => void (await fetch(`${sinkUrl}/counts`, { method: "DELETE" }));

  let sequence = 0;
  const props = () => {
    const reference = `DSR-BENCH-${++sequence}`;
    return {
      org: PREVIEW_ORGANIZATION,
      reference,
      requestTypeLabel: "Access my data",
      code: String(100000 + (sequence % 900000)),
      verifyUrl: `${APP_URL}/requests/verify/link/${randomUUID()}`,
      statusUrl: `${APP_URL}/requests/status/${randomUUID()}`,
      expiresInMinutes: 15,
    };
  };

  /** Writes `count` sealed emails that are not due yet; returns their ids. */
  async function fill(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 500) {
      const chunk = Array.from({ length: Math.min(500, count - start) }, () => {
        const id = randomUUID();
        ids.push(id);
        return { id, ...sealEmail({ template: "verify-email", to: `person${sequence}@bench.test`, props: props() }) };
      });
      await pool.query(
        `INSERT INTO email_outbox (id, template, payload, status, attempts, next_attempt_at)
         SELECT id, 'verify-email', payload, 'PENDING', 0, 'infinity'::timestamp FROM unnest($1::uuid[], $2::bytea[]) AS t(id, payload)`,
        [chunk.map((c) => c.id), chunk.map((c) => Buffer.from(c.payload))],
      );
    }
    return ids;
  }

  /** Makes the rows due at once and waits until every one is SENT or DEAD; the rate is to the last sent_at. */
  async function drain(ids: string[], pids: Record<string, number>): Promise<Sample> {
    await resetSink();
    const meter = cpuMeter(pids);
    const startedAt = new Date();
    await pool.query(`UPDATE email_outbox SET next_attempt_at = $1::timestamp WHERE id = ANY($2::uuid[])`, [startedAt, ids]);
    const deadline = Date.now() + 120_000 + ids.length * 100;
    for (;;) {
      const { rows } = await pool.query<{ open: string }>(
        `SELECT count(*) AS open FROM email_outbox WHERE id = ANY($1::uuid[]) AND status IN ('PENDING', 'SENDING')`,
        [ids],
      );
      if (Number(rows[0]!.open) === 0) break;
      if (Date.now() > deadline) throw new Error(`${rows[0]!.open} emails still not sent after ${(Date.now() - startedAt.getTime()) / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { cpu, machineBusy } = meter();
    const { rows } = await pool.query<{ last: Date }>(`SELECT max(sent_at) AS last FROM email_outbox WHERE id = ANY($1::uuid[])`, [ids]);
    const seconds = (rows[0]!.last.getTime() - startedAt.getTime()) / 1000;
    await checkDelivered(ids);
    return { seconds, perSecond: ids.length / seconds, cpu, machineBusy };
  }

  const problems: string[] = [];
  async function checkDelivered(ids: string[]) {
    const { rows } = await pool.query<{ status: string; attempts: number; n: string }>(
      `SELECT status, attempts, count(*) AS n FROM email_outbox WHERE id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [ids],
    );
    const notOnce = rows.filter((r) => r.status !== "SENT" || r.attempts !== 1);
    if (notOnce.length) problems.push(`rows not SENT after one attempt: ${JSON.stringify(notOnce)}`);
    await expectEachOnce(ids.map((id) => outboxMessageId(id, APP_URL)));
  }
  async function expectEachOnce(messageIds: string[]) {
    const { total, counts } = await sinkCounts();
    const wrong = messageIds.filter((m) => counts[m] !== 1);
    if (total !== messageIds.length || wrong.length) {
      problems.push(`sink received ${total} messages for ${messageIds.length}; ${wrong.length} Message-IDs not exactly once (e.g. ${wrong[0]}: ${counts[wrong[0]!] ?? 0})`);
    }
  }

  // --- the worker, in 1 and 2 processes
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each worker process, to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const workerResults: Record<number, Sample[]> = {};
  for (const instances of INSTANCES) {
    const workers = Array.from({ length: instances }, (_, i) =>
      startProcess(`worker ${i + 1}`, process.execPath, [...process.execArgv, ...profile, import.meta.filename, "--worker"], {
        env: {
          ...process.env,
          // React's development build (its default) renders several times slower than production's.
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          SMTP_URL: smtpUrl,
          WORKER_ENABLED: "true",
          WORKER_POLL_MS: "50",
        },
      }),
    );
    const pids: Record<string, number> = { sink: sink.child.pid! };
    workers.forEach((w, i) => (pids[`worker${i + 1}`] = w.child.pid!));
    // The warm-up also waits for the processes to start and connect.
    await drain(await fill(WARMUP_EMAILS), pids);
    workerResults[instances] = [];
    for (let run = 1; run <= RUNS; run++) {
      const sample = await drain(await fill(EMAILS), pids);
      workerResults[instances].push(sample);
      say(`worker x${instances} run ${run}: ${sample.perSecond.toFixed(1)} emails/s (${sample.seconds.toFixed(2)} s; cpu ms ${cpuText(sample)}; machine ${(sample.machineBusy * 100).toFixed(0)}% busy)`);
    }
    for (const w of workers) await w.stop();
  }

  // --- the baseline: the same rendered messages straight into the same pool
  const transport = createSmtpTransport(smtpUrl);
  const baseline: Sample[] = [];
  const render = async (count: number) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const p = props();
        const rendered = await renderEmail("verify-email", p);
        const id = randomUUID();
        return {
          from: FROM,
          to: `person${sequence}@bench.test`,
          ...rendered,
          messageId: outboxMessageId(id, APP_URL),
          headers: { "Auto-Submitted": "auto-generated" },
        };
      }),
    );
  const send = async (messages: Awaited<ReturnType<typeof render>>) => {
    await resetSink();
    const meter = cpuMeter({ sink: sink.child.pid!, sender: process.pid });
    const started = performance.now();
    await Promise.all(messages.map((m) => transport.send(m)));
    const seconds = (performance.now() - started) / 1000;
    const { cpu, machineBusy } = meter();
    await expectEachOnce(messages.map((m) => m.messageId));
    return { seconds, perSecond: messages.length / seconds, cpu, machineBusy };
  };
  await send(await render(WARMUP_EMAILS));
  for (let run = 1; run <= RUNS; run++) {
    const sample = await send(await render(EMAILS));
    baseline.push(sample);
    say(`baseline run ${run}: ${sample.perSecond.toFixed(1)} emails/s (${sample.seconds.toFixed(2)} s; cpu ms ${cpuText(sample)}; machine ${(sample.machineBusy * 100).toFixed(0)}% busy)`);
  }

  const median = (samples: Sample[]) => [...samples].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(samples.length / 2)]!;
  const base = median(baseline).perSecond;
  const load = await loadAverage();
  console.log("");
  console.log(`| setting | emails/s (median of ${RUNS}) | min – max | ratio to baseline |`);
  console.log("|---|---|---|---|");
  for (const instances of INSTANCES) {
    const samples = workerResults[instances]!;
    const m = median(samples).perSecond;
    const rates = samples.map((s) => s.perSecond);
    console.log(`| worker, ${instances} process${instances > 1 ? "es" : ""} | ${m.toFixed(1)} | ${Math.min(...rates).toFixed(1)} – ${Math.max(...rates).toFixed(1)} | ${(m / base).toFixed(2)} |`);
  }
  const baseRates = baseline.map((s) => s.perSecond);
  console.log(`| baseline: nodemailer, same pool | ${base.toFixed(1)} | ${Math.min(...baseRates).toFixed(1)} – ${Math.max(...baseRates).toFixed(1)} | 1.00 |`);
  console.log(`load average at the end: ${load.join(" ")}`);
  console.log(problems.length ? `delivery check: FAILED\n${problems.join("\n")}` : "delivery check: OK (every row SENT after one attempt, every Message-ID received exactly once)");

  const out = writeResults("outbox", {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: load },
    emails: EMAILS,
    runs: RUNS,
    worker: workerResults,
    baseline,
    problems,
  });
  say(`results written to ${out}`);
  return problems.length ? 1 : 0;
}

function cpuText(sample: Sample): string {
  return Object.entries(sample.cpu)
    .map(([name, ms]) => `${name} ${Math.round(ms)}`)
    .join(", ");
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** The app's outbox worker as a production process runs it, configured by the environment. */
async function workerProcess(): Promise<void> {
  allowServerOnlyImports();
  const { startOutboxWorker, stopOutboxWorker } = await import("@/lib/mail/worker");
  startOutboxWorker();
  process.once("SIGTERM", () => void stopOutboxWorker().finally(() => process.exit(0)));
}

/** The sink in a process of its own; GET /counts reports what it accepted by Message-ID, DELETE /counts resets. */
async function smtpSink(): Promise<void> {
  const sink = await startSmtpSink({ port: Number(process.env.SINK_SMTP_PORT) });
  const web = http.createServer((req, res) => {
    // Minutes pass between requests: a kept-alive socket the server has closed meanwhile would fail the next fetch.
    res.setHeader("connection", "close");
    if (req.url === "/health") return void res.end("ok");
    if (req.url === "/counts" && req.method === "DELETE") {
      sink.arrived.length = 0;
      sink.accepted.length = 0;
      return void res.writeHead(204).end();
    }
    if (req.url === "/counts") {
      const counts: Record<string, number> = {};
      for (const id of sink.accepted) counts[id] = (counts[id] ?? 0) + 1;
      res.setHeader("content-type", "application/json");
      return void res.end(JSON.stringify({ total: sink.accepted.length, counts }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => web.listen(Number(process.env.SINK_HTTP_PORT), "127.0.0.1", () => resolve()));
  // Nothing to flush: the counts live only for the benchmark that asked for them.
  process.once("SIGTERM", () => process.exit(0));
}

if (process.argv.includes("--smtp-sink")) await smtpSink();
else if (process.argv.includes("--worker")) await workerProcess();
else await runMain(main);
