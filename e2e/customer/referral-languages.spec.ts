import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { waitForMail } from "../support/mailbox";
import { submitAcmeDeletion } from "../support/referrals";

// The referral page in the customer's language: the email links to /de/referrals/… (or another
// language's prefix), and everything the customer reads and does there stays in that language.

const GERMAN_DATE = /\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}\b/;

/** The value the page lists for a label (the <dd> after its <dt>). */
function fact(page: Page, label: string) {
  return page.getByRole("definition").filter({ has: page.locator(`xpath=preceding-sibling::dt[1][normalize-space()="${label}"]`) });
}

/** The link's token, whatever language prefix the email gave it. */
function tokenOf(referralLink: string): string {
  return new URL(referralLink).pathname.split("/").pop()!;
}

test("a customer reads its referral in German and closes it there", async ({ page }) => {
  const referral = await submitAcmeDeletion(page, "Lena Vogel");
  const address = `/de/referrals/${tokenOf(referral.referralLink)}`;

  const response = await page.goto(address);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle(/Datenschutzantrag für Ihren Workspace/);
  await expect(page.getByRole("heading", { level: 1, name: `Datenschutzantrag ${referral.reference}` })).toBeVisible();
  await expect(page.getByText("Für Kunden, die Datenschutzanträge beantworten")).toBeVisible();
  await expect(page.getByText(new RegExp(`^Antworten Sie der antragstellenden Person bis zum ${GERMAN_DATE.source}$`))).toBeVisible();
  await expect(fact(page, "Antrag")).toHaveText("Meine Daten löschen");
  await expect(fact(page, "Gesetz")).toHaveText("DSGVO (Europäischer Wirtschaftsraum)");
  await expect(fact(page, "Name")).toHaveText("Lena Vogel");
  await expect(fact(page, "Woher die Person Sie kennt")).toHaveText(
    "Ich habe einen Chat-, E-Mail- oder Support-Dienst genutzt, den ein Unternehmen mit Ihrem Produkt betreibt",
  );
  await expect(fact(page, "Was gelöscht werden soll")).toHaveText("Alles über die antragstellende Person");
  await expect(fact(page, "Erhalt bestätigt")).toHaveText("Noch nicht");
  await expect(page.getByText("Der gesamte Antrag betrifft Ihren Workspace")).toBeVisible();
  await expect(page.getByText("Answer the requester")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // A refusal without a note is refused in German, on the field.
  await page.getByRole("radio", { name: /^Abgelehnt/ }).check();
  await page.getByRole("button", { name: "Antrag abschließen" }).click();
  const note = page.getByLabel("Notiz für die antragstellende Person");
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription(/Begründen Sie die Ablehnung: Die antragstellende Person liest diese Notiz\./);
  await expect(note).toHaveAccessibleDescription(/Höchstens 5\.000 Zeichen\./);

  await page.getByRole("radio", { name: /^Erledigt/ }).check();
  await note.fill("Wir haben Ihre Chats mit Acme Help heute gelöscht.");
  await page.getByRole("button", { name: "Antrag abschließen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dieser Antrag ist abgeschlossen" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Antrag als erledigt abgeschlossen" })).toBeFocused();
  await expect(page.getByText("Vielen Dank. Wir senden Ihre Antwort per E-Mail an die antragstellende Person.")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(address);

  // Recorded: the requester gets the customer's answer, and the link now only says it is closed.
  const answer = await waitForMail(referral.requesterEmail, new RegExp(`An answer to your request ${referral.reference}`));
  expect(answer.text).toContain("Wir haben Ihre Chats mit Acme Help heute gelöscht.");
  await page.goto(address);
  await expect(page.getByText(new RegExp(`^Acme Support Ltd hat diesen Antrag am ${GERMAN_DATE.source}.* als erledigt abgeschlossen\\.$`))).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
});

test("a customer reads its referral in Brazilian Portuguese and acknowledges it there", async ({ page }) => {
  const referral = await submitAcmeDeletion(page, "João Pereira");
  const address = `/pt-BR/referrals/${tokenOf(referral.referralLink)}`;

  await page.goto(address);
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1, name: `Solicitação de privacidade ${referral.reference}` })).toBeVisible();
  await expect(fact(page, "Solicitação")).toHaveText("Excluir meus dados");
  await expect(fact(page, "Lei")).toHaveText("RGPD (Espaço Econômico Europeu)");
  await expect(fact(page, "O que deve ser eliminado")).toHaveText("Tudo sobre o solicitante");
  await expect(fact(page, "Recebimento confirmado")).toHaveText("Ainda não");
  await expect(page.getByRole("heading", { level: 2, name: "Encerrar a solicitação" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Atendida/ })).toBeVisible();

  await page.getByRole("button", { name: "Confirmar recebimento" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Obrigado pela confirmação" })).toBeFocused();
  await expect(fact(page, "Recebimento confirmado")).not.toHaveText("Ainda não");
  await expect(page.getByRole("button", { name: "Confirmar recebimento" })).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe(address);
});
