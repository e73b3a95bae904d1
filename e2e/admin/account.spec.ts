import { expect, test } from "@playwright/test";
import { connectAccount, createStaff, signInAs, staffEvents } from "../support/staff";
import { seriousViolations } from "../support/axe";

// Connecting itself goes through Google, GitHub or Microsoft, which these tests can't reach; the
// binding and the refusal of unconnected identities are proved in lib/auth/oauth-binding.integration.test.ts.

test("a staff member sees the account connected to their sign-in and disconnects it", async ({ page, context }) => {
  const officer = await createStaff("OFFICER");
  await connectAccount(officer.id, "github");
  await signInAs(context, officer.id);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const connected = page.getByRole("list", { name: "Connected accounts" });
  await expect(connected).toContainText("GitHub");

  await connected.getByRole("button", { name: "Disconnect GitHub" }).click();
  await expect(page.getByText("No account is connected.")).toBeVisible();
  expect(await staffEvents(officer.id)).toEqual([{ action: "staff.account_disconnected", data: { provider: "github" } }]);
});

test("an admin removes a connected account of another staff member on the staff page", async ({ page, context }) => {
  const admin = await createStaff("ADMIN");
  const officer = await createStaff("OFFICER");
  await connectAccount(officer.id, "azure-ad");
  await signInAs(context, admin.id);
  await page.goto("/admin/staff");
  const row = page.getByRole("row", { name: new RegExp(officer.email) });
  await expect(row).toContainText("Microsoft");
  await row.getByRole("button", { name: `Remove Microsoft sign-in of ${officer.email}` }).click();
  await expect(row).toContainText("Email link only");
  expect(await staffEvents(officer.id)).toEqual([{ action: "staff.account_disconnected", data: { provider: "azure-ad" } }]);
});

test("an officer switches the daily digest off and on again; an auditor, who holds no requests, is not offered it", async ({ browser }) => {
  const officerContext = await browser.newContext();
  await signInAs(officerContext, (await createStaff("OFFICER")).id);
  const officer = await officerContext.newPage();
  await officer.goto("/admin/account");
  const digest = officer.getByRole("region", { name: "Daily digest" });
  await expect(digest).toContainText("You get the daily digest.");
  await digest.getByRole("button", { name: "Stop the daily digest" }).click();
  await expect(officer.locator(":focus")).toContainText("The daily digest is off.");
  await expect(digest).toContainText("You do not get the daily digest.");
  await digest.getByRole("button", { name: "Send me the daily digest" }).click();
  await expect(officer.locator(":focus")).toContainText("The daily digest is on.");
  expect(await seriousViolations(officer)).toEqual([]);

  const auditorContext = await browser.newContext();
  await signInAs(auditorContext, (await createStaff("AUDITOR")).id);
  const auditor = await auditorContext.newPage();
  await auditor.goto("/admin/account");
  await expect(auditor.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(auditor.getByRole("region", { name: "Daily digest" })).toHaveCount(0);
});
