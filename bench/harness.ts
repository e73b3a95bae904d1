// Shared setup for the benchmarks: a production build in its own folder (.next-bench, so it never
// disturbs a served .next), a fresh seeded database, `next start` with a real SMTP catcher, and a
// keep-alive HTTP load generator. Everything started here is registered for cleanup.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import zlib from "node:zlib";
import { createPrismaClient } from "@/lib/prisma-client";
import { createTestDatabase, freePort, withClient } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";

export const root = path.resolve(import.meta.dirname, "..");
export const DIST_DIR = ".next-bench";
export const distPath = path.join(root, DIST_DIR);

export function sayer(tag: string) {
  return (line: string) => console.log(`[${tag}] ${line}`);
}

/** Environment for children: the parent's plus `extra`; NEXT_DIST_DIR always points at our build. */
export type Env = Record<string, string | undefined>;

export function benchEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra, NEXT_DIST_DIR: DIST_DIR } as NodeJS.ProcessEnv;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one stack, run once, on success, failure or Ctrl-C.

const cleanups: { name: string; run: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | undefined;

export function onCleanup(name: string, run: () => Promise<void> | void): void {
  cleanups.push({ name, run });
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { name, run } = cleanups.pop()!;
      try {
        await run();
      } catch (error) {
        console.error(`[cleanup] ${name}: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Runs `main`, always cleans up (on Ctrl-C too), and exits with its code (1 on a thrown error). */
export async function runMain(main: () => Promise<number>): Promise<never> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`[cleanup] ${signal}: stopping what the benchmark started`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  } finally {
    await cleanupAll();
  }
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * `next build` writes its distDir into tsconfig.json ("include") and next-env.d.ts. With
 * NEXT_DIST_DIR=.next-bench that would leave edits in two shared files and change the source hash
 * the e2e runner's .next build depends on. So we put them back afterwards, but only when the sole
 * difference is the one Next made: anyone else's concurrent edit is left alone (and reported).
 */
function guardProjectFiles(say: (line: string) => void): () => void {
  const tsconfigFile = path.join(root, "tsconfig.json");
  const envFile = path.join(root, "next-env.d.ts");
  const tsconfigBefore = fs.readFileSync(tsconfigFile, "utf8");
  const envBefore = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : undefined;
  return () => {
    const tsconfigAfter = fs.readFileSync(tsconfigFile, "utf8");
    if (tsconfigAfter !== tsconfigBefore) {
      const ours = (entry: unknown) => typeof entry === "string" && entry.startsWith(`${DIST_DIR}/`);
      let onlyNext = false;
      try {
        const after = JSON.parse(tsconfigAfter) as { include?: unknown[] };
        after.include = after.include?.filter((entry) => !ours(entry));
        onlyNext = isDeepStrictEqual(after, JSON.parse(tsconfigBefore));
      } catch {
        onlyNext = false;
      }
      if (onlyNext) {
        fs.writeFileSync(tsconfigFile, tsconfigBefore);
        say(`put back tsconfig.json (next build had added ${DIST_DIR}/ type globs)`);
      } else {
        say("WARNING: tsconfig.json changed during the build in a way not made by next build alone; left as is");
      }
    }
    if (envBefore !== undefined && fs.existsSync(envFile)) {
      const envAfter = fs.readFileSync(envFile, "utf8");
      if (envAfter !== envBefore && envAfter.replaceAll(`./${DIST_DIR}/`, "./.next/") === envBefore) {
        fs.writeFileSync(envFile, envBefore);
        say("put back next-env.d.ts (next build had pointed it at .next-bench)");
      }
    }
  };
}

export async function buildBench(say: (line: string) => void): Promise<void> {
  const restore = guardProjectFiles(say);
  try {
    await buildIfNeeded(benchEnv({ NODE_ENV: "production" }), say);
  } finally {
    restore();
  }
}

// ---------------------------------------------------------------------------------------------
// Database

/** An empty database on the server at BENCH_DATABASE_URL (a product database to search), dropped when the benchmark ends. */
export async function createEmptyBenchDatabase(name: string): Promise<URL> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  onCleanup(`database ${name}`, () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url;
}

/** A fresh, migrated and seeded database on the server at BENCH_DATABASE_URL (an admin URL). */
export async function createBenchDatabase(name: string): Promise<string> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = adminUrl;
  try {
    const database = await createTestDatabase(name);
    // Each run's database has a name of its own; drop it when the benchmark ends.
    onCleanup(`database ${name}`, () => database.stop());
    const client = createPrismaClient(database.url, 2);
    try {
      await seed(client);
    } finally {
      await client.$disconnect();
    }
    return database.url;
  } finally {
    if (previous === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = previous;
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Stopping twice (by the caller, then by cleanup) must be harmless. */
function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}

/**
 * Starts a child in its own process group, so stopping it also stops anything it spawned, and
 * registers that stop for cleanup. Never signals anything we did not start.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; quiet?: boolean },
): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn(command, args, {
    cwd: root,
    env: options.env,
    detached: true,
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = once(async () => {
    if (exited || child.pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup("SIGTERM");
    const killed = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!killed) {
      signalGroup("SIGKILL");
      await exit;
    }
    // The group leader may be gone while a grandchild lingers: make sure the group is empty.
    signalGroup("SIGKILL");
  });
  onCleanup(name, stop);
  return { child, stop };
}

export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited (code ${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

/** `stop` stops the server, then its mail catcher. */
export type RunningApp = { baseUrl: string; mail: MailCatcher; stop: () => Promise<void> };

/** `next start` on the .next-bench build, with a mail catcher as its SMTP server. */
export async function startApp(databaseUrl: string, extraEnv: Env = {}): Promise<RunningApp> {
  const mail = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
  const stopMail = once(() => mail.stop());
  onCleanup("mail catcher", stopMail);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = benchEnv({
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    APP_URL: baseUrl,
    APP_SECRET: "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    ...extraEnv,
  });
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const server = startProcess("next start", process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { env, quiet: true });
  await waitFor(`${baseUrl}/api/health`, 60_000, server.child);
  return { baseUrl, mail, stop: once(async () => (await server.stop(), await stopMail())) };
}

// ---------------------------------------------------------------------------------------------
// Load generator

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  /** A fresh body for each request (unique emails). */
  body: () => string;
  /** Whether a 2xx response's body means the submission was accepted. */
  accepted: (body: string) => boolean;
  clients: number;
  warmupMs: number;
  durationMs: number;
};

export type Bucket = { requests: number; accepted: number; refused: number; errors: number };
export type LoadResult = {
  clients: number;
  seconds: number;
  requestsPerSecond: number;
  acceptedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Completed during the warm-up (not in the figures above, but their rows are stored). */
  warmup: Bucket;
  /** Completed in the measured window: the figures above come from these. */
  measured: Bucket;
  /** Already in flight when the window closed; completed afterwards. Stored too. */
  drain: Bucket;
  /** Accepted across all three: what the database must hold. */
  acceptedTotal: number;
  sampleErrors: string[];
};

const emptyBucket = (): Bucket => ({ requests: 0, accepted: 0, refused: 0, errors: 0 });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** We ask for compressed responses as a browser does, so the server pays for compressing them. */
function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8");
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8");
  return body.toString("utf8");
}

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: decode(Buffer.concat(chunks), response.headers["content-encoding"]) });
          } catch (error) {
            reject(error);
          }
        });
        response.on("error", reject);
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error("timed out after 30 s")));
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * `clients` closed-loop clients, each on its own keep-alive connection, send one request after
 * another. Each completion is put in the bucket of the phase it completed in; latencies count only
 * in the measured window. After the window no new request starts, and the ones in flight are
 * awaited (the drain bucket), so every accepted submission is accounted for.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients, maxFreeSockets: options.clients });
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureTo = measureFrom + options.durationMs;
  const buckets = { warmup: emptyBucket(), measured: emptyBucket(), drain: emptyBucket() };
  const latencies: number[] = [];
  const sampleErrors: string[] = [];
  const note = (message: string) => {
    if (sampleErrors.length < 5 && !sampleErrors.includes(message)) sampleErrors.push(message);
  };

  const client = async () => {
    while (performance.now() < measureTo) {
      const body = options.body();
      const sent = performance.now();
      let outcome: "accepted" | "refused" | "errors";
      try {
        const response = await post(agent, url, options.headers, body);
        if (response.status >= 200 && response.status < 300) {
          outcome = options.accepted(response.body) ? "accepted" : "refused";
          if (outcome === "refused") note(`refused: ${response.body.slice(0, 300)}`);
        } else {
          outcome = "errors";
          note(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
        }
      } catch (error) {
        outcome = "errors";
        note((error as Error).message);
      }
      const done = performance.now();
      const bucket = done < measureFrom ? buckets.warmup : done <= measureTo ? buckets.measured : buckets.drain;
      bucket.requests += 1;
      bucket[outcome] += 1;
      if (bucket === buckets.measured) latencies.push(done - sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
  } finally {
    agent.destroy();
  }

  latencies.sort((a, b) => a - b);
  const seconds = options.durationMs / 1000;
  return {
    clients: options.clients,
    seconds,
    requestsPerSecond: buckets.measured.requests / seconds,
    acceptedPerSecond: buckets.measured.accepted / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    ...buckets,
    acceptedTotal: buckets.warmup.accepted + buckets.measured.accepted + buckets.drain.accepted,
    sampleErrors,
  };
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Writes a run's figures to bench/results/<name>-<time>.json and returns that path, relative to the project. */
export function writeResults(name: string, results: unknown): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.join(root, "bench", "results", `${name}-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  return path.relative(root, out);
}

/** The machine's load while we measure: the e2e runner may share these two cores. */
export async function loadAverage(): Promise<number[]> {
  const os = await import("node:os");
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

// ---------------------------------------------------------------------------------------------
// Memory

/** The process's peak RSS and heap growth over a stretch of work, sampled every 20 ms. */
export function sampleMemory(): { stop: () => { peakRssGrowthMb: number; peakHeapGrowthMb: number } } {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed + base.external;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        peakRssGrowthMb: round((peakRss - base.rss) / 2 ** 20),
        peakHeapGrowthMb: round((peakHeap - base.heapUsed - base.external) / 2 ** 20),
      };
    },
  };
}

/** A full garbage collection when the process runs with --expose-gc, so growth starts from a settled heap. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
