import { expect, test } from "@playwright/test";
import { advanceClock, resetClock } from "../support/clock";
import { linkIn, messagesTo, waitForMail } from "../support/mailbox";
import { ACME_INBOX, submitAcmeDeletion } from "../support/referrals";
import { createStaff, signInAs } from "../support/staff";

// Issue #4's second story: the customer never answers. Reminders go out every 5 days, twice, and
// then the referral comes back to the privacy officer's queue. Days pass by moving the app's
// clock (the test-only /api/testing/clock), never by waiting.

const DAY = 86_400_000;


test.afterAll(async ({ request }) => resetClock(request));

test("a silent customer is reminded twice and then the referral escalates to the officer", async ({ page, request, browser }) => {
  const referred = await submitAcmeDeletion(page, "Otto Silent");
  const reminder = new RegExp(`^Reminder: privacy request ${referred.reference} `);

  // Four days on, nothing yet.
  await advanceClock(request, 4 * DAY);
  await page.waitForTimeout(1500); // one job-worker poll (JOBS_POLL_MS=1000 in tests) finds nothing due
  expect((await messagesTo(ACME_INBOX)).filter((m) => reminder.test(m.subject))).toHaveLength(0);

  // Day 5: the first reminder, with a link that works.
  await advanceClock(request, DAY + 60_000);
  const first = await waitForMail(ACME_INBOX, reminder, 1);
  expect(first.text).toContain("Otto Silent");
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(linkIn(first, "/referrals/"));
  await expect(customer.getByRole("button", { name: "Acknowledge" })).toBeVisible();
  await customer.context().close();

  // Day 10: the second and last reminder says what happens next.
  await advanceClock(request, 5 * DAY);
  const second = await waitForMail(ACME_INBOX, reminder, 2);
  expect(second.text).toMatch(/privacy team will take it up|take it up/i);

  // Day 15: escalated to the officer.
  await advanceClock(request, 5 * DAY);
  await waitForMail("hello@jexi.com", new RegExp(`has not acknowledged request ${referred.reference}`));

  await page.goto(referred.statusUrl);
  await expect(page.getByText("Acme Support Ltd has not answered yet")).toBeVisible();
  await expect(page.getByRole("region", { name: "Who answers your request" })).toContainText("our privacy team is following up");

  const officer = await createStaff("OFFICER");
  const staffContext = await browser.newContext();
  await signInAs(staffContext, officer.id);
  const staffPage = await staffContext.newPage();
  await staffPage.goto(`/admin/requests?q=${referred.reference}`);
  const row = staffPage.getByRole("row").filter({ hasText: referred.reference });
  await expect(row).toContainText(/escalated/i);
  await expect(row).toContainText("Received");
  await row.getByRole("link", { name: referred.reference }).click();
  await expect(staffPage.getByText(/reminder/i).first()).toBeVisible();
  await expect(staffPage.getByText(/escalated/i).first()).toBeVisible();
  await staffContext.close();
});
