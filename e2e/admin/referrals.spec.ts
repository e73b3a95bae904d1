import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { uniqueTag } from "../support/customers";
import { waitForMail } from "../support/mailbox";
import { ACME_INBOX, submitEndUserDeletion } from "../support/referrals";
import { createStaff, signInAs } from "../support/staff";

// A chatbot user names a company nobody registered: the routing rules leave the request to the
// officer, who sends it to the right customer, follows the referral from the queue and the
// request page, sends it again, and finally takes it over. Other specs email Acme too, so each
// email is found by the request's reference.

async function confirm(page: Page, title: string, button: string) {
  const section = page.getByRole("region", { name: title });
  await section.getByRole("button", { name: button }).click();
  await section.getByRole("button", { name: `Confirm: ${button.toLowerCase()}` }).click();
}

/** The request's row in a queue view. */
async function queueRow(page: Page, query: string, reference: string) {
  await page.goto(`/admin/requests?${query}`);
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
}

test("an officer routes a request nobody could match, follows its referral, sends it again and takes it over", async ({ page: requesterPage, browser }) => {
  // The longest story in the suite (submit, verify, route, three emails, re-send, take over): it
  // once ran past 60 s on a loaded 2-core machine.
  test.slow();
  const { reference } = await submitEndUserDeletion(requesterPage, "Noor Haddad", `Initech Helpdesk ${uniqueTag()}`);
  const subject = new RegExp(`Privacy request ${reference} `);

  const officer = await createStaff("OFFICER");
  const context = await browser.newContext();
  await signInAs(context, officer.id);
  const page = await context.newPage();

  // The queue says it needs routing, and its filter finds it.
  await expect(await queueRow(page, `q=${reference}`, reference)).toContainText("Needs routing");
  await expect(await queueRow(page, "route=UNRESOLVED&sort=received", reference)).toHaveCount(1);
  // The overview counts it under "Needs routing", and the card opens the queue of those requests.
  await page.goto("/admin");
  const card = page.getByRole("link", { name: /^Needs routing \d+$/ });
  expect(Number((await card.textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);
  await card.click();
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) })).toHaveCount(1);

  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  const route = page.getByRole("region", { name: "Route", exact: true });
  await expect(route).toContainText("Needs routing");
  await expect(route).toContainText("No workspace matched the requester's answers with certainty.");

  const routing = page.getByRole("region", { name: "Route the request" });
  await routing.getByLabel("Send to").selectOption({ label: "Acme Support Ltd — Acme Help (acme-help)" });
  await routing.getByRole("button", { name: "Route" }).click();
  await expect(routing.getByRole("group", { name: "Confirm: Route the request" })).toContainText(`Refer ${reference} to Acme Support Ltd`);
  await routing.getByRole("button", { name: "Confirm: route" }).click();

  const referrals = page.getByRole("region", { name: "Referrals" });
  await expect(referrals.getByRole("link", { name: "Acme Support Ltd" })).toHaveAttribute("href", /^\/admin\/customers\/[0-9a-f-]{36}$/);
  await expect(referrals).toContainText("awaiting acknowledgement");
  await expect(referrals).toContainText("Acme Help (acme-help)");
  await expect(page.getByText("Referred to Acme Support Ltd (Acme Help)")).toBeVisible();
  await expect(page.getByText("Referred to the customer", { exact: true }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The customer's page lists it among its open referrals (issue 13, "Customer pages").
  await referrals.getByRole("link", { name: "Acme Support Ltd" }).click();
  const open = page.getByRole("table", { name: /^Open referrals/ });
  await expect(open.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) })).toContainText("awaiting acknowledgement");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goBack();

  const first = await waitForMail(ACME_INBOX, subject);
  expect(first.text).toContain("Noor Haddad");

  // The queue shows whom it went to and where that stands, under the referral filter too.
  const row = await queueRow(page, `q=${reference}`, reference);
  await expect(row).toContainText("Referred to the customer");
  await expect(row).toContainText("Acme Support Ltd · awaiting acknowledgement");
  await expect(await queueRow(page, "referral=awaiting&route=CUSTOMER&sort=received", reference)).toHaveCount(1);

  await page.getByRole("link", { name: reference }).click();
  await confirm(page, "Send again to Acme Support Ltd", "Send again");
  await waitForMail(ACME_INBOX, subject, 2);
  await expect(page.getByText("Referral sent again to Acme Support Ltd")).toBeVisible();

  await confirm(page, "Take over from Acme Support Ltd", "Take over");
  await expect(page.getByText("Taken over from Acme Support Ltd")).toBeVisible();
  await expect(page.getByRole("region", { name: "Referrals" })).toContainText("withdrawn");
  await expect(page.getByRole("region", { name: "Take over from Acme Support Ltd" })).toHaveCount(0);
  await expect(page.getByText("Received", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Acknowledge and start" })).toBeVisible();

  const after = await queueRow(page, `q=${reference}`, reference);
  await expect(after).toContainText("Privacy team");
  await expect(after).toContainText("Acme Support Ltd · withdrawn");

  // Closed now: the customer's page lists it among the closed ones, with its dates.
  await page.getByRole("link", { name: reference }).click();
  await page.getByRole("region", { name: "Referrals" }).getByRole("link", { name: "Acme Support Ltd" }).click();
  const closedRow = page.getByRole("table", { name: /^Closed referrals/ }).getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
  await expect(closedRow).toContainText("withdrawn");
  await expect(page.getByRole("table", { name: /^Open referrals/ }).getByRole("link", { name: reference })).toHaveCount(0);
  await context.close();
});
