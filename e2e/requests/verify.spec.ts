import { expect, test } from "@playwright/test";
import { codeIn, linkIn, messagesTo, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

/** What a page says without running its scripts (a scanner or a plain HTTP client sees this). */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

function headingOf(html: string): string {
  return visibleText(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? "").trim();
}

async function submitAccessRequest(page: import("@playwright/test").Page, email: string, country = "France") {
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Jean Dupont", email, country });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

test("requester can verify by code and sees the status page and the acknowledgement", async ({ page }) => {
  const email = uniqueEmail("code");
  await submitAccessRequest(page, email);
  await expect(page.getByText(/j•••t@example\.test|•••/).first()).toBeVisible();
  // Arriving from the form, the code field has the focus and says where the code went.
  await expect(page.getByLabel("Confirmation code")).toBeFocused();
  await expect(page.getByLabel("Confirmation code")).toHaveAccessibleDescription(/We sent a 6-digit code to .* for request DSR-.*The 6 digits from the email\./);
  const mail = await waitForMail(email, /Confirm your privacy request/);
  expect(mail.text).toContain("15 minutes");

  await page.keyboard.type(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Email confirmed" })).toBeVisible();
  await expect(page.getByText("Waiting for email confirmation")).toHaveCount(0);

  const ack = await waitForMail(email, /We have your request/);
  const statusLink = linkIn(ack, "/requests/status/");
  await page.goto(statusLink);
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByText("Access my data", { exact: true })).toBeVisible();
});

test("requester can verify by the link in the email and its button", async ({ page }) => {
  const email = uniqueEmail("link");
  await submitAccessRequest(page, email, "United Kingdom");
  const mail = await waitForMail(email, /Confirm your privacy request/);
  await page.goto(linkIn(mail, "/requests/verify/link/"));
  await expect(page.getByRole("heading", { name: "Confirm your privacy request" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(page.getByText("Email confirmed").first()).toBeVisible();
  await expect(page.getByText("UK GDPR")).toBeVisible();

  // The link works once: opening it again says the request is confirmed, instead of an error.
  await page.goto(linkIn(mail, "/requests/verify/link/"));
  await expect(page.getByRole("heading", { name: "Your request is confirmed" })).toBeVisible();
  await expect(page.getByText("Follow it with the status link in the emails we sent you")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my request" })).toHaveCount(0);
  // No fresh status link for whoever holds an old email: the way to a new one goes by email.
  await page.getByRole("link", { name: "Get a new status link" }).click();
  await expect(page.getByLabel("Reference")).toBeVisible();
});

test("the link's button confirms without JavaScript", async ({ page, browser }) => {
  const email = uniqueEmail("link-nojs");
  await submitAccessRequest(page, email);
  const mail = await waitForMail(email, /Confirm your privacy request/);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(linkIn(mail, "/requests/verify/link/"));
  await plain.getByRole("button", { name: "Confirm my request" }).click();
  await expect(plain.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  await expect(plain.getByText("Email confirmed").first()).toBeVisible();
  await context.close();
});

test("a mail scanner opening the link confirms nothing", async ({ page }) => {
  const email = uniqueEmail("scanner");
  await submitAccessRequest(page, email);
  const mail = await waitForMail(email, /Confirm your privacy request/);

  // As a link scanner does: a plain GET that follows redirects, twice.
  for (let i = 0; i < 2; i++) {
    const response = await fetch(linkIn(mail, "/requests/verify/link/"));
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain("Press the button to confirm");
  }

  // The request still waits for the person: its status page says so, and the link still asks.
  await page.goto(linkIn(mail, "/requests/status/"));
  await expect(page.getByText("Waiting for email confirmation").first()).toBeVisible();
  await page.goto(linkIn(mail, "/requests/verify/link/"));
  await expect(page.getByRole("button", { name: "Confirm my request" })).toBeVisible();
});

test("a garbled confirmation address gets the same page as an unknown one, not an error", async () => {
  const base = process.env.E2E_BASE_URL ?? "http://localhost:3000";
  for (const [garbled, unknown] of [
    ["/requests/verify/%zz", "/requests/verify/00000000-0000-4000-8000-000000000000"],
    ["/requests/verify/link/%zz", `/requests/verify/link/${"x".repeat(43)}`],
  ]) {
    // As a plain HTTP client sees it: the status, and the words without running any script.
    const [bad, missing] = await Promise.all([fetch(base + garbled), fetch(base + unknown)]);
    expect([garbled, bad.status]).toEqual([garbled, 404]);
    expect([unknown, missing.status]).toEqual([unknown, 404]);
    const [badPage, missingPage] = [await bad.text(), await missing.text()];
    expect(badPage).toMatch(/<html[^>]* lang="en"/);
    expect(headingOf(badPage)).toMatch(/not found|not valid/i);
    expect(headingOf(badPage)).toBe(headingOf(missingPage));
    expect(visibleText(badPage)).toContain("check that you copied");
  }
});

test("five wrong codes lock the confirmation", async ({ page }) => {
  const email = uniqueEmail("lock");
  await submitAccessRequest(page, email);
  const mail = await waitForMail(email, /Confirm your privacy request/);
  const right = codeIn(mail);
  const wrong = right === "000000" ? "111111" : "000000";

  const codeField = page.getByLabel("Confirmation code");
  for (let left = 4; left >= 1; left--) {
    await codeField.fill(wrong);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText(`You have ${left} ${left === 1 ? "attempt" : "attempts"} left`)).toBeVisible();
  }
  await codeField.fill(wrong);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/Too many wrong codes/)).toBeVisible();

  // Even the right code no longer works.
  await codeField.fill(right);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/Too many wrong codes/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toHaveCount(0);

  // A new code can't be sent in the first minute.
  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByText(/Please wait \d+ seconds/)).toBeVisible();
  expect((await messagesTo(email)).length).toBe(1);
});

test("a wrong status link gets the same 404 as a missing request", async ({ page }) => {
  const response = await page.goto("/requests/status/this-token-does-not-exist-at-all-123456");
  expect(response?.status()).toBe(404);
  const other = await page.goto("/requests/status/x");
  expect(other?.status()).toBe(404);
});
