import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { linkIn, messagesTo, uniqueEmail, waitForMail } from "../support/mailbox";
import { fillRequester } from "../support/request-form";

const EXPIRED_HEADING = "This link has expired or is not valid";

/** Our own page for a link that doesn't work: served with its status, language, words and form. */
async function expectRecoveryPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  // Rendered on the server: the document itself carries the language and the words, before any script runs.
  const html = (await response?.text()) ?? "";
  expect(html).toMatch(/<html[^>]* lang="en"/);
  expect(html).toContain(EXPIRED_HEADING);
  await expect(page.getByRole("heading", { level: 1, name: EXPIRED_HEADING })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expect(page.getByLabel("Reference")).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a new link" })).toBeVisible();
}

test("an unknown status link shows our page with a form to get a new link", async ({ page }) => {
  await expectRecoveryPage(page, "/requests/status/this-token-does-not-exist-at-all-123456");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a status link with broken percent-encoding gets the same page, not an error", async ({ page }) => {
  await expectRecoveryPage(page, "/requests/status/%zz");
});

test("requester who lost the link gets a new one by email and reference", async ({ page }) => {
  const email = uniqueEmail("recover");
  await page.goto("/requests/new?type=OPT_OUT_SALE");
  await fillRequester(page, { name: "Sam Rivera", email, country: "United States", region: "California" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  const acknowledgement = await waitForMail(email, /We have your request/);
  const reference = acknowledgement.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
  expect(reference).toBeTruthy();

  // The person lost that email: they come back through a link that no longer works.
  await expectRecoveryPage(page, "/requests/status/a-link-that-was-never-valid-0000000000");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByLabel("Reference").fill(reference!.toLowerCase());
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText(/If the email address and reference match a request, we have emailed a new link/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const recovered = await waitForMail(email, /New link to your privacy request/);
  expect(recovered.to).toEqual([email]);
  expect(recovered.subject).toContain(reference!);
  await page.goto(linkIn(recovered, "/requests/status/"));
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByText(reference!, { exact: true })).toBeVisible();
  await expect(page.getByText("New status link sent")).toBeVisible();
  expect((await messagesTo(email)).length).toBe(2);
});
