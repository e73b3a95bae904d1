import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { codeIn, linkIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// An objection to marketing on the demo map: the officer asks the owners of the systems whose
// data uses include marketing (the demo's email provider, owned by platform@jexi.example) to stop
// it for this person; the owner confirms from the emailed link and the request page shows it.

test("an officer asks the owners of the systems using data for marketing to stop it, and sees each confirmation", async ({ page, browser }) => {
  const email = uniqueEmail("objection");
  await page.goto("/requests/new");
  await chooseType(page, "Object to processing");
  await page.getByRole("radio", { name: "Marketing emails and messages" }).check();
  await fillRequester(page, { name: "Noor Haddad", email, country: "France" });
  await page.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(email, /Confirm your privacy request/);
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  const reference = mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];

  const context = await browser.newContext();
  await signInAs(context, (await createStaff("OFFICER")).id);
  const officer = await context.newPage();
  await officer.goto("/admin/requests");
  await officer.getByLabel("Reference, email or name").fill(reference);
  await officer.getByRole("button", { name: "Apply filters" }).click();
  await officer.getByRole("link", { name: reference }).click();

  const section = officer.getByRole("region", { name: "Stop the uses objected to" });
  await expect(section).toContainText("No owner has been asked yet.");
  // The marketing use on the map is proposed; the service's own uses are not.
  await expect(section.getByRole("checkbox", { name: /\(marketing\.communications\.email\)/ })).toBeChecked();
  await expect(section.getByRole("checkbox", { name: /\(essential\.service\.payment_processing\)/ })).not.toBeChecked();
  expect(await seriousViolations(officer)).toEqual([]);
  await section.getByRole("button", { name: "Ask the owners to stop these uses" }).click();
  // The outcome is announced and takes the focus.
  await expect(officer.locator(":focus")).toContainText("The owners are emailed their tasks.");
  await expect(section.getByRole("table")).toContainText("Transactional email provider");
  await expect(section.getByRole("table")).toContainText("not confirmed yet");

  const task = await waitForMail("platform@jexi.example", new RegExp(`${reference}: please stop using one person's data in Transactional email provider`));
  expect(task.text).toContain(email);
  const owner = await (await browser.newContext()).newPage();
  await owner.goto(linkIn(task, "/notices/"));
  await expect(owner.getByRole("heading", { name: "Please stop using one person's data in Transactional email provider" })).toBeVisible();
  await expect(owner.getByRole("region", { name: "The person" })).toContainText("marketing.communications.email");
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByLabel("We have stopped these uses of their data").check();
  await owner.getByRole("button", { name: "Send the confirmation" }).click();
  await expect(owner.getByRole("heading", { name: "Confirmed, thank you" })).toBeVisible();

  await officer.reload();
  await expect(section.getByRole("table")).toContainText("the owner confirmed the uses are stopped");
  await expect(officer.getByRole("region", { name: "Timeline" })).toContainText("Owner of Transactional email provider confirmed");
});
