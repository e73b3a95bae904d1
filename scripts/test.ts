// `npm test`: unit and integration tests (vitest), then end-to-end tests (Playwright in Chromium)
// against a production build served with a real database and a real SMTP server. The database is
// the PostgreSQL server at TEST_DATABASE_URL when set (CI), else embedded PGlite. The last line
// sums every suite as "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/prisma-client";
import { createTestDatabase, freePort } from "@/lib/testing/test-database";
import { createProductDatabase } from "@/lib/demo/product-database";
import { seed } from "@/prisma/seed";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { startMailCatcher } from "@/scripts/mail-catcher";
import { startNextServer, type NextServer } from "@/scripts/next-server";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
// `tsx scripts/test.ts e2e -- e2e/referrals` runs only those Playwright specs.
const separator = process.argv.indexOf("--");
const requested = process.argv.slice(2, separator === -1 ? undefined : separator);
const playwrightArgs = separator === -1 ? [] : process.argv.slice(separator + 1);
const suites = requested.length ? requested : ["unit", "integration", "e2e"];
const totals = { passed: 0, failed: 0, skipped: 0 };
const say = (line: string) => console.log(`[test] ${line}`);
fs.mkdirSync(results, { recursive: true });

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Each failed test by name, printed just above the last line: a CI log's tail then says which. */
const failures: string[] = [];
const firstLine = (text: unknown) => String(text ?? "").split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};

function vitestFailures(report: VitestReport): string[] {
  return (report.testResults ?? []).flatMap((file) => {
    const name = path.relative(root, file.name);
    const failed = file.assertionResults.filter((t) => t.status === "failed").map((t) => `${name}: ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed outside any test (an import, a hook) has no failed assertion to name.
    return failed.length || file.status !== "failed" ? failed : [`${name}: ${firstLine(file.message)}`];
  });
}

type PlaywrightSuite = { title: string; file?: string; specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[]; suites?: PlaywrightSuite[] };

function playwrightFailures(suites: PlaywrightSuite[] = []): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === "unexpected" || t.status === "flaky")
        .map((t) => `[${t.projectName}] ${spec.file}:${spec.line} ${spec.title}${t.status === "flaky" ? " (flaky)" : ""}: ${firstLine(t.results.find((r) => r.error)?.error?.message)}`),
    ),
    ...playwrightFailures(suite.suites),
  ]);
}

function runVitest(projects: string[]) {
  const out = path.join(results, "vitest.json");
  fs.rmSync(out, { force: true });
  const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  const run = spawnSync("npx", args, { cwd: root, stdio: "inherit", env: process.env });
  const report = readJson<VitestReport>(out);
  if (!report) {
    say(`vitest produced no report (exit ${run.status})`);
    failures.push(`vitest (${projects.join(", ")}): no report, exit ${run.status}`);
    totals.failed += 1;
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (run.status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  failures.push(...vitestFailures(report));
  if (run.status !== 0 && report.numFailedTests === 0) failures.push(`vitest (${projects.join(", ")}): exit ${run.status} with no failed test (an error outside the tests; see above)`);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  say(`vitest (${projects.join(", ")}): ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

async function runE2e() {
  const database = await createTestDatabase("dsar_test_e2e");
  // Jexi's product data, which the seeded data map describes and fulfillment runs search.
  const product = await createProductDatabase("dsar_test_product", process.env.TEST_DATABASE_URL, await freePort());
  const mail = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    APP_URL: baseUrl,
    APP_SECRET: process.env.APP_SECRET ?? "e2e-test-secret-0123456789abcdefghijkl",
    // Every browser test submits from 127.0.0.1; the limits themselves are covered by integration tests.
    RATE_LIMIT_SUBMIT_PER_IP_PER_HOUR: "100000",
    RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY: "1000",
    // Every submission from the browser solves a proof of work (lib/pow), kept small: the form's
    // solver runs in every spec that sends a request, and the threshold itself is an integration test.
    POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR: "0",
    POW_MAX_NUMBER: "5000",
    // Sign-in links per client address: every spec asks from 127.0.0.1 (per address stays as set).
    RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: "100000",
    WORKER_POLL_MS: "250",
    // The referral follow-up specs move the app's clock forward instead of waiting days.
    TEST_CLOCK_ENABLED: "true",
    JOBS_POLL_MS: "1000",
    // Fulfillment runs: pick jobs up quickly and resume a dead worker's task soon.
    QUEUE_POLL_SECONDS: "0.5",
    QUEUE_MAINTENANCE_SECONDS: "5",
    FULFILLMENT_TASK_LEASE_SECONDS: "10",
    // Every spec creates staff: their morning digests would only fill the mail catcher (covered by integration tests).
    STAFF_DIGEST_ENABLED: "false",
  };
  // The seed runs as the owner; the server and the specs' own queries as the app's role.
  const client = createPrismaClient(database.ownerUrl, 2);
  await seed(client, { demoProduct: { host: product.host, port: product.port, database: product.database, appSecret: env.APP_SECRET! } });
  await client.$disconnect();
  let server: NextServer | undefined;
  try {
    await buildIfNeeded(env, say);
    server = startNextServer("start", port, { ...env, NODE_ENV: "production" });
    await waitFor(`${baseUrl}/api/health`, 60_000);
    const out = path.join(results, "playwright.json");
    fs.rmSync(out, { force: true });
    // Not spawnSync: this process serves the embedded database and the SMTP server to the tests.
    const run = await new Promise<{ status: number | null }>((resolve) => {
      const child = spawn("npx", ["playwright", "test", ...playwrightArgs], {
        cwd: root,
        stdio: "inherit",
        env: { ...env, E2E_BASE_URL: baseUrl, E2E_MAIL_API: `http://127.0.0.1:${mail.httpPort}`, E2E_PRODUCT_DATABASE_URL: product.url, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
      });
      child.on("exit", (status) => resolve({ status }));
    });
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] }>(out);
    if (!report) {
      say(`playwright produced no report (exit ${run.status})`);
      failures.push(`playwright: no report, exit ${run.status}`);
      totals.failed += 1;
      return;
    }
    const { expected, unexpected, flaky, skipped } = report.stats;
    totals.passed += expected;
    totals.failed += unexpected + flaky;
    failures.push(...playwrightFailures(report.suites));
    totals.skipped += skipped;
    say(`playwright: ${expected} passed, ${unexpected + flaky} failed`);
  } finally {
    await server?.stop();
    await mail.stop();
    await database.stop();
    await product.stop();
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

const vitestProjects = suites.filter((s) => s === "unit" || s === "integration");
if (vitestProjects.length) runVitest(vitestProjects);
if (suites.includes("e2e")) {
  try {
    await runE2e();
  } catch (error) {
    say(`end-to-end run failed before its tests finished: ${(error as Error).message}`);
    failures.push(`e2e: stopped before its tests finished: ${firstLine((error as Error).message)}`);
    totals.failed += 1;
  }
}
for (const failure of failures) say(`FAILED ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
