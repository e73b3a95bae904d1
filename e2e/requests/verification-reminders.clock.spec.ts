import { expect, test } from "@playwright/test";
import { advanceClock, resetClock } from "../support/clock";
import { seriousViolations } from "../support/axe";
import { codeIn, linkIn, messagesTo, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

// Issue 11: a request whose email is not confirmed gets a reminder after 24 hours and a last one a
// day before it closes at 7 days, each with a fresh code and link. Days pass by moving the app's
// clock (the test-only /api/testing/clock), never by waiting.

const HOUR = 3_600_000;


test.afterAll(async ({ request }) => resetClock(request));

test("an unconfirmed request is reminded after a day and a day before it closes, and the last reminder's link confirms it", async ({ page, request }) => {
  const email = uniqueEmail("remind");
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Rhea Minder", email, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("We email you a reminder with a new code 1 day after you sent it, and a last one 1 day before it closes.")).toBeVisible();
  const original = await waitForMail(email, /^Confirm your privacy request/);
  const reminders = async () => (await messagesTo(email)).filter((m) => /reminder: confirm/i.test(m.subject));

  // 23 hours on, nothing yet.
  await advanceClock(request, 23 * HOUR);
  await page.waitForTimeout(1500); // one job-worker poll (JOBS_POLL_MS=1000 in tests) finds nothing due
  expect(await reminders()).toHaveLength(0);

  // A day on: the first reminder, with a new code.
  await advanceClock(request, HOUR + 60_000);
  const first = await waitForMail(email, /^Reminder: confirm your privacy request DSR-/);
  expect(first.text).toContain("We still need you to confirm your email address");
  expect(first.text).toContain("expire in 24 hours");
  expect(codeIn(first)).not.toBe(codeIn(original));

  // Six days on: the last reminder, once.
  await advanceClock(request, 5 * 24 * HOUR);
  const last = await waitForMail(email, /^Last reminder: confirm your privacy request DSR-/);
  expect(last.text).toContain("This is our last reminder.");
  await page.waitForTimeout(1500);
  expect(await reminders()).toHaveLength(2);

  // Its link confirms the request, hours after it was sent.
  await advanceClock(request, 5 * HOUR);
  await page.goto(linkIn(last, "/requests/verify/link/"));
  await expect(page.getByRole("heading", { name: "Confirm your privacy request" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Email confirmed" })).toBeVisible();
});
