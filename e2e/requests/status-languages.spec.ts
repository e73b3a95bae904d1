import { expect, test } from "@playwright/test";
import { codeIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

// The requester's pages after the form in the language of the address: the code page under /de
// confirms in German and opens the German status page (the law as DSGVO, the deadline written
// the German way); the same status link under /pt-BR reads in Brazilian Portuguese.

const GERMAN_DATE = /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/;
const PORTUGUESE_DATE = /^\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \d{4}$/;

test("a requester confirms on the German code page and follows the request in German, then in Portuguese", async ({ page }) => {
  const email = uniqueEmail("sprache");
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Erika Mustermann", email, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/verify\//);
  const verifyPath = new URL(page.url()).pathname.replace(/^\/[a-z]{2}(-[A-Z]{2})?(?=\/requests\/)/, "");

  await page.goto(`/de${verifyPath}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sehen Sie in Ihr E-Mail-Postfach");
  await expect(page.getByText("Ihr Antrag ist gespeichert.")).toBeVisible();
  const code = codeIn(await waitForMail(email, /./));

  // A wrong code is refused in German, with the attempts left counted in German.
  const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
  await page.getByLabel("Bestätigungscode").fill(wrong);
  await page.getByRole("button", { name: "Bestätigen" }).click();
  await expect(page.getByText(/^Dieser Code ist nicht richtig\. Sie haben noch \d+ Versuche?\.$/)).toBeVisible();

  await page.getByLabel("Bestätigungscode").fill(code);
  await page.getByRole("button", { name: "Bestätigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Datenschutzantrag");
  await expect(page).toHaveURL(/\/de\/requests\/status\/[A-Za-z0-9_-]{20,}/);
  await expect(page.getByText("Referenz", { exact: true })).toBeVisible();
  await expect(page.getByText("Auskunft über meine Daten", { exact: true })).toBeVisible();
  // "Eingegangen" is both a status and the label of the day it came in: the status is a value.
  await expect(page.getByRole("definition").filter({ hasText: /^(Eingegangen|In Bearbeitung)$/ })).toBeVisible();
  await expect(page.getByText("Gesetz, das die Frist festlegt")).toBeVisible();
  await expect(page.getByText(/^DSGVO \(/)).toBeVisible();
  await expect(page.getByText("Wir antworten bis", { exact: true })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: GERMAN_DATE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verlauf" })).toBeVisible();
  await expect(page.getByText("Antrag eingegangen")).toBeVisible();
  await expect(page.getByText("Your privacy request")).toHaveCount(0);

  // The same link, in Brazilian Portuguese.
  const statusPath = new URL(page.url()).pathname.replace(/^\/de/, "");
  await page.goto(`/pt-BR${statusPath}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sua solicitação de privacidade");
  await expect(page.getByText("Lei que define o prazo")).toBeVisible();
  await expect(page.getByText(/^RGPD \(/)).toBeVisible();
  await expect(page.getByText("Responderemos até", { exact: true })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: PORTUGUESE_DATE })).toBeVisible();
  await expect(page.getByText("Solicitação recebida")).toBeVisible();
});
