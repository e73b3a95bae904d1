import { expect, test } from "@playwright/test";
import { codeIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

type Case = { label: string; fill: (page: import("@playwright/test").Page) => Promise<void> };

const cases: Case[] = [
  { label: "Access my data", fill: async (p) => p.getByLabel(/Anything in particular/).fill("The chat transcripts you hold") },
  {
    label: "Delete my data",
    fill: async (p) => {
      await p.getByRole("radio", { name: "Only some of it" }).check();
      await p.getByLabel("Which information should we delete?").fill("My old support tickets");
    },
  },
  { label: "Export my data", fill: async (p) => p.getByRole("radio", { name: /^CSV/ }).check() },
  {
    label: "Object to processing",
    fill: async (p) => p.getByRole("radio", { name: "Product analytics and usage tracking" }).check(),
  },
  {
    label: "Correct my data",
    fill: async (p) => {
      await p.getByLabel("Which information is wrong?").fill("My surname is misspelled");
      await p.getByLabel("What should it say instead?").fill("Okonkwo");
    },
  },
  {
    label: "Restrict processing",
    fill: async (p) => {
      await p.getByLabel("Which use of your data should we restrict?").fill("Using my messages for analytics");
      await p.getByRole("radio", { name: "I contest that the data is accurate" }).check();
    },
  },
  { label: "Withdraw consent", fill: async (p) => p.getByLabel("Which consent do you withdraw?").fill("Marketing emails") },
];

for (const { label, fill } of cases) {
  test(`requester can submit "${label}" and confirm it by code`, async ({ page }) => {
    const email = uniqueEmail("type");
    await page.goto("/requests/new");
    await chooseType(page, label);
    await fill(page);
    await fillRequester(page, { name: "Ada Okonkwo", email, country: "Germany" });
    await page.getByRole("button", { name: "Send request" }).click();

    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const mail = await waitForMail(email, /Confirm your privacy request/);
    await page.getByLabel("Confirmation code").fill(codeIn(mail));
    await page.getByRole("button", { name: "Confirm" }).click();

    await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
    await expect(page.getByText(label, { exact: true })).toBeVisible();
    await expect(page.getByText("GDPR (European Economic Area)")).toBeVisible();
  });
}

test("requester can opt out of sale or sharing without confirming identity", async ({ page }) => {
  const email = uniqueEmail("optout");
  await page.goto("/requests/new?type=OPT_OUT_SALE");
  await expect(page.getByRole("radio", { name: /^Opt out of sale or sharing/ })).toBeChecked();
  await fillRequester(page, { name: "Sam Rivera", email, country: "United States", region: "California" });
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByText("Received", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("CCPA/CPRA (California)")).toBeVisible();
  // In effect at once, and no confirmation pending (issue 11, requester side, point 4).
  await expect(page.getByRole("status").filter({ hasText: "Your opt-out is in effect" })).toBeVisible();
  await expect(page.getByText("Not needed for an opt-out")).toBeVisible();
  const mail = await waitForMail(email, /We have your request/);
  expect(mail.text).toContain("/requests/status/");
});
