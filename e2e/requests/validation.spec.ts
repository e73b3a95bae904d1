import { expect, test } from "@playwright/test";
import { countRequestsFor } from "../support/db";
import { messagesTo, uniqueEmail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

test("bad input shows a message under each field and stores nothing", async ({ page }) => {
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Choose the kind of request")).toBeVisible();
  await expect(page.getByText("Enter your full name")).toBeVisible();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Choose the country where you live")).toBeVisible();
  await expect(page.getByText("Choose how you know us")).toBeVisible();
  // The first invalid field takes the focus, so keyboard users land on it.
  await expect(page.getByRole("radio", { name: /^Access my data/ })).toBeFocused();

  const email = uniqueEmail("invalid");
  await chooseType(page, "Correct my data");
  await fillRequester(page, { name: "Kim Lee", email: "kim@", country: "United States" }, "I used a chat, email or support service that a company runs with our product");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Tell us which information is wrong")).toBeVisible();
  await expect(page.getByText("Tell us what it should say")).toBeVisible();
  await expect(page.getByText("Enter an email address in the format name@example.com")).toBeVisible();
  await expect(page.getByText("Choose your state")).toBeVisible();
  await expect(page.getByText("Tell us which company's chat, email or support service you used")).toBeVisible();
  await expect(page.getByText("Choose what your request is about")).toBeVisible();
  const emailField = page.getByLabel("Email address", { exact: true });
  await expect(emailField).toHaveAttribute("aria-invalid", "true");

  await emailField.fill(email);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Tell us which information is wrong")).toBeVisible();
  expect(await countRequestsFor(email)).toBe(0);
  expect(await messagesTo(email)).toHaveLength(0);
});

test("the form can be completed with the keyboard alone", async ({ page }) => {
  const email = uniqueEmail("keyboard");
  await page.goto("/requests/new");
  await page.getByRole("radio", { name: /^Access my data/ }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: /^Access my data/ })).toBeChecked();
  await page.getByLabel("Full name").focus();
  await page.keyboard.type("Noor Haddad");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email address", { exact: true })).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Country where you live")).toBeFocused();
  await page.getByLabel("Country where you live").selectOption({ label: "Ireland" });
  await page.getByRole("radio", { name: "I visited our website or contacted us" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Send request" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("until the page's script has run, the form waits: nothing can be typed or sent into the address bar", async ({ page }) => {
  // Hold back the scripts, as a slow connection does.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/requests/new", { waitUntil: "commit" });
  await expect(page.getByRole("button", { name: "Send request" })).toBeDisabled();
  await expect(page.getByLabel("Full name")).toBeDisabled();

  release();
  await expect(page.getByRole("button", { name: "Send request" })).toBeEnabled();
  await page.getByLabel("Full name").fill("Kim Lee");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  // A native submit would have put the name into the address; React's handled it instead.
  expect(new URL(page.url()).search).toBe("");
});
