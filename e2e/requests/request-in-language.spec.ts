import { expect, test, type Page } from "@playwright/test";
import { requestLanguageFor } from "../support/db";
import { codeIn, linkIn, uniqueEmail, waitForMail } from "../support/mailbox";

// Issue 12: a person writes to the portal in German or in Brazilian Portuguese from start to end:
// the form, its refusal of a bad field, the code page, both emails (subject, body and their links,
// which carry the language) and the status page, which an emailed link opens in the request's
// language whatever the browser asks for.

type Words = {
  locale: "de" | "pt-BR";
  name: string;
  type: string;
  fullName: string;
  emailLabel: string;
  country: string;
  countryName: string;
  relationship: string;
  send: string;
  emailRefused: string;
  checkEmail: string;
  codeLabel: string;
  confirm: string;
  statusHeading: string;
  law: RegExp;
  verifySubject: RegExp;
  verifyWords: string;
  ackSubject: RegExp;
  ackWords: string;
  date: RegExp;
};

const GERMAN: Words = {
  locale: "de",
  name: "Erika Mustermann",
  type: "Auskunft über meine Daten",
  fullName: "Vollständiger Name",
  emailLabel: "E-Mail-Adresse",
  country: "Land, in dem Sie leben",
  countryName: "Deutschland",
  relationship: "Ich habe ein Konto bei Ihnen oder arbeite für ein Unternehmen, das eines hat",
  send: "Antrag senden",
  emailRefused: "Geben Sie eine E-Mail-Adresse im Format name@example.com ein",
  checkEmail: "Sehen Sie in Ihr E-Mail-Postfach",
  codeLabel: "Bestätigungscode",
  confirm: "Bestätigen",
  statusHeading: "Ihr Datenschutzantrag",
  law: /^DSGVO \(/,
  verifySubject: /^Bestätigen Sie Ihren Datenschutzantrag DSR-/,
  verifyWords: "Bestätigen Sie Ihre E-Mail-Adresse",
  ackSubject: /^Ihr Antrag DSR-\S+ ist bei uns eingegangen$/,
  ackWords: "Wie es weitergeht",
  date: /\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/,
};

const PORTUGUESE: Words = {
  locale: "pt-BR",
  name: "João da Silva",
  type: "Acessar meus dados",
  fullName: "Nome completo",
  emailLabel: "Endereço de e-mail",
  country: "País onde você mora",
  countryName: "Brasil",
  relationship: "Tenho uma conta com vocês ou trabalho para uma empresa que tem",
  send: "Enviar solicitação",
  emailRefused: "Informe um endereço de e-mail no formato nome@example.com",
  checkEmail: "Verifique seu e-mail",
  codeLabel: "Código de verificação",
  confirm: "Confirmar",
  statusHeading: "Sua solicitação de privacidade",
  law: /^Lei Geral de Proteção de Dados Pessoais|^LGPD/,
  verifySubject: /^Confirme sua solicitação de privacidade DSR-/,
  verifyWords: "Confirme seu endereço de e-mail",
  ackSubject: /^Recebemos sua solicitação DSR-/,
  ackWords: "Próximos passos",
  date: /\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \d{4}/,
};

/** English sentences that must not turn up in an email written in another language. */
const ENGLISH = ["Confirm your", "privacy request", "We received", "Privacy team:", "If the button does not work", "You received this"];

async function fillForm(page: Page, w: Words, email: string) {
  await page.getByRole("radio", { name: new RegExp(`^${w.type}`) }).check();
  await page.getByLabel(w.fullName).fill(w.name);
  await page.getByLabel(w.emailLabel, { exact: true }).fill(email);
  await page.getByLabel(w.country).selectOption({ label: w.countryName });
  await page.getByRole("radio", { name: w.relationship }).check();
}

for (const w of [GERMAN, PORTUGUESE]) {
  test(`a request made in ${w.locale} is confirmed, emailed and followed in ${w.locale}`, async ({ page, browser }) => {
    const email = uniqueEmail(`lang-${w.locale}`);
    await page.goto(`/${w.locale}/requests/new`);
    await expect(page.locator("html")).toHaveAttribute("lang", w.locale);

    // A mistyped address is refused in the page's language, and nothing is sent.
    await fillForm(page, w, "not-an-address");
    await page.getByRole("button", { name: w.send }).click();
    await expect(page.getByText(w.emailRefused)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${w.locale}/requests/new`));

    await page.getByLabel(w.emailLabel, { exact: true }).fill(email);
    await page.getByRole("button", { name: w.send }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.checkEmail);
    await expect(page).toHaveURL(new RegExp(`/${w.locale}/requests/verify/`));
    expect(await requestLanguageFor(email)).toBe(w.locale);

    const verify = await waitForMail(email, w.verifySubject);
    expect(verify.text).toContain(w.verifyWords);
    expect(linkIn(verify, "/requests/verify/link/")).toContain(`/${w.locale}/requests/verify/link/`);
    for (const sentence of ENGLISH) expect(verify.text).not.toContain(sentence);

    await page.getByLabel(w.codeLabel).fill(codeIn(verify));
    await page.getByRole("button", { name: w.confirm, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.statusHeading);
    await expect(page).toHaveURL(new RegExp(`/${w.locale}/requests/status/`));
    await expect(page.getByText(w.type, { exact: true })).toBeVisible();
    await expect(page.getByText(w.law)).toBeVisible();

    const ack = await waitForMail(email, w.ackSubject);
    expect(ack.text).toContain(w.ackWords);
    expect(ack.text).toMatch(w.date);
    for (const sentence of ENGLISH) expect(ack.text).not.toContain(sentence);
    const statusLink = linkIn(ack, "/requests/status/");
    expect(statusLink).toContain(`/${w.locale}/requests/status/`);

    // The emailed link holds the request's language for a browser that asks for English.
    const english = await browser.newContext({ locale: "en-GB" });
    const reader = await english.newPage();
    await reader.goto(statusLink);
    await expect(reader.locator("html")).toHaveAttribute("lang", w.locale);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(w.statusHeading);
    await english.close();
  });
}

test("the code page words the code field's own errors in German", async ({ page }) => {
  const email = uniqueEmail("lang-code");
  await page.goto("/de/requests/new");
  await fillForm(page, GERMAN, email);
  await page.getByRole("button", { name: GERMAN.send }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMAN.checkEmail);
  // Checked in the browser before anything is sent: the schema's English, shown in German.
  await page.getByLabel(GERMAN.codeLabel).fill("12 34");
  await page.getByRole("button", { name: GERMAN.confirm, exact: true }).click();
  await expect(page.getByText("Geben Sie die 6 Ziffern aus der E-Mail ohne Leerzeichen ein")).toBeVisible();
  await expect(page.getByText("Enter the 6 digits from the email, without spaces")).toHaveCount(0);
});
