import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "../support/mailbox";
import { ACME_INBOX, submitAcmeDeletion } from "../support/referrals";

// Issue #4's first story: an end user of Acme's chatbot asks for deletion; Jexi only processes
// that chat for Acme, so the request goes to Acme, which answers from its link. The requester
// follows every step on the status page.

test("a chatbot user's deletion request is referred to the customer, who acknowledges and completes it", async ({ page, browser }) => {
  const request = await submitAcmeDeletion(page, "Lena Vogel");

  // At once: the requester is told who controls the data and how to reach it.
  const referred = await waitForMail(request.requesterEmail, /Who will answer your request/);
  expect(referred.text).toContain("Acme Support Ltd");
  expect(referred.text).toContain(ACME_INBOX);
  const parts = page.getByRole("region", { name: "Who answers your request" });
  await expect(parts.getByText("Acme Support Ltd")).toBeVisible();
  await expect(parts.getByRole("link", { name: ACME_INBOX })).toHaveAttribute("href", `mailto:${ACME_INBOX}`);
  await expect(parts).toContainText("Waiting for the company to confirm it has your request");
  await expect(page.getByText("Sent to Acme Support Ltd")).toBeVisible();

  // The customer's email carries what it needs to answer.
  expect(request.referral.to).toContain(ACME_INBOX);
  expect(request.referral.text).toContain("Lena Vogel");
  expect(request.referral.text).toContain(request.requesterEmail);
  expect(request.referral.text).toContain("Delete my data");
  expect(request.referral.text).toMatch(/GDPR/);

  // The customer has no account: the link is all it needs. A separate browser context, as on
  // another person's computer.
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(request.referralLink);
  await expect(customer.getByRole("heading", { level: 1, name: `Privacy request ${request.reference}` })).toBeVisible();
  await customer.getByRole("button", { name: "Acknowledge" }).click();
  await expect(customer.getByRole("status").filter({ hasText: "Thank you for confirming" })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Acme Support Ltd confirmed it has your request")).toBeVisible();
  await expect(parts).toContainText("The company is working on it");

  await customer.getByRole("radio", { name: /^Completed/ }).check();
  await customer.getByLabel("Note for the requester").fill("We deleted your chat history and your contact record on our help desk.");
  await customer.getByRole("button", { name: "Close the request" }).click();
  await expect(customer.getByRole("status")).toContainText(/completed/i);

  const outcome = await waitForMail(request.requesterEmail, /An answer to your request/);
  expect(outcome.text).toContain("We deleted your chat history and your contact record on our help desk.");
  await page.goto(linkIn(outcome, "/requests/status/"));
  await expect(page.getByText("Acme Support Ltd completed your request")).toBeVisible();
  await expect(page.getByRole("region", { name: "Who answers your request" })).toContainText("Completed by the company");
  await expect(page.getByText("We deleted your chat history and your contact record on our help desk.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Completed$/ })).toBeVisible();

  // The link worked while the referral was open; now it only says it is closed.
  await customer.goto(request.referralLink);
  await expect(customer.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(customer.getByText(/closed/i).first()).toBeVisible();
  await customer.context().close();
});
