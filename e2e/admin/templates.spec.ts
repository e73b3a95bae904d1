import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { codeIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Saved texts (issue 13): an admin saves one with placeholders; an officer starts a question from
// it on a request, reads it filled with the request's reference, and sends it.

test("an admin saves a text, and an officer asks from it with the request's values filled in", async ({ browser, page: requester }) => {
  const title = `Which workspace ${Date.now().toString(36)}?`;
  const adminContext = await browser.newContext();
  await signInAs(adminContext, (await createStaff("ADMIN")).id);
  const admin = await adminContext.newPage();
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Saved texts" }).click();
  const add = admin.getByRole("region", { name: "Add a saved text" });
  await add.getByLabel("Title").fill(title);
  await add.getByLabel("Text").fill("Dear {{nom}}, which workspace is {{reference}} about?");
  await add.getByRole("button", { name: "Save the text" }).click();
  await expect(add).toContainText("Unknown placeholder {{nom}}");
  await add.getByLabel("Text").fill("Dear {{requesterName}}, which workspace is {{reference}} about?");
  await add.getByRole("button", { name: "Save the text" }).click();
  await expect(add).toContainText("Text saved.");
  await expect(admin.getByRole("region", { name: "Ask the requester for more information" })).toContainText(title);
  expect(await seriousViolations(admin)).toEqual([]);

  const email = uniqueEmail("template");
  await requester.goto("/requests/new");
  await chooseType(requester, "Access my data");
  await fillRequester(requester, { name: "Rosa Diaz", email, country: "Spain" });
  await requester.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(email, /Confirm your privacy request/);
  await requester.getByLabel("Confirmation code").fill(codeIn(mail));
  await requester.getByRole("button", { name: "Confirm" }).click();
  const reference = mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];

  const officerContext = await browser.newContext();
  await signInAs(officerContext, (await createStaff("OFFICER")).id);
  const officer = await officerContext.newPage();
  await officer.goto(`/admin/requests?q=${reference}`);
  await officer.getByRole("link", { name: reference }).click();
  const ask = officer.getByRole("region", { name: "Ask the requester for more information" });
  await ask.getByLabel("Start from a saved text").selectOption({ label: title });
  await expect(ask.getByLabel("Your question")).toHaveValue(`Dear Rosa Diaz, which workspace is ${reference} about?`);
  await ask.getByRole("button", { name: "Send question" }).click();
  await ask.getByRole("button", { name: "Confirm: send question" }).click();
  await expect(officer.locator(":focus")).toContainText("Question sent");
  const question = await waitForMail(email, /We need more information about your request/);
  expect(question.text).toContain(`Dear Rosa Diaz, which workspace is ${reference} about?`);
});
