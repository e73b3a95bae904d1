import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { codeIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

for (const path of ["/", "/privacy", "/privacy/recipients", "/privacy/versions", "/privacy/versions/2025-09-01", "/privacy/versions/compare", "/requests/new", "/requests/status"]) {
  test(`axe finds nothing serious on ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("axe finds nothing serious on the form with errors, the code page and the status page", async ({ page }) => {
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Enter your full name")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const email = uniqueEmail("axe");
  await chooseType(page, "Export my data");
  await page.getByRole("radio", { name: /^JSON/ }).check();
  await fillRequester(page, { name: "Mia Tanaka", email, country: "Brazil" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Confirmation code").fill(codeIn(await waitForMail(email, /Confirm your privacy request/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
