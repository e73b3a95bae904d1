import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { uniqueTag } from "../support/customers";
import { createRequestRow, createStaff, signInAs } from "../support/staff";

// Issue 13, "Search that finds": part of a name, misspelt, finds the request; an auditor's search
// looks at references only, and says so.

test("an officer finds a request from a misspelt part of the name; an auditor searches references only", async ({ page, browser }) => {
  const tag = uniqueTag();
  const { reference } = await createRequestRow(`Theodora Quistgaard ${tag}`);

  await signInAs(page.context(), (await createStaff("OFFICER")).id);
  await page.goto("/admin/requests");
  await page.getByLabel("Reference, email or name").fill(`Theodora Quistgard ${tag}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const table = page.getByRole("region", { name: /^Requests by/ });
  await expect(table.getByRole("link", { name: reference })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  // No request contains the misspelling: the page says these are close spellings.
  await expect(page.getByText(`No request contains “Theodora Quistgard ${tag}”`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Two characters are too few to help: the search is left out, and the page says why.
  await page.getByLabel("Reference, email or name").fill("Th");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("Search with at least 3 characters")).toBeVisible();

  const context = await browser.newContext();
  try {
    await signInAs(context, (await createStaff("AUDITOR")).id);
    const auditor = await context.newPage();
    await auditor.goto(`/admin/requests?q=${encodeURIComponent(`Theodora Quistgaard ${tag}`)}`);
    await expect(auditor.getByText("the search looked at references only")).toBeVisible();
    await expect(auditor.getByRole("link", { name: reference })).toHaveCount(0);
    await auditor.getByLabel("Reference", { exact: true }).fill(reference.slice(4).toLowerCase());
    await auditor.getByRole("button", { name: "Apply filters" }).click();
    await expect(auditor.getByRole("link", { name: reference })).toBeVisible();
  } finally {
    await context.close();
  }
});
