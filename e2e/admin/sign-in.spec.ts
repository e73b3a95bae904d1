import { expect, test } from "@playwright/test";
import { linkIn, messagesTo, waitForMail } from "../support/mailbox";
import { createStaff, deactivateStaff, signInAs } from "../support/staff";

test("an officer signs in with a magic link received by email, once", async ({ page }) => {
  const officer = await createStaff("OFFICER");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin$/);

  await page.getByLabel("Work email").fill(officer.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForMail(officer.email, /Sign in to the Jexi privacy dashboard/);
  const link = linkIn(mail, "/api/auth/callback/email?");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText(`${officer.email} · Privacy officer`)).toBeVisible();

  // The link is single-use.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText("This sign-in link has expired or was already used")).toBeVisible();
});

test("an unknown address gets the same answer and no email", async ({ page }) => {
  const stranger = `nobody-${Date.now()}@outside.test`;
  const officer = await createStaff("OFFICER");
  for (const email of [stranger, officer.email]) {
    await page.goto("/admin/sign-in");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  // The staff member's email arrives; by then the stranger's would have too, had it been queued.
  await waitForMail(officer.email, /Sign in/);
  expect(await messagesTo(stranger)).toHaveLength(0);
});

test("deactivating a staff member ends their session at once", async ({ page, context }) => {
  const officer = await createStaff("OFFICER");
  await signInAs(context, officer.id);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await deactivateStaff(officer.id);
  await page.reload();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});
