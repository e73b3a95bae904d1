import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";

// The public pages in the reader's language (/de, /pt-BR): words, <html lang>, a switcher to the
// five languages, and links that keep the language the reader chose. The request metrics page in
// each language is in request-metrics-languages.portal.spec.ts: it must publish the metrics, which
// reports.spec.ts turns on and off while the other specs run.

const LANGUAGES = ["English", "Deutsch", "Français", "Español", "Português (Brasil)"];

async function expectSwitcher(page: Page, name: string) {
  const switcher = page.getByRole("navigation", { name, exact: true });
  await expect(switcher.getByRole("link")).toHaveText(LANGUAGES);
}

test("a German reader reads the home page in German, keeps German through its links, and switches to English", async ({ page }) => {
  await page.goto("/de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Datenschutzcenter$/);
  await expect(page.getByRole("heading", { level: 2, name: "Was Sie beantragen können" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Auskunft über meine Daten" })).toHaveAttribute("href", "/de/requests/new?type=ACCESS");
  await expect(page.getByText(/Wird die Adresse nicht innerhalb von \d+ Tagen bestätigt/)).toBeVisible();
  await expectSwitcher(page, "Sprache");
  await expect(page).toHaveTitle(/Datenschutzcenter$/);
  expect(await seriousViolations(page)).toEqual([]);

  // The header's policy link keeps the language.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Datenschutzerklärung" }).click();
  await expect(page).toHaveURL(/\/de\/privacy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  // So does the footer's, to who receives data, with the page in German.
  await page.getByRole("contentinfo").getByRole("link", { name: "wer Daten erhält" }).click();
  await expect(page).toHaveURL(/\/de\/privacy\/recipients$/);
  await expect(page.getByRole("heading", { level: 1, name: "Wer Daten erhält" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Änderungen an dieser Liste" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Eingetragene Anschrift:");
  await expect(page).toHaveTitle(/^Wer Daten erhält · .*Datenschutzcenter$/);

  await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/privacy\/recipients$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Who receives data" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Registered address:");
});

test("a Brazilian reader reads the home page in Portuguese, with its links in Portuguese", async ({ page }) => {
  await page.goto("/pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Central de Privacidade /);
  await expect(page.getByRole("heading", { level: 2, name: "O que você pode pedir" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fazer uma solicitação de privacidade" })).toHaveAttribute("href", "/pt-BR/requests/new");
  await expect(page.getByRole("main").getByRole("link", { name: "Peça um novo link" })).toHaveAttribute("href", "/pt-BR/requests/status");
  await expectSwitcher(page, "Idioma");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "política de privacidade" })).toHaveAttribute("href", "/pt-BR/privacy");
  expect(await seriousViolations(page)).toEqual([]);
});

test("an address with no page answers in the reader's language, with links that keep it", async ({ page }) => {
  const response = await page.goto("/de/gibt-es-nicht");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Zum Datenschutzcenter" })).toHaveAttribute("href", "/de");
  await expect(page).toHaveTitle(/^Seite nicht gefunden · /);
});
