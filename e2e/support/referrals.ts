import { expect, type Page } from "@playwright/test";
import { codeIn, linkIn, uniqueEmail, waitForMail, type Mail } from "./mailbox";
import { chooseType, fillRequester } from "./request-form";

// An end user of the demo customer Acme Support Ltd (workspace "Acme Help" on help.acme.example)
// asks about their chats there: the request the portal refers to Acme. Other specs email
// privacy@acme.example too, so each finds its own referral email by the request's reference.

export const ACME_INBOX = "privacy@acme.example";
export const END_USER = "I used a chat, email or support service that a company runs with our product";

export type ReferredRequest = { reference: string; statusUrl: string; requesterEmail: string; referral: Mail; referralLink: string };

/**
 * Submits a deletion request as a chatbot user of `company`'s service (only their conversations
 * there) and confirms it by code, as the person would.
 */
export async function submitEndUserDeletion(
  page: Page,
  name: string,
  company: string,
): Promise<Pick<ReferredRequest, "reference" | "statusUrl" | "requesterEmail">> {
  const requesterEmail = uniqueEmail("acme-user");
  await page.goto("/requests/new");
  await chooseType(page, "Delete my data");
  await page.getByRole("radio", { name: "All personal information about me" }).check();
  await fillRequester(page, { name, email: requesterEmail, country: "Germany" }, END_USER);
  await page.getByLabel("Which company's service did you use?").fill(company);
  await page.getByRole("radio", { name: "Only my conversations with that company" }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByLabel("Confirmation code").fill(codeIn(await waitForMail(requesterEmail, /Confirm your privacy request/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  const reference = (await page.getByText(/^DSR-[A-Z0-9]{4}-[A-Z0-9]{4}$/).first().textContent())!;
  return { reference, statusUrl: page.url(), requesterEmail };
}

/** Submits a deletion request as a chatbot user of help.acme.example, confirms it by code, and waits for Acme's email. */
export async function submitAcmeDeletion(page: Page, name: string): Promise<ReferredRequest> {
  const request = await submitEndUserDeletion(page, name, "help.acme.example");
  const referral = await waitForMail(ACME_INBOX, new RegExp(`Privacy request ${request.reference} `));
  return { ...request, referral, referralLink: linkIn(referral, "/referrals/") };
}
