import { expect, test } from "@playwright/test";
import { linkIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { createStaff, signInAs } from "../support/staff";

test("an admin invites an officer, who signs in from the invitation, and deactivates them again", async ({ browser }) => {
  const admin = await createStaff("ADMIN");
  const adminContext = await browser.newContext();
  await signInAs(adminContext, admin.id);
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/admin/staff");

  const invitee = uniqueEmail("invitee");
  await adminPage.getByLabel("Work email").fill(invitee);
  await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: "Privacy officer: handles requests" });
  await adminPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(adminPage.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await expect(adminPage.getByRole("row", { name: new RegExp(invitee) })).toContainText("Invited");

  const mail = await waitForMail(invitee, /You're invited to the Jexi privacy dashboard/);
  const officerContext = await browser.newContext();
  const officerPage = await officerContext.newPage();
  await officerPage.goto(linkIn(mail, "/api/auth/callback/email?"));
  await expect(officerPage.getByRole("heading", { name: "Overview" })).toBeVisible();

  await adminPage.reload();
  const row = adminPage.getByRole("row", { name: new RegExp(invitee) });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: /^Deactivate/ }).click();
  await row.getByRole("button", { name: /^Confirm: deactivate/ }).click();
  await expect(row).toContainText("Deactivated");

  await officerPage.reload();
  await expect(officerPage).toHaveURL(/\/admin\/sign-in/);
  await adminContext.close();
  await officerContext.close();
});

test("there is always an active admin", async ({ page, context }) => {
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  await page.goto("/admin/staff");
  // Admins can't deactivate themselves: their own row offers no such button.
  const own = page.getByRole("row", { name: new RegExp(admin.email) });
  await expect(own.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);
});
