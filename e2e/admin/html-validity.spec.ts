import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createCustomerRow } from "../support/customers";
import { demoDataSystemId } from "../support/db";
import { createPolicyDraftRow } from "../support/policy";
import { createRequestRow, createStaff, signInAs } from "../support/staff";

// Every dashboard page, as an admin sees it (the most controls), checked by axe and by the W3C's own
// validator (the Nu Html Checker, vnu.jar, run on the machine's Java): errors fail the test,
// warnings do not. One run of the checker for all pages: the JVM starts once.

const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

type VnuMessage = { type: string; subType?: string; url: string; message: string; extract?: string; lastLine?: number };

async function validate(files: string[]): Promise<VnuMessage[]> {
  // --exit-zero-always: the messages, not the exit code, say what is wrong; JSON goes to stderr.
  const { stderr } = await promisify(execFile)(process.env.JAVA ?? "java", ["-jar", VNU_JAR, "--errors-only", "--format", "json", "--exit-zero-always", ...files], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
}

/** Every dashboard page (and sign-in's), with the rows they show made first. */
async function dashboardPages(): Promise<{ signedOut: string[]; dashboard: string[] }> {
  const { id: requestId } = await createRequestRow();
  const { customerId } = await createCustomerRow();
  const systemId = await demoDataSystemId();
  const policyDraftId = await createPolicyDraftRow((await createStaff("ADMIN")).id);
  return {
    signedOut: ["/admin/sign-in", "/admin/sign-in/check-email", "/admin/sign-in/error?error=Verification"],
    dashboard: [
      "/admin",
      "/admin/requests",
      "/admin/requests?status=open&sort=due",
      `/admin/requests/${requestId}`,
      "/admin/customers",
      "/admin/customers/new",
      `/admin/customers/${customerId}`,
      "/admin/staff",
      "/admin/account",
      "/admin/data-map",
      "/admin/data-map/new",
      "/admin/data-map/import",
      `/admin/data-map/${systemId}`,
      "/admin/reports",
      "/admin/templates",
      "/admin/api-keys",
      "/admin/api",
      "/admin/webhooks",
      "/admin/settings",
      "/admin/policy",
      `/admin/policy/drafts/${policyDraftId}`,
      "/privacy/versions/compare",
    ],
  };
}

test("every dashboard page is valid HTML by the W3C validator", async ({ page, context }) => {
  test.setTimeout(120_000);
  const admin = await createStaff("ADMIN");
  const { signedOut, dashboard } = await dashboardPages();

  const dir = await mkdtemp(join(tmpdir(), "html-validity-"));
  try {
    const pages = new Map<string, string>();
    const save = async (path: string, html: string) => {
      const file = join(dir, `${pages.size}.html`);
      await writeFile(file, html);
      pages.set(`file:${file}`, path);
    };
    for (const path of signedOut) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      await save(path, await response.text());
    }
    await signInAs(context, admin.id);
    for (const path of dashboard) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      await save(path, await response.text());
    }

    const errors = (await validate([...pages.keys()].map((url) => url.slice("file:".length)))).map(
      (m) => `${pages.get(m.url) ?? m.url}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 120)}]` : ""}`,
    );
    expect(errors).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Axe, one test per page so they spread over the workers (all in one test outlasted its timeout in CI).
const STATIC_PAGES = [
  "/admin",
  "/admin/requests",
  "/admin/customers",
  "/admin/customers/new",
  "/admin/staff",
  "/admin/account",
  "/admin/data-map",
  "/admin/data-map/new",
  "/admin/data-map/import",
  "/admin/reports",
  "/admin/templates",
  "/admin/api-keys",
  "/admin/api",
  "/admin/webhooks",
  "/admin/settings",
  "/admin/policy",
];

for (const path of STATIC_PAGES) {
  test(`axe finds nothing serious on ${path}`, async ({ page, context }) => {
    await signInAs(context, (await createStaff("ADMIN")).id);
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("axe finds nothing serious on a request's, a customer's and a data system's page, nor on sign-in's", async ({ page, context }) => {
  test.setTimeout(120_000);
  const { signedOut, dashboard } = await dashboardPages();
  for (const path of signedOut) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await signInAs(context, (await createStaff("ADMIN")).id);
  for (const path of dashboard.filter((p) => !STATIC_PAGES.includes(p.split("?")[0]!) || p.includes("?"))) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
