import { expect, test } from "@playwright/test";
import pg from "pg";
import { confirmAction } from "../support/confirm-action";
import { seriousViolations } from "../support/axe";
import { codeIn, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// A correction request carried out on the demo product database the e2e server runs with: the
// officer finds the requester's rows, proposes the corrected value of a correctable field, a
// second officer approves, the connector writes it, the finance spreadsheet's owner is asked to
// correct by hand, and the requester reads what was corrected. Runs in the "data-map" project,
// after the specs that read the demo person's data.

const EMAIL = "jonas.weber@globex.example";

async function productQuery(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_PRODUCT_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test("an officer proposes a correction from what the requester said, a second officer approves it, the row is corrected and the requester told", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto("/requests/new");
  await chooseType(page, "Correct my data");
  await page.getByLabel("Which information is wrong?").fill("My name lacks my married name");
  await page.getByLabel("What should it say instead?").fill("Jonas Weber-Lang");
  await fillRequester(page, { name: "Jonas Weber", email: EMAIL, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(EMAIL, /Confirm your privacy request/);
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  const reference = mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];

  const open = async () => {
    const context = await browser.newContext();
    await signInAs(context, (await createStaff("OFFICER")).id);
    const officer = await context.newPage();
    await officer.goto("/admin/requests");
    await officer.getByLabel("Reference, email or name").fill(reference);
    await officer.getByRole("button", { name: "Apply filters" }).click();
    await officer.getByRole("link", { name: reference }).click();
    return officer;
  };
  const first = await open();
  const panel = first.getByRole("region", { name: "Find this person's data" });
  await panel.getByRole("button", { name: "Find this person's data" }).click();
  await expect(panel.getByText(/The portal cannot correct in this system itself: its owner is emailed a task/).first()).toBeVisible();
  await panel.getByRole("button", { name: "Start" }).click();

  // The correctable fields where his rows were found, with what they hold now.
  const proposal = panel.getByRole("region", { name: "Propose the corrections" });
  await expect(proposal).toBeVisible({ timeout: 60_000 });
  await expect(proposal.getByRole("row", { name: /full_name/ })).toContainText("Jonas Weber");
  await expect(panel.getByRole("button", { name: "Approve and correct" })).toHaveCount(0);
  expect(await seriousViolations(first)).toEqual([]);

  await proposal.getByLabel("New value of full_name in People who sign in to an account").fill("Jonas Weber-Lang");
  await proposal.getByRole("button", { name: "Save the new values" }).click();
  await expect(first.locator(":focus")).toContainText("The new values are saved.");
  const dryRun = panel.getByRole("region", { name: "What the correction would do" });
  await expect(dryRun.getByRole("row", { name: /^members 1 Changed in place/ })).toContainText("Replace with “Jonas Weber-Lang”");
  expect(await productQuery(`SELECT full_name FROM members WHERE email = '${EMAIL}'`)).toEqual([{ full_name: "Jonas Weber" }]);

  // A second officer approves; the finance spreadsheet's owner gets a task.
  const second = await open();
  const secondPanel = second.getByRole("region", { name: "Find this person's data" });
  await secondPanel.getByRole("button", { name: "Approve and correct" }).click();
  await expect(second.locator(":focus")).toContainText("Approved. The new values are being written in the background");
  await expect(secondPanel.getByText(/^Corrected .*Complete the request to tell the requester what was corrected/)).toBeVisible({ timeout: 60_000 });
  await expect(secondPanel.getByRole("columnheader", { name: "Rows corrected" })).toBeVisible();
  expect(await productQuery(`SELECT full_name, role FROM members WHERE email = '${EMAIL}'`)).toEqual([{ full_name: "Jonas Weber-Lang", role: "owner" }]);
  expect(await productQuery("SELECT full_name FROM members WHERE id IN (1, 2) ORDER BY id")).not.toContainEqual({ full_name: "Jonas Weber-Lang" });
  await expect(second.getByRole("region", { name: "Timeline" })).toContainText("Correction approved");
  await expect(second.getByRole("region", { name: "Timeline" })).toContainText("each holds its new values");
  await expect(second.getByRole("region", { name: "Corrected by hand" })).toContainText("Finance team's invoice spreadsheet");
  const byHand = await waitForMail("finance@jexi.example", new RegExp(`${reference}: please correct one person's data in Finance team's invoice spreadsheet`));
  expect(byHand.text).toContain("Jonas Weber-Lang");
  expect(await seriousViolations(second)).toEqual([]);

  await confirmAction(second, "Acknowledge and start", "Acknowledge");
  await confirmAction(second, "Complete", "Complete request", { label: /What was done/, value: "We corrected your name." });
  // Completed before the requester's page is reloaded (the click only starts it).
  await expect(second.locator(":focus")).toContainText("Completed: the requester is emailed.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("We corrected: People who sign in to an account: full name (1 record, Jexi product database)");
  const completed = await waitForMail(EMAIL, /is complete/);
  expect(completed.text).toContain("What we corrected");
  expect(completed.text).toContain("Finance team's invoice spreadsheet");
});
