import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "../../lib/prisma-client";
import { REQUEST_TYPE_LABELS } from "../../lib/requests/labels";
import { createTestDatabase, freePort, type TestDatabase } from "../../lib/testing/test-database";
import { seed } from "../../prisma/seed";
import { OPERATORS } from "../../prisma/seed-data/operators/all";
import type { OperatorSeed } from "../../prisma/seed-data/operators/types";
import { startNextServer, type NextServer } from "../../scripts/next-server";
import { uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

// Each demo operator (`npm run db:seed -- --operator <name>`), as a visitor meets it: its policy,
// under its legal name and with its own headings, and a form that offers exactly the request types
// that policy names. The shared e2e database is Jexi's and stays so: each other operator gets a
// database of its own (on TEST_DATABASE_URL's server, or embedded PGlite without it) and a second
// production server from the same build, stopped and dropped at the end.

test.describe.configure({ mode: "serial" });

/** Where an operator's portal runs: the shared server for Jexi, a server of its own for the others. */
type Portal = { baseUrl: string; stop: () => Promise<void> };

async function startPortal(operator: OperatorSeed): Promise<Portal> {
  if (operator.key === "jexi") return { baseUrl: process.env.E2E_BASE_URL ?? "http://localhost:3000", stop: async () => {} };
  const database: TestDatabase = await createTestDatabase(`dsar_test_e2e_${operator.key.replace(/-/g, "_")}`);
  let server: NextServer | undefined;
  try {
    // The seed runs as the owner of the tables, the server as the app's role (as in scripts/test.ts).
    const client = createPrismaClient(database.ownerUrl, 2);
    await seed(client, { operator: operator.key });
    await client.$disconnect();
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    // The shared server's environment (mail catcher, secret, proof-of-work settings), on this database;
    // its own worker sends this database's emails to the same mail catcher.
    server = startNextServer("start", port, { ...process.env, DATABASE_URL: database.url, APP_URL: baseUrl, TEST_CLOCK_ENABLED: "false" }, "ignore");
    await expect
      .poll(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status, { timeout: 150_000, intervals: [500] })
      .toBe(200);
    const running = server;
    return {
      baseUrl,
      stop: async () => {
        await running.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    await database.stop();
    throw error;
  }
}

function typeChoices(page: Page) {
  return page.getByRole("group", { name: "What would you like us to do?" }).getByRole("radio");
}

// A blank start has no policy to read: its own test, after the demo operators'.
for (const operator of OPERATORS.filter((o) => o.policyVersions.length > 0)) {
  test(`a visitor reads the policy of ${operator.name} and makes a request with the types it offers`, async ({ page }) => {
    test.setTimeout(240_000);
    const portal = await startPortal(operator);
    try {
      const policy = operator.policyVersions.at(-1)!;
      const { organization } = operator;
      const offered = operator.offeredRequestTypes.map((t) => REQUEST_TYPE_LABELS[t]);

      // The version the seed published, at its own address (a later one may since be in force).
      await page.goto(`${portal.baseUrl}/privacy/versions/${policy.version}`);
      const article = page.getByRole("article");
      await expect(article.getByRole("heading", { level: 1 })).toHaveText(policy.title);
      await expect(article.getByRole("heading", { level: 2 })).toHaveText(["Contents", ...policy.sections.map((s) => s.heading)]);
      await expect(article.getByText(organization.legalName).first()).toBeVisible();
      await expect(page.getByRole("contentinfo")).toContainText(organization.legalName);
      await expect(article).not.toContainText("{{");
      await expect(article).not.toContainText("[");

      // The home page offers the same types, and the appeal of a refused request.
      await page.goto(`${portal.baseUrl}/`);
      const offers = page.getByRole("region", { name: "What you can ask for" });
      await expect(offers.getByRole("link")).toHaveText([...offered, REQUEST_TYPE_LABELS.APPEAL]);

      // The rights section leads to the form, which offers exactly the policy's types.
      await page.goto(`${portal.baseUrl}/privacy`);
      await page.getByRole("article").getByRole("link", { name: "Make a privacy request" }).click();
      await expect(page.getByRole("heading", { name: "Make a privacy request" })).toBeVisible();
      await expect(typeChoices(page)).toHaveCount(offered.length);
      for (const label of offered) await expect(page.getByRole("radio", { name: new RegExp(`^${label}`) })).toHaveCount(1);

      const email = uniqueEmail(`operator-${operator.key}`);
      await chooseType(page, REQUEST_TYPE_LABELS.ACCESS);
      await fillRequester(page, { name: "Ines Moreau", email, country: "France" });
      await page.getByRole("button", { name: "Send request" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      const mail = await waitForMail(email, /Confirm your privacy request/);
      expect(mail.text.replace(/\s+/g, " ")).toContain(`for ${organization.productName}`);
    } finally {
      await portal.stop();
    }
  });
}

test("a blank portal says its policy is not yet in effect, names what to fill in, and takes requests of every type", async ({ page }) => {
  test.setTimeout(240_000);
  const blank = OPERATORS.find((o) => o.key === "blank")!;
  const portal = await startPortal(blank);
  try {
    await page.goto(`${portal.baseUrl}/privacy`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy policy");
    await expect(page.getByText("Our privacy policy is not yet in effect.")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("Your organisation's legal name (Settings → Organisation)");

    await page.goto(`${portal.baseUrl}/requests/new`);
    await expect(typeChoices(page)).toHaveCount(blank.offeredRequestTypes.length);
    const email = uniqueEmail("operator-blank");
    await chooseType(page, REQUEST_TYPE_LABELS.ACCESS);
    await fillRequester(page, { name: "Ines Moreau", email, country: "France" });
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await waitForMail(email, /Confirm your privacy request/);
  } finally {
    await portal.stop();
  }
});
