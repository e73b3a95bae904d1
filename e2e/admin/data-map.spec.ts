import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { uniqueTag } from "../support/customers";
import { createStaff, signInAs } from "../support/staff";

test("an admin maps a manual system with categorised fields, exports it as YAML, and is told which category of an import is unknown", async ({ page, context }) => {
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const tag = uniqueTag();
  const name = `Finance sheet ${tag}`;
  const key = `finance_${tag}`;

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Data map" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data map" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Add system" }).click();

  // A wrong owner address is named under its field.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Owner's email").fill("finance-team");
  await page.getByLabel("Purpose").fill("Invoices and billing contacts");
  await page.getByLabel("Kind").selectOption({ label: "Manual (a person looks)" });
  await page.getByRole("button", { name: "Add system" }).click();
  await expect(page.getByLabel("Owner's email")).toHaveAccessibleDescription(/in the format name@example.com/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Owner's email").fill(`finance-${tag}@jexi.example`);
  await page.getByRole("button", { name: "Add system" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const addCollection = page.getByRole("region", { name: "Add a collection" });
  await addCollection.getByLabel("Table name").fill("billing_contacts");
  await addCollection.getByRole("button", { name: "Add collection" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "billing_contacts" })).toBeVisible();

  const collection = page.getByRole("region", { name: "billing_contacts", exact: true });
  const addField = page.getByRole("region", { name: "Add a field to billing_contacts" });
  await addField.getByLabel("Field name").fill("email");
  await addField.getByLabel("Data categories").fill("user.contact.email");
  await addField.getByLabel("Identifies a person by").selectOption({ label: "Email address" });
  await addField.getByRole("button", { name: "Add field to billing_contacts" }).click();
  await expect(collection.getByRole("table")).toContainText("User Contact Email (user.contact.email)");

  // An unknown category is refused with its key, and what was typed stays.
  await addField.getByLabel("Field name").fill("iban");
  await addField.getByLabel("Data categories").fill("user.financial.iban");
  await addField.getByRole("button", { name: "Add field to billing_contacts" }).click();
  await expect(addField.getByLabel("Data categories")).toHaveAccessibleDescription(/Unknown data category: user.financial.iban/);
  await expect(addField.getByLabel("Field name")).toHaveValue("iban");
  await addField.getByLabel("Data categories").fill("user.financial.bank_account");
  await addField.getByRole("button", { name: "Add field to billing_contacts" }).click();
  await expect(collection.getByRole("table")).toContainText("Bank Account Information (user.financial.bank_account)");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Field added");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Data map" }).first().click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Manual (a person looks)");
  await expect(row).toContainText(`finance-${tag}@jexi.example`);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export YAML" }).click();
  const download = await downloading;
  const yaml = await readFile((await download.path())!, "utf8");
  expect(yaml).toContain(`fides_key: ${key}`);
  expect(yaml).toContain("name: billing_contacts");
  expect(yaml).toMatch(/- name: email\n\s+data_categories:\n\s+- user.contact.email\n\s+fides_meta:\n\s+identity: email/);

  await page.getByRole("link", { name: "Import YAML" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Or paste the YAML").fill(yaml.replace("user.financial.bank_account", "user.contact.state"));
  await page.getByRole("button", { name: "Check and import" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toContainText("Nothing was imported: the file has 1 problem.");
  await expect(alert).toContainText(`${key}.billing_contacts.iban: Unknown data category “user.contact.state”`);
  expect(await seriousViolations(page)).toEqual([]);
});

test("an admin stores a database password that is never shown back and tests the connection; an officer only reads the system", async ({ page, context, browser }) => {
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const tag = uniqueTag();
  const name = `Warehouse ${tag}`;

  await page.goto("/admin/data-map/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Key").fill(`warehouse_${tag}`);
  await page.getByLabel("Owner's email").fill(`data-${tag}@jexi.example`);
  await page.getByLabel("Purpose").fill("Reporting");
  await page.getByLabel("Kind").selectOption({ label: "PostgreSQL" });
  await page.getByRole("button", { name: "Add system" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const connection = page.getByRole("region", { name: "Connection", exact: true });
  await expect(connection).toContainText("No password is stored.");
  // Nothing listens on port 1: the test says the system could not be reached.
  await connection.getByLabel("Host").fill("127.0.0.1");
  await connection.getByLabel("Port").fill("1");
  await connection.getByLabel("Database").fill("warehouse");
  await connection.getByLabel("User").fill("reader");
  await connection.getByLabel("Password").fill(`pw-${tag}`);
  await connection.getByRole("button", { name: "Save connection" }).click();
  await expect(connection).toContainText("the new secret is stored sealed");
  await expect(connection).toContainText(/A password is stored \(sealed\), set on /);
  await expect(connection.getByLabel("New password (optional)")).toHaveValue("");
  expect(await page.content()).not.toContain(`pw-${tag}`);
  expect(await seriousViolations(page)).toEqual([]);

  await connection.getByRole("button", { name: "Test connection" }).click();
  await expect(connection.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await expect(connection).toContainText(/Last test, .*: failed/);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Connection tested");
  expect(await page.content()).not.toContain(`pw-${tag}`);
  const url = page.url();

  const officerContext = await browser.newContext();
  const officer = await createStaff("OFFICER");
  await signInAs(officerContext, officer.id);
  const officerPage = await officerContext.newPage();
  await officerPage.goto(url);
  await expect(officerPage.getByRole("heading", { level: 1, name })).toBeVisible();
  for (const button of ["Save details", "Save connection", "Test connection", "Add collection"]) await expect(officerPage.getByRole("button", { name: button })).toHaveCount(0);
  await expect(officerPage.getByRole("region", { name: "Connection", exact: true })).toContainText(/Last test, .*: failed/);
  expect(await seriousViolations(officerPage)).toEqual([]);
  await officerContext.close();
});
