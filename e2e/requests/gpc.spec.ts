import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { gpcPagesCounted, requestByEmail } from "../support/db";
import { uniqueEmail, waitForMail } from "../support/mailbox";
import { fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Global Privacy Control (issue 11): a browser that sends Sec-GPC: 1 is told on every public page
// that the signal is honoured, the pages it sees are counted, and an opt-out it sends is marked.

test.describe("a browser sending Global Privacy Control", () => {
  test.use({ extraHTTPHeaders: { "Sec-GPC": "1" } });

  test("is told on every public page that the signal is honoured, and its pages are counted", async ({ page }) => {
    const before = await gpcPagesCounted();
    await page.goto("/");
    const notice = page.getByText("Global Privacy Control detected and honoured.");
    await expect(notice).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await expect.poll(gpcPagesCounted).toBeGreaterThan(before);

    await page.getByRole("link", { name: "What this means" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Global Privacy Control" })).toBeVisible();
    await expect(page.getByText("Your browser is sending the signal now, and we honour it.")).toBeVisible();
    await expect(notice).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("sends an opt-out that is recorded with the signal, and the officer sees it", async ({ page, browser }) => {
    const email = uniqueEmail("gpc");
    await page.goto("/requests/new?type=OPT_OUT_SALE");
    await expect(page.getByText("Your browser sends Global Privacy Control, so this browser is already opted out")).toBeVisible();
    await fillRequester(page, { name: "Gale Pica", email, country: "United States", region: "California" });
    await page.getByRole("button", { name: "Send request" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Your opt-out is in effect" })).toContainText(
      "Your browser sent Global Privacy Control with it",
    );
    await waitForMail(email, /We have your request/);
    const stored = await requestByEmail(email);
    expect(stored?.gpcSignal).toBe(true);

    const officer = await createStaff("OFFICER", "gpc");
    const context = await browser.newContext();
    await signInAs(context, officer.id);
    const admin = await context.newPage();
    await admin.goto(`/admin/requests/${stored!.id}`);
    const row = admin.locator("dt", { hasText: "Global Privacy Control" }).locator("xpath=following-sibling::dd[1]");
    await expect(row).toHaveText("Sent by the requester's browser with this opt-out");
    await context.close();
  });
});

test("a browser without the signal is not told it was detected", async ({ page }) => {
  await page.goto("/privacy/global-privacy-control");
  await expect(page.getByText("Your browser is not sending the signal now.")).toBeVisible();
  await expect(page.getByText("Global Privacy Control detected and honoured.")).toHaveCount(0);
  await page.goto("/requests/new?type=OPT_OUT_SALE");
  await expect(page.getByRole("radio", { name: /^Opt out of sale or sharing/ })).toBeChecked();
  await expect(page.getByText("so this browser is already opted out")).toHaveCount(0);
});
