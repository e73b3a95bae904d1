import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createCustomerRow, uniqueTag } from "../support/customers";
import { createStaff, signInAs } from "../support/staff";

test("an officer registers a customer with a workspace, finds it in the list, and is told when a slug is taken", async ({ page, context }) => {
  const officer = await createStaff("OFFICER");
  await signInAs(context, officer.id);
  const tag = uniqueTag();
  const legalName = `Initrode ${tag} GmbH`;
  const slug = `initrode-${tag}`;

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Customers" }).click();
  await page.getByRole("link", { name: "Register a customer" }).click();

  // Nothing filled in: each field says what it needs, and the first one has the focus.
  await page.getByRole("button", { name: "Register customer" }).click();
  await expect(page.getByLabel("Legal name")).toBeFocused();
  await expect(page.getByLabel("Legal name")).toHaveAccessibleDescription(/Enter the customer's legal name/);
  await expect(page.getByLabel("Privacy contact emails")).toHaveAccessibleDescription(/Enter at least one privacy contact email address/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Legal name").fill(legalName);
  await page.getByLabel("Privacy contact emails").fill(`privacy@${slug}.example, legal@`);
  await page.getByRole("button", { name: "Register customer" }).click();
  await expect(page.getByLabel("Privacy contact emails")).toHaveAccessibleDescription(/“legal@” is not an email address/);
  await expect(page.getByLabel("Privacy contact emails")).toBeFocused();

  await page.getByLabel("Privacy contact emails").fill(`privacy@${slug}.example\nlegal@${slug}.example`);
  await page.getByLabel("Language", { exact: true }).selectOption({ label: "German (Deutsch)" });
  await page.getByLabel("DPA reference (optional)").fill("DPA-2026-001");
  await page.getByRole("button", { name: "Register customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: legalName })).toBeVisible();

  const add = page.getByRole("region", { name: "Add a workspace" });
  await add.getByLabel("Workspace name").fill("Initrode Support");
  await add.getByLabel("Slug").fill(slug);
  await add.getByLabel("Domains (optional)").fill(`https://www.${slug}.example/help\nhelp.${slug}.example`);
  await add.getByRole("button", { name: "Add workspace" }).click();
  await expect(add.getByText("Workspace “Initrode Support” added.")).toBeVisible();
  // Stored as the host names requests are matched by.
  const workspace = page.getByRole("region", { name: "Initrode Support", exact: true });
  await expect(workspace.getByLabel("Domains (optional)")).toHaveValue(`${slug}.example\nhelp.${slug}.example`);
  await expect(page.getByRole("region", { name: "History" })).toContainText(`Workspace added · ${slug}`);

  // A second workspace may not take the same slug; the message names the one that has it.
  await add.getByLabel("Workspace name").fill("Initrode Outlet");
  await add.getByLabel("Slug").fill(slug);
  await add.getByRole("button", { name: "Add workspace" }).click();
  await expect(add.getByLabel("Slug")).toHaveAccessibleDescription(
    new RegExp(`The slug “${slug}” is already used by the workspace “Initrode Support” \\(${slug}\\) of ${legalName}`),
  );
  await expect(add.getByLabel("Slug")).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  // Nor list a domain the first one lists.
  await add.getByLabel("Slug").fill(`${slug}-outlet`);
  await add.getByLabel("Domains (optional)").fill(`help.${slug}.example`);
  await add.getByRole("button", { name: "Add workspace" }).click();
  await expect(add.getByLabel("Domains (optional)")).toHaveAccessibleDescription(/is already listed by the workspace “Initrode Support”/);

  await add.getByLabel("Domains (optional)").fill(`outlet.${slug}.example`);
  await add.getByRole("button", { name: "Add workspace" }).click();
  await expect(add.getByText("Workspace “Initrode Outlet” added.")).toBeVisible();

  // Removing asks first, and works from the keyboard.
  const outlet = page.getByRole("region", { name: "Initrode Outlet", exact: true });
  await outlet.getByRole("button", { name: /^Remove workspace/ }).focus();
  await page.keyboard.press("Enter");
  await expect(outlet.getByRole("button", { name: /^Confirm: remove workspace/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(outlet).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" })).toContainText(`Workspace removed · ${slug}-outlet`);

  await page.goto("/admin/customers");
  const row = page.getByRole("row", { name: new RegExp(legalName) });
  await expect(row).toContainText(`privacy@${slug}.example`);
  await expect(row).toContainText("German (Deutsch)");
  await expect(row).toContainText(`Initrode Support · ${slug} · ${slug}.example, help.${slug}.example`);
  await expect(row).not.toContainText("Initrode Outlet");
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole("link", { name: legalName }).click();
  await expect(page.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
});

test("an auditor reads a customer and its workspaces but gets no forms to change them", async ({ page, context }) => {
  const auditor = await createStaff("AUDITOR");
  await signInAs(context, auditor.id);
  const { customerId } = await createCustomerRow();
  await page.goto("/admin/customers");
  await expect(page.getByRole("link", { name: "Register a customer" })).toHaveCount(0);
  await page.goto(`/admin/customers/${customerId}`);
  await expect(page.getByRole("heading", { name: "Workspaces" })).toBeVisible();
  await expect(page.getByText(/^rt-[0-9a-z]+-0$/)).toBeVisible();
  await expect(page.getByRole("button")).toHaveText(["Sign out"]);
  expect(await seriousViolations(page)).toEqual([]);
});
