import { expect, test, type APIRequestContext } from "@playwright/test";
import { createPrismaClient } from "../../lib/prisma-client";
import { createTestDatabase, freePort, type TestDatabase } from "../../lib/testing/test-database";
import { seed } from "../../prisma/seed";
import { startNextServer, type NextServer } from "../../scripts/next-server";
import { callAction, findAction } from "../support/actions";
import { uniqueEmail } from "../support/mailbox";

// What someone posting to the request form's server action by hand can try: a new X-Forwarded-For
// on every submission, a body far over the limit, a body that is no action call at all. The shared
// e2e server allows 100,000 submissions per address, so this file starts its own production server
// (the same build, its own database) with a limit of 3 and reads that server's log.

const LIMIT = 3;
const FORM = "/requests/new";

let database: TestDatabase;
let server: NextServer;
let baseUrl: string;
let log = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createTestDatabase("dsar_test_e2e_posts");
  // The seed runs as the owner of the tables, the server as the app's role (as in scripts/test.ts).
  const client = createPrismaClient(database.ownerUrl, 2);
  await seed(client);
  await client.$disconnect();
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = startNextServer(
    "start",
    port,
    {
      ...process.env,
      DATABASE_URL: database.url,
      APP_URL: baseUrl,
      RATE_LIMIT_SUBMIT_PER_IP_PER_HOUR: String(LIMIT),
      // The limit is what this file is about: no proof of work first (e2e/requests/proof-of-work.spec.ts is).
      POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR: "100000",
      // Emails are not what this file is about; the shared server's worker must not see this database.
      WORKER_ENABLED: "false",
      TEST_CLOCK_ENABLED: "false",
    },
    "pipe",
  );
  server.process.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.process.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await expect
    .poll(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status, { timeout: 150_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
  await database?.stop();
});

const submitAction = () => findAction("app/(public)/requests/new/actions.ts", "submitRequestAction").id;

function input(extra: Record<string, unknown> = {}) {
  return { type: "ACCESS", details: {}, name: "Robin Vale", email: uniqueEmail("posts"), country: "DE", relationship: "ACCOUNT_HOLDER", ...extra };
}

/** A raw server-action post, as a script would send it. */
async function postRaw(request: APIRequestContext, body: string | Buffer) {
  const response = await request.post(`${baseUrl}${FORM}`, {
    headers: { "Next-Action": submitAction(), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: baseUrl },
    data: body,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test("oversized and malformed action bodies get a plain 413 or 400 and leave no trace in the log", async ({ request }) => {
  const normal = await callAction(request, `${baseUrl}${FORM}`, submitAction(), input(), { Origin: baseUrl });
  expect(normal.ok).toBe(true);

  const marker = "OVERSIZED-BODY-MARKER";
  const large = await postRaw(request, JSON.stringify([input({ details: { description: marker + "x".repeat(70 * 1024) } })]));
  expect(large.status).toBe(413);
  expect(large.text).toContain("This form sent more than 64 KB");

  for (const body of ["not json{", "[]", "[null]"]) {
    const refused = await postRaw(request, body);
    expect(refused.status, body).toBe(400);
    expect(refused.text, body).toBe("This form could not be read. Reload the page and send it again.\n");
  }

  // Each refusal is logged by its code only: never the body, never a stack trace.
  await expect.poll(() => log.match(/"event":"action_body\.refused"/g)?.length ?? 0).toBe(4);
  expect(log).not.toContain(marker);
  expect(log).not.toContain("not json");
  expect(log).not.toMatch(/SyntaxError|TypeError|digest|\bat .+\.js:\d+/);
});

test("a new X-Forwarded-For on every submission does not escape the per-address limit", async ({ request }) => {
  const outcomes: (string | undefined)[] = [];
  for (let i = 1; i <= LIMIT + 3; i++) {
    const forged = `198.51.100.${i}`;
    const result = await callAction(request, `${baseUrl}${FORM}`, submitAction(), input(), {
      Origin: baseUrl,
      "X-Forwarded-For": forged,
      "X-Real-IP": forged,
      Forwarded: `for=${forged}`,
    });
    outcomes.push(result.ok ? "accepted" : result.code);
  }
  // Every post came from this machine: together they get LIMIT submissions an hour (the first test
  // used one), then the same refusal, whatever address each one claimed.
  expect(outcomes.filter((o) => o === "accepted").length).toBeLessThanOrEqual(LIMIT);
  expect(outcomes.slice(-3)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
});
