import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { uniqueEmail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Settings → Request handling: an admin overrides the environment's defaults without a redeploy.
// A value that clashes with another (or a default) is named at its field and saves nothing; what a
// requester reads changes at once; emptying a field brings the default back. It changes what every
// requester is told, so it runs in the last project and puts the default back.

test("an admin shortens the wait for an unconfirmed request, which the requester is told at once, and brings the default back", async ({ browser, page: visitor }) => {
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin/settings");
  const handling = page.getByRole("region", { name: "Request handling", exact: true });
  const wait = handling.getByLabel("Close a request whose email is never confirmed after");
  await expect(wait).toHaveAccessibleDescription(/Empty: the default, 7 days \(UNVERIFIED_EXPIRY_DAYS\)\./);
  await expect(handling.getByRole("button", { name: "Save request handling" })).toBeEnabled();

  // One day's wait clashes with the first reminder's default of 24 hours: named there, nothing saved.
  await wait.fill("1");
  await handling.getByRole("button", { name: "Save request handling" }).click();
  const first = handling.getByLabel("First reminder to confirm the email");
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription(/The first reminder must go before the request closes \(24 hours after it was sent\)/);
  await visitor.goto("/");
  await expect(visitor.getByText("If the address is not confirmed within 7 days")).toBeVisible();

  await wait.fill("3");
  await handling.getByRole("button", { name: "Save request handling" }).click();
  await expect(handling.getByRole("status")).toContainText("Saved: Close a request whose email is never confirmed after.");
  expect(await seriousViolations(page)).toEqual([]);

  await visitor.goto("/");
  await expect(visitor.getByText("If the address is not confirmed within 3 days")).toBeVisible();
  await visitor.goto("/requests/new");
  await chooseType(visitor, "Access my data");
  await fillRequester(visitor, { name: "Ana Lima", email: uniqueEmail("handling"), country: "Portugal" });
  await visitor.getByRole("button", { name: "Send request" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(visitor.getByText("If you don't confirm within 3 days it will be closed")).toBeVisible();

  await page.reload();
  await expect(handling.getByText(`${admin.email}`)).toBeVisible();
  await expect(handling.getByText("Close a request whose email is never confirmed after: the default (7 days) → 3 days")).toBeVisible();

  await expect(wait).toHaveValue("3");
  await wait.fill("");
  await handling.getByRole("button", { name: "Save request handling" }).click();
  await expect(handling.getByRole("status")).toContainText("Saved: Close a request whose email is never confirmed after.");
  await visitor.goto("/");
  await expect(visitor.getByText("If the address is not confirmed within 7 days")).toBeVisible();
});
