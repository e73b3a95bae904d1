import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

test("visitor reads the published policy and finds the request form from its rights section", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/Effective/).first()).toBeVisible();
  await expect(page.getByText(/Last updated/).first()).toBeVisible();
  // The operator's details come from settings.
  await expect(page.getByRole("main").getByText("hello@jexi.com").first()).toBeVisible();
  // Addresses in the text are links to write to (issue 11, requester side, point 7).
  await expect(page.getByRole("main").getByRole("link", { name: "hello@jexi.com" }).first()).toHaveAttribute("href", "mailto:hello@jexi.com");

  const toc = page.getByRole("navigation", { name: /contents/i });
  const firstEntry = toc.getByRole("link").first();
  const anchor = await firstEntry.getAttribute("href");
  expect(anchor).toMatch(/^#/);
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${anchor}$`));
  await expect(page.locator(`[id="${anchor!.slice(1)}"]`)).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: /make a privacy request/i }).first().click();
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByRole("heading", { name: "Make a privacy request" })).toBeVisible();
});

test("an earlier policy version stays readable at its own address", async ({ page }) => {
  await page.goto("/privacy/versions");
  await page.getByRole("link", { name: /2025-09-01|1 September 2025|September 1, 2025/ }).first().click();
  await expect(page).toHaveURL(/\/privacy\/versions\/2025-09-01$/);
  await expect(page.getByText(/not the current version/i)).toBeVisible();
  const unknown = await page.goto("/privacy/versions/1999-01-01");
  expect(unknown?.status()).toBe(404);
});

test("every public page carries the short privacy notice in its footer", async ({ page }) => {
  for (const path of ["/", "/privacy", "/requests/new"]) {
    await page.goto(path);
    const footer = page.getByRole("contentinfo");
    await expect(footer).toBeVisible();
    await expect(footer.getByRole("link", { name: /privacy policy/i })).toBeVisible();
  }
});

test("pages are served with a strict content security policy", async ({ page }) => {
  const response = await page.goto("/requests/new");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  // The form still works under that policy: its script ran and hydrated.
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Enter your full name")).toBeVisible();
});

test("'Appeal a decision' on the home page leads to where appeals start: the answered request's status page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Appeal a decision" }).click();
  await expect(page).toHaveURL(/\/requests\/status\?appeal$/);
  const how = page.getByRole("region", { name: "To appeal a decision" });
  await expect(how).toContainText("An appeal starts from the status page of the request we answered");
  await expect(page.getByLabel("Email address")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
