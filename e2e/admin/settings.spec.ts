import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createStaff, signInAs } from "../support/staff";

// Issue 12, settings: an admin changes the operator's details without a redeploy; a mistake is
// named at its field and saves nothing; every public page shows the new details at once.

test("an admin changes the organisation's details, which every public page shows at once", async ({ browser, page: visitor }) => {
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings", exact: true }).click();
  const organisation = page.getByRole("region", { name: "Organisation" });
  const number = `HRB ${Date.now().toString().slice(-6)}`;

  // A mistake: named at the field, focused, and nothing saved.
  const website = organisation.getByLabel("Website");
  // The form fills its fields once it has loaded (react-hook-form, client side): read the value then.
  await expect(website).toHaveValue(/^https:\/\//);
  const original = await website.inputValue();
  await website.fill("http://jexi.example");
  await organisation.getByLabel("Company number").fill(number);
  await organisation.getByRole("button", { name: "Save" }).click();
  await expect(website).toBeFocused();
  await expect(website).toHaveAccessibleDescription("Enter the website's address, starting with https://");
  await visitor.goto("/");
  await expect(visitor.getByRole("contentinfo")).not.toContainText(number);

  await website.fill(original);
  await organisation.getByRole("button", { name: "Save" }).click();
  await expect(organisation.getByRole("status")).toContainText("Saved: Company number.");
  expect(await seriousViolations(page)).toEqual([]);

  await visitor.goto("/");
  await expect(visitor.getByRole("contentinfo")).toContainText(`Company number ${number}`);
  await visitor.goto("/privacy");
  await expect(visitor.getByRole("contentinfo")).toContainText(`Company number ${number}`);

  await page.reload();
  const history = page.getByRole("region", { name: "Changes", exact: true });
  await expect(history).toContainText(admin.email);
  await expect(history).toContainText(`Company number: “`);
  await expect(history).toContainText(`” → “${number}”`);
});
