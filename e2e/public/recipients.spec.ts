import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

test("visitor follows the policy's link to who receives data and finds a third party with its country", async ({ page }) => {
  await page.goto("/privacy");
  await page.getByRole("main").getByRole("link", { name: "Who receives data", exact: true }).click();
  await expect(page).toHaveURL(/\/privacy\/recipients$/);
  await expect(page.getByRole("heading", { level: 1, name: "Who receives data" })).toBeVisible();

  const list = page.getByRole("table", { name: /Third parties and subprocessors, by name/ });
  const provider = list.getByRole("row", { name: /Transactional email provider/ });
  await expect(provider.getByRole("cell", { name: "United States" })).toBeVisible();
  await expect(provider.getByText("(user.contact.email)")).toBeVisible();
  // Only third parties: the operator's own product database is not a recipient.
  await expect(list.getByText("Jexi product database")).toHaveCount(0);
  // No staff address on a public page.
  await expect(page.getByRole("main").getByText(/@jexi\.example/)).toHaveCount(0);

  await expect(page.getByRole("heading", { level: 2, name: "Changes to this list" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Changes to the list/ }).getByRole("row", { name: /Added.*Transactional email provider/ }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("contentinfo").getByRole("link", { name: "who receives data" }).click();
  await expect(page).toHaveURL(/\/privacy\/recipients$/);
});
