import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { waitForMail } from "../support/mailbox";
import { END_USER, submitAcmeDeletion } from "../support/referrals";

// The page a customer's privacy contact opens from the referral email. Each test makes its own
// request the way an end user of the demo customer Acme Support Ltd would (e2e/support/referrals.ts).

const OPERATOR_INBOX = "hello@jexi.com";
const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

/** The value the page lists for a label (the <dd> after its <dt>). */
function fact(page: Page, label: string) {
  return page.getByRole("definition").filter({ has: page.locator(`xpath=preceding-sibling::dt[1][normalize-space()="${label}"]`) });
}

test("customer reads a referral, acknowledges it, asks for an export and completes it", async ({ page }) => {
  const name = "Noor Haddad";
  const referral = await submitAcmeDeletion(page, name);

  const response = await page.goto(referral.referralLink);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { level: 1, name: `Privacy request ${referral.reference}` })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Answer the requester by ${LONG_DATE.source}$`))).toBeVisible();
  await expect(fact(page, "Request")).toHaveText("Delete my data");
  await expect(fact(page, "Law")).toHaveText("GDPR (European Economic Area)");
  await expect(fact(page, "Name")).toHaveText(name);
  await expect(fact(page, "Email")).toHaveText(referral.requesterEmail);
  await expect(fact(page, "How they know you")).toHaveText(END_USER);
  await expect(fact(page, "What should be deleted")).toHaveText("Everything about the requester");
  await expect(fact(page, "Acknowledged")).toHaveText("Not yet");
  await expect(page.getByText("The whole request concerns your workspace")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A refusal must explain itself: the error sits on the note, and nothing changes.
  await page.getByRole("radio", { name: /^Refused/ }).check();
  await page.getByRole("button", { name: "Close the request" }).click();
  const note = page.getByLabel("Note for the requester");
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription(/Explain the refusal: the requester will read this note\./);
  await expect(note).toBeFocused();
  await expect(page.getByRole("radio", { name: /^Refused/ })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(referral.referralLink);
  await expect(page.getByRole("heading", { level: 1, name: `Privacy request ${referral.reference}` })).toBeVisible();
  await expect(fact(page, "Acknowledged")).toHaveText("Not yet");

  await page.getByRole("button", { name: "Acknowledge" }).click();
  // The confirmation takes focus: the button that was pressed is gone.
  await expect(page.getByRole("status").filter({ hasText: "Thank you for confirming" })).toBeFocused();
  await expect(fact(page, "Acknowledged")).toHaveText(LONG_DATE);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  await page.getByRole("button", { name: "Ask Jexi for an export of the workspace data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Export requested" })).toBeFocused();
  await expect(fact(page, "Export of workspace data")).toHaveText(new RegExp(`^Requested ${LONG_DATE.source}`));
  await expect(page.getByRole("button", { name: /Ask Jexi for an export/ })).toHaveCount(0);
  await waitForMail(OPERATOR_INBOX, new RegExp(`asks for a data export for request ${referral.reference}$`));

  await page.getByRole("radio", { name: /^Completed/ }).check();
  await note.fill("We deleted your chats with Acme Help today.");
  await page.getByRole("button", { name: "Close the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This request is closed" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Request closed as completed" })).toBeFocused();
  const answer = await waitForMail(referral.requesterEmail, new RegExp(`An answer to your request ${referral.reference}`));
  expect(answer.text).toContain("We deleted your chats with Acme Help today.");

  // Later visits show only that it is closed: no personal data, no actions.
  await page.goto(referral.referralLink);
  await expect(page.getByRole("heading", { level: 1, name: "This request is closed" })).toBeVisible();
  await expect(page.getByText(referral.reference)).toBeVisible();
  await expect(page.getByText("Acme Support Ltd closed this request as completed")).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByText(referral.requesterEmail)).toHaveCount(0);
  await expect(page.getByRole("button")).toHaveCount(0);
});

test("the referral page works without JavaScript", async ({ browser, page }) => {
  const referral = await submitAcmeDeletion(page, "Tomás Ferreira");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  try {
    await plain.goto(referral.referralLink);
    await plain.getByRole("button", { name: "Acknowledge" }).click();
    await expect(plain.getByRole("status").filter({ hasText: "Thank you for confirming" })).toBeVisible();

    await plain.getByRole("radio", { name: /^Refused/ }).check();
    await plain.getByRole("button", { name: "Close the request" }).click();
    const note = plain.getByLabel("Note for the requester");
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await expect(note).toHaveAccessibleDescription(/Explain the refusal/);
    await expect(plain.getByRole("radio", { name: /^Refused/ })).toBeChecked();

    await note.fill("We keep support chats for 2 years under our retention policy and cannot delete them earlier.");
    await plain.getByRole("button", { name: "Close the request" }).click();
    await expect(plain.getByRole("heading", { level: 1, name: "This request is closed" })).toBeVisible();
    await expect(plain.getByRole("status").filter({ hasText: "Request closed as refused" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("an unknown or malformed referral link says it no longer works, with a 404", async ({ page }) => {
  for (const token of ["this-token-was-never-issued-to-anyone-0123456789", "x"]) {
    const response = await page.goto(`/referrals/${token}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
    await expect(page.getByRole("link", { name: "hello@jexi.com" }).first()).toBeVisible();
  }
});
