import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createStaff, signInAs } from "../support/staff";

// CCPA §7102 metrics (issue 13): an officer reads a year's figures and downloads them as CSV; an
// auditor reads them but cannot publish; an admin publishes the past years on a public page, which
// is not found again once unpublished.

test("request metrics: read, downloaded, published by an admin and withdrawn", async ({ browser, page: visitor }) => {
  const officerContext = await browser.newContext();
  await signInAs(officerContext, (await createStaff("OFFICER")).id);
  const officer = await officerContext.newPage();
  await officer.goto("/admin");
  await officer.getByRole("link", { name: "Metrics" }).click();
  await expect(officer.getByRole("heading", { name: "Request metrics" })).toBeVisible();
  const table = officer.getByRole("table", { name: /California residents \(CCPA\)$/ });
  for (const category of ["Requests to know (access and export)", "Requests to delete", "Requests to correct", "Requests to opt out of sale or sharing", "Requests to limit the use of sensitive personal information"]) {
    await expect(table.getByRole("rowheader", { name: category })).toBeVisible();
  }
  await officer.getByLabel("Requests from").selectOption("all");
  await officer.getByRole("button", { name: "Show" }).click();
  await expect(officer).toHaveURL(/scope=all/);
  await expect(officer.getByRole("table", { name: /Every requester$/ })).toBeVisible();
  const [download] = await Promise.all([officer.waitForEvent("download"), officer.getByRole("link", { name: /^Download \d{4} as CSV$/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^request-metrics-\d{4}-all\.csv$/);
  expect(await seriousViolations(officer)).toEqual([]);
  // An officer cannot publish.
  await expect(officer.getByRole("button", { name: /Publish/ })).toHaveCount(0);

  const adminContext = await browser.newContext();
  await signInAs(adminContext, (await createStaff("ADMIN")).id);
  const admin = await adminContext.newPage();
  await admin.goto("/admin/reports");
  const publication = admin.getByRole("region", { name: "Publication" });
  if (await publication.getByRole("button", { name: "Stop publishing" }).count()) {
    await publication.getByRole("button", { name: "Stop publishing" }).click();
    await expect(admin.locator(":focus")).toContainText("No longer published");
  }
  expect((await visitor.goto("/privacy/request-metrics"))?.status()).toBe(404);

  await publication.getByRole("button", { name: "Publish the past years' metrics" }).click();
  await expect(admin.locator(":focus")).toContainText("Published: the past years' metrics are on the public page.");
  expect((await visitor.goto("/privacy/request-metrics"))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "Privacy request metrics" })).toBeVisible();
  const lastYear = new Date().getUTCFullYear() - 1;
  await expect(visitor.getByRole("table", { name: `Requests from California residents received in ${lastYear}` })).toBeVisible();
  expect(await seriousViolations(visitor)).toEqual([]);

  await publication.getByRole("button", { name: "Stop publishing" }).click();
  await expect(admin.locator(":focus")).toContainText("No longer published");
  expect((await visitor.goto("/privacy/request-metrics"))?.status()).toBe(404);
});
