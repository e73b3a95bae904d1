import { type Page } from "@playwright/test";

export type Requester = { name: string; email: string; country: string; region?: string };

/** Fills "About you" and "How do you know us?" the way a person would, by label. */
export async function fillRequester(page: Page, who: Requester, relationship = "I have an account with us, or work for a company that does") {
  await page.getByLabel("Full name").fill(who.name);
  await page.getByLabel("Email address", { exact: true }).fill(who.email);
  await page.getByLabel("Country where you live").selectOption({ label: who.country });
  if (who.region) await page.getByLabel(/^(State|Province or territory)$/).selectOption({ label: who.region });
  await page.getByRole("radio", { name: relationship }).check();
}

export async function chooseType(page: Page, label: string) {
  await page.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
}
