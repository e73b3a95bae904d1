import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { confirmAction } from "../support/confirm-action";
import { requestIdByReference } from "../support/db";
import { codeIn, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// The higher standard of verification (issue 11): the demo asks export requests two questions the
// product database holds about a member (lib/demo/data-map.ts). Alex Morgan has been an owner since
// March 2025 (lib/demo/product-data.ts); the answers are compared through the data map's connector.

const ALEX = "alex.morgan@example.com";

/** An export request from Alex Morgan, confirmed by code: on the status page, with the questions. */
async function confirmedExport(page: Page): Promise<string> {
  await page.goto("/requests/new");
  await chooseType(page, "Export my data");
  await page.getByRole("radio", { name: /^JSON/ }).check();
  await fillRequester(page, { name: "Alex Morgan", email: ALEX, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const reference = (await page.locator("strong", { hasText: /^DSR-/ }).first().textContent())!;
  const mail = await waitForMail(ALEX, new RegExp(`Confirm your privacy request ${reference}`));
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request", exact: true })).toBeVisible();
  return reference;
}

async function officerOn(browser: Browser, reference: string): Promise<Page> {
  const officer = await createStaff("OFFICER", "identity");
  const context = await browser.newContext();
  await signInAs(context, officer.id);
  const page = await context.newPage();
  await page.goto(`/admin/requests/${await requestIdByReference(reference)}`);
  return page;
}

async function answer(page: Page, month: string, role: string) {
  const section = page.getByRole("region", { name: "Confirm who you are" });
  await section.getByLabel("In which month did you create your Jexi account?").fill(month);
  await section.getByLabel("What is your role in your company's Jexi account?").fill(role);
  await section.getByRole("checkbox", { name: /I declare under penalty of perjury/ }).check();
  await section.getByLabel("Your full name, as your signature").fill("Alex Morgan");
  await section.getByRole("button", { name: "Send my answers" }).click();
}

test("answers that match what the product database holds pass, and the request goes ahead", async ({ page, browser }) => {
  const reference = await confirmedExport(page);
  await expect(page.getByRole("status").filter({ hasText: "Your email is confirmed: one more step" })).toBeVisible();
  const section = page.getByRole("region", { name: "Confirm who you are" });
  await expect(section).toContainText("use them for nothing else");
  expect(await seriousViolations(page)).toEqual([]);

  // Nothing answered: each problem is said where it is, and the first field takes the focus.
  await section.getByRole("button", { name: "Send my answers" }).click();
  await expect(section.getByText("Answer this question")).toHaveCount(2);
  await expect(section.getByText("Tick the declaration to send your answers")).toBeVisible();
  await expect(section.getByLabel("In which month did you create your Jexi account?")).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await answer(page, "2025-03", "Owner");
  await expect(page.getByText("Thank you: your answers are in")).toBeVisible();
  await expect(page.getByText("They matched what we hold")).toBeVisible();
  await expect(page.getByRole("region", { name: "Identity check" })).toContainText("the identity check passed");
  await waitForMail(ALEX, new RegExp(`We have your request ${reference}`));

  const officer = await officerOn(browser, reference);
  const panel = officer.getByRole("region", { name: "Identity check", exact: true });
  await expect(panel).toContainText("Passed.");
  await expect(panel).toContainText('signed "Alex Morgan"');
  await expect(panel.getByText("Matches what we hold")).toHaveCount(2);
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.context().close();
});

test("answers that do not match fail: the officer sees why and denies the request as unverifiable", async ({ page, browser }) => {
  const reference = await confirmedExport(page);
  await answer(page, "2024-11", "owner");
  await expect(page.getByText("Your answers did not match")).toBeVisible();
  await expect(page.getByRole("region", { name: "Identity check" })).toContainText("We give out or erase nothing on answers that do not match");
  expect(await seriousViolations(page)).toEqual([]);

  const officer = await officerOn(browser, reference);
  const panel = officer.getByRole("region", { name: "Identity check", exact: true });
  await expect(panel).toContainText("Failed: answers did not match");
  await expect(panel.getByText("Does not match what we hold")).toHaveCount(1);
  await expect(officer.getByRole("region", { name: "Identity confirmed" })).toBeVisible();
  const deny = officer.getByRole("region", { name: "Deny" });
  await deny.getByLabel(/Reason for the denial/).fill("We could not confirm that you are the account member this export would be about.");
  await deny.getByLabel(/^Basis/).selectOption({ label: "Identity could not be verified" });
  await confirmAction(officer, "Deny", "Deny request");
  await expect(officer.getByText("Denied", { exact: true }).first()).toBeVisible();
  await officer.context().close();

  await page.reload();
  await expect(page.getByRole("region", { name: "Our decision" })).toContainText("We could not confirm that you are the account member");
});

test("an admin sees which request types need the higher standard and what each answer is compared with", async ({ browser }) => {
  const admin = await createStaff("ADMIN", "identity-admin");
  const context = await browser.newContext();
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin/data-map");
  await page.getByRole("link", { name: "Verification questions" }).click();
  await expect(page.getByRole("heading", { name: "Verification questions", level: 1 })).toBeVisible();
  await expect(page.getByText("Needs the higher standard now:")).toContainText("Export my data");
  await expect(page.getByText("Compared with Jexi product database › members.role")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A correction's answers are never compared with stored data (§7060): the form refuses it.
  const form = page.getByRole("region", { name: "Add a question" });
  await form.getByLabel("Question", { exact: true }).fill("What is your role?");
  await form.getByRole("checkbox", { name: "Correct my data" }).check();
  await form.getByLabel("Compared with").selectOption({ label: "Jexi product database › members.role" });
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText(/never verified with data the person may be contesting/)).toBeVisible();
  await context.close();
});
