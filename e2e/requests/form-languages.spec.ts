import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { countRequestsFor, requestByEmail } from "../support/db";
import { uniqueEmail } from "../support/mailbox";

// The request form in the reader's language: its words, the messages the browser gives before
// sending (the schema's, translated by the server) and the server's own refusals. English is
// checked word for word by the other specs in this folder.

/** Each message is shown (under its field). */
async function expectMessages(page: Page, messages: string[]) {
  for (const message of messages) await expect(page.getByText(message, { exact: true })).toBeVisible();
}

test("a German reader gets the form, its messages and a refusal in German", async ({ page }) => {
  await page.goto("/de/requests/new");
  await expect(page.getByRole("heading", { name: "Datenschutzantrag stellen", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Datenschutzantrag stellen/);
  const types = page.getByRole("group", { name: "Was sollen wir für Sie tun?" });
  await expect(types.getByRole("radio", { name: /^Auskunft über meine Daten/ })).toBeVisible();
  const country = page.getByLabel("Land, in dem Sie leben");
  await expect(country.getByRole("option", { name: "Deutschland" })).toHaveCount(1);
  await expect(country.getByRole("option", { name: "Germany" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Antrag senden" }).click();
  await expectMessages(page, [
    "Wählen Sie die Art des Antrags",
    "Geben Sie Ihren vollständigen Namen ein",
    "Geben Sie Ihre E-Mail-Adresse ein",
    "Wählen Sie das Land, in dem Sie leben",
    "Wählen Sie, woher Sie uns kennen",
  ]);
  await expect(page.getByText("Choose the kind of request")).toHaveCount(0);
  await expect(page.getByRole("radio", { name: /^Auskunft über meine Daten/ })).toBeFocused();

  // For someone else: the person's fields speak of them, in German.
  await page.getByRole("radio", { name: /^Für jemanden, der mich bevollmächtigt hat/ }).check();
  await expect(page.getByRole("group", { name: "Angaben zu Ihnen als bevollmächtigter Vertretung" })).toBeVisible();
  await page.getByRole("button", { name: "Antrag senden" }).click();
  await expect(page.getByText("Geben Sie den vollständigen Namen der Person ein")).toBeVisible();
  await expect(page.getByText("Geben Sie Ihren eigenen vollständigen Namen ein")).toBeVisible();

  // Only the server knows the agent gave the person's address as their own: its refusal is German too.
  const email = uniqueEmail("de-agent");
  await types.getByRole("radio", { name: /^Auskunft über meine Daten/ }).check();
  await page.getByLabel("Ihr vollständiger Name", { exact: true }).fill("Jonas Becker");
  await page.getByLabel("Ihre E-Mail-Adresse", { exact: true }).fill(email);
  await page.getByLabel("Vollständiger Name der vertretenen Person").fill("Lena Becker");
  await page.getByLabel("E-Mail-Adresse der vertretenen Person").fill(email);
  await page.getByLabel("Land, in dem die Person lebt").selectOption({ label: "Vereinigte Staaten" });
  await page.getByLabel("Bundesstaat").selectOption({ label: "California" });
  await page.getByRole("radio", { name: "Ich habe ein Konto bei Ihnen oder arbeite für ein Unternehmen, das eines hat" }).check();
  await page.getByRole("button", { name: "Antrag senden" }).click();
  await expect(page.getByText("Geben Sie hier Ihre eigene E-Mail-Adresse an, nicht die der Person, für die Sie den Antrag stellen")).toBeVisible();
  await expect(page.getByLabel("Ihre E-Mail-Adresse", { exact: true })).toBeFocused();
  expect(await requestByEmail(email)).toBeNull();
});

test("a Brazilian reader gets the form and its messages in Portuguese, and goes on in Portuguese", async ({ page }) => {
  await page.goto("/pt-BR/requests/new");
  await expect(page.getByRole("heading", { name: "Fazer uma solicitação de privacidade", level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "Como você nos conhece?" })).toBeVisible();
  await expect(page.getByLabel("Endereço de e-mail", { exact: true })).toHaveAccessibleDescription(
    "Enviaremos um código para este endereço para confirmar que ele é seu, e responderemos para ele.",
  );

  await page.getByRole("button", { name: "Enviar solicitação" }).click();
  await expectMessages(page, [
    "Escolha o tipo de solicitação",
    "Informe seu nome completo",
    "Informe seu endereço de e-mail",
    "Escolha o país onde você mora",
    "Escolha como você nos conhece",
  ]);

  const email = uniqueEmail("pt-br");
  await page.getByRole("radio", { name: /^Corrigir meus dados/ }).check();
  await page.getByLabel("Nome completo").fill("Ana Souza");
  await page.getByLabel("Endereço de e-mail", { exact: true }).fill("ana@");
  await page.getByLabel("País onde você mora").selectOption({ label: "Estados Unidos" });
  await page.getByRole("radio", { name: "Usei um serviço de chat, e-mail ou suporte que uma empresa oferece com o produto de vocês" }).check();
  await page.getByRole("button", { name: "Enviar solicitação" }).click();
  await expectMessages(page, [
    "Informe quais informações estão erradas",
    "Informe o que deveria constar no lugar",
    "Informe um endereço de e-mail no formato nome@example.com",
    "Escolha seu estado",
    "Informe qual serviço de chat, e-mail ou suporte da empresa você usou",
    "Escolha do que trata sua solicitação",
  ]);
  expect(await countRequestsFor(email)).toBe(0);

  // Sent: the next page keeps the language in its address.
  await page.getByRole("radio", { name: /^Acessar meus dados/ }).check();
  await page.getByLabel("Endereço de e-mail", { exact: true }).fill(email);
  await page.getByLabel("País onde você mora").selectOption({ label: "Brasil" });
  await page.getByRole("radio", { name: "Tenho uma conta com vocês ou trabalho para uma empresa que tem" }).check();
  await page.getByRole("button", { name: "Enviar solicitação" }).click();
  await expect(page).toHaveURL(/\/pt-BR\/requests\/verify\/[0-9a-f-]{36}$/);
  expect(await countRequestsFor(email)).toBe(1);
});
