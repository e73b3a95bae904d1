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

test("a German or Brazilian reader reads the policy in their language; a French reader reads the English text, told so, marked as English", async ({ page }) => {
  await page.goto("/de/privacy");
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "de");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText("Datenschutzerklärung");
  await expect(article.getByRole("navigation", { name: "Inhalt" }).getByRole("link", { name: "Ihre Datenschutzrechte" })).toHaveAttribute("href", "#your-rights");
  await expect(article.getByText("Gültig ab 21. Mai 2026", { exact: true })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "nicht auf Deutsch" })).toHaveCount(0);
  // Links keep the language: the request form opens in German.
  await expect(article.getByRole("link", { name: "Datenschutzanfrage stellen" })).toHaveAttribute("href", "/de/requests/new");

  await page.goto("/pt-BR/privacy");
  await expect(page.getByRole("article")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText("Política de Privacidade");

  await page.goto("/fr/privacy");
  await expect(page.getByRole("note").filter({ hasText: "politique de confidentialité" })).toHaveText("Cette politique de confidentialité n’est pas disponible en français ; elle est affichée dans sa version anglaise.");
  const english = page.getByRole("article");
  await expect(english).toHaveAttribute("lang", "en");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Privacy Policy");
  // The page's own words stay French, and say so to a screen reader.
  await expect(english.getByRole("heading", { name: "Sommaire" })).toHaveAttribute("lang", "fr");
  await expect(english.getByRole("link", { name: "Faire une demande relative à vos données" })).toHaveAttribute("href", "/fr/requests/new");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the versions list says which languages each version can be read in, in the reader's language", async ({ page }) => {
  await page.goto("/de/privacy/versions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fassungen der Datenschutzerklärung");
  const current = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Datenschutzerklärung, Fassung 2026-05-21" }) });
  await expect(current.getByRole("list", { name: "Sprachen" }).getByRole("listitem")).toHaveText(["English", "Deutsch", "Português (Brasil)"]);
  const earlier = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Privacy Policy, Fassung 2025-09-01" }) });
  await expect(earlier.getByRole("list", { name: "Sprachen" }).getByRole("listitem")).toHaveText(["English"]);
  // The earlier version has no German: it is shown in English, with the notice.
  await earlier.getByRole("link", { name: "Privacy Policy, Fassung 2025-09-01" }).click();
  await expect(page).toHaveURL(/\/de\/privacy\/versions\/2025-09-01$/);
  await expect(page.getByText("Dies ist nicht die aktuelle Fassung unserer Datenschutzerklärung.")).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "angezeigt wird die englische Fassung" })).toBeVisible();
  await expect(page.getByRole("article")).toHaveAttribute("lang", "en");
});
