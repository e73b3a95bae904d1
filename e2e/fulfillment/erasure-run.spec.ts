import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { seriousViolations } from "../support/axe";
import { codeIn, linkIn, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// A deletion request carried out on the demo product database the e2e server runs with: the
// officer plans and starts the run, reads what the erasure would do, may not approve it alone
// once an admin asks for a second officer, and a second officer's approval erases the rows.
// Runs in the "data-map" project, after the specs that read the demo person's data.

const EMAIL = "priya.shah@acme.example";

async function productQuery(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_PRODUCT_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test("an officer reviews an erasure's dry run, a legal hold stops it until lifted, a second officer approves it; the rows are erased", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // As seeded, the demo's role may change the operator's own tables (and the workspace content, erased only on a customer's instruction).

  await page.goto("/requests/new");
  await chooseType(page, "Delete my data");
  await page.getByRole("radio", { name: "All personal information about me" }).check();
  await fillRequester(page, { name: "Priya Shah", email: EMAIL, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(EMAIL, /Confirm your privacy request/);
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  const reference = mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];

  // An admin asks for a second officer on every erasure.
  const adminContext = await browser.newContext();
  await signInAs(adminContext, (await createStaff("ADMIN")).id);
  const admin = await adminContext.newPage();
  await admin.goto("/admin/data-map");
  await admin.getByLabel("A second officer approves every erasure").check();
  await admin.getByRole("button", { name: "Save erasure approval" }).click();
  await expect(admin.getByText("Erasure approval saved.")).toBeVisible();

  const open = async (role: "OFFICER") => {
    const context = await browser.newContext();
    await signInAs(context, (await createStaff(role)).id);
    const officer = await context.newPage();
    await officer.goto("/admin/requests");
    await officer.getByLabel("Reference, email or name").fill(reference);
    await officer.getByRole("button", { name: "Apply filters" }).click();
    await officer.getByRole("link", { name: reference }).click();
    return officer;
  };
  const first = await open("OFFICER");
  const panel = first.getByRole("region", { name: "Find this person's data" });
  await panel.getByRole("button", { name: "Find this person's data" }).click();
  await expect(panel.getByRole("heading", { name: "What will be searched" })).toBeVisible();
  await panel.getByRole("button", { name: "Start" }).click();

  // The dry run: her member row and tickets would go, billing contacts are kept for tax law.
  const dryRun = panel.getByRole("region", { name: "What the erasure would do" });
  await expect(dryRun).toBeVisible({ timeout: 60_000 });
  await expect(dryRun.getByRole("row", { name: /^members 1 Deleted/ })).toBeVisible();
  await expect(dryRun.getByRole("row", { name: /^billing_contacts/ })).toContainText("kept 10 years for tax law");
  expect(await seriousViolations(first)).toEqual([]);
  expect(await productQuery(`SELECT count(*)::int AS n FROM members WHERE email = '${EMAIL}'`)).toEqual([{ n: 1 }]);

  // The officer who started it may not approve it alone.
  await panel.getByRole("button", { name: "Approve and erase" }).click();
  await expect(first.locator(":focus")).toContainText("Another officer must approve this erasure");

  // A legal hold stops it until it is lifted.
  await panel.getByText("Place a legal hold…").click();
  await panel.getByRole("radio", { name: /The person: every request/ }).check();
  await panel.getByLabel("Why the data must be kept").fill("Court case 12 O 345/26");
  await panel.getByRole("button", { name: "Place the hold" }).click();
  await expect(first.locator(":focus")).toContainText("The legal hold is placed");
  await expect(panel.getByRole("region", { name: "Legal hold" })).toContainText(/The person \(every request from this email address\) is held since .*: Court case 12 O 345\/26/);
  expect(await seriousViolations(first)).toEqual([]);

  const second = await open("OFFICER");
  const secondPanel = second.getByRole("region", { name: "Find this person's data" });
  await secondPanel.getByRole("button", { name: "Approve and erase" }).click();
  await expect(second.locator(":focus")).toContainText("under legal hold");
  await secondPanel.getByRole("button", { name: "Lift this hold" }).click();
  await expect(second.locator(":focus")).toContainText("The legal hold is lifted.");
  await secondPanel.getByRole("button", { name: "Approve and erase" }).click();
  await expect(second.locator(":focus")).toContainText("Approved. The systems are being erased in the background.");
  await expect(secondPanel.getByText(/^Erased .*Complete the request to tell the requester/)).toBeVisible({ timeout: 60_000 });
  await expect(secondPanel.getByRole("columnheader", { name: "Rows erased" })).toBeVisible();

  expect(await productQuery(`SELECT count(*)::int AS n FROM members WHERE email = '${EMAIL}'`)).toEqual([{ n: 0 }]);
  expect(await productQuery("SELECT count(*)::int AS n FROM tickets WHERE requester_id = 2")).toEqual([{ n: 0 }]);
  // Someone else's rows are untouched.
  expect(await productQuery("SELECT count(*)::int AS n FROM members WHERE id IN (1, 3)")).toEqual([{ n: 2 }]);
  await expect(second.getByRole("region", { name: "Timeline" })).toContainText("Erasure approved");
  // The finance team's spreadsheet (manual) is left to its owner, who is emailed what to erase and keep.
  await expect(second.getByRole("region", { name: "Erased by hand" })).toContainText("Finance team's invoice spreadsheet");
  const byHand = await waitForMail("finance@jexi.example", new RegExp(`${reference}: please erase one person's data in Finance team's invoice spreadsheet`));
  expect(byHand.text).toMatch(/keep billing email/);

  // Completing tells the requester what was erased and kept, and tells the demo's third party
  // (the email provider, no connection) by email; it confirms from its link.
  const recipients = second.getByRole("region", { name: "Recipients told" });
  await expect(recipients).toContainText("Transactional email provider: emailed at privacy@mailer.example");
  await confirmAction(second, "Acknowledge and start", "Acknowledge");
  await confirmAction(second, "Complete", "Complete request", { label: /What was done/, value: "We erased your Jexi account." });
  await expect(recipients).toContainText("Told on");
  await expect(recipients).toContainText("not confirmed yet");

  await page.reload();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("We erased:");
  const told = page.getByRole("region", { name: "Who else we told" });
  await expect(told).toContainText("Transactional email provider");
  await expect(told).toContainText("not confirmed yet");
  const completed = await waitForMail(EMAIL, /is complete/);
  expect(completed.text).toContain("Transactional email provider");

  const notice = await waitForMail("privacy@mailer.example", new RegExp(`${reference}: please erase this person's data too`));
  expect(notice.text).toContain(EMAIL);
  const recipient = await (await browser.newContext()).newPage();
  await recipient.goto(linkIn(notice, "/notices/"));
  await expect(recipient.getByRole("heading", { name: "Please erase this person's data too" })).toBeVisible();
  expect(await seriousViolations(recipient)).toEqual([]);
  // The browser asks for a choice first (the radio is required), so nothing is sent without one.
  expect(await recipient.getByLabel("We have erased it").evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await recipient.getByLabel("We have erased it").check();
  await recipient.getByLabel("Note for the privacy team (optional)").fill("Delivery logs for this address purged.");
  await recipient.getByRole("button", { name: "Send the confirmation" }).click();
  await expect(recipient.getByRole("heading", { name: "Confirmed, thank you" })).toBeVisible();

  await page.reload();
  await expect(told).toContainText("they confirmed it was done");
  await second.reload();
  await expect(recipients).toContainText("Delivery logs for this address purged.");
});

async function confirmAction(page: Page, title: string, button: string, text?: { label: string | RegExp; value: string }) {
  const section = page.getByRole("region", { name: title });
  if (text) await section.getByLabel(text.label).fill(text.value);
  await section.getByRole("button", { name: button }).click();
  await section.getByRole("button", { name: `Confirm: ${button.toLowerCase()}` }).click();
}
