import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { linkIn, messagesTo, type Mail } from "../support/mailbox";
import { ACME_INBOX, submitAcmeDeletion } from "../support/referrals";
import { createStaff, signInAs } from "../support/staff";

// The customer needs the workspace data we hold for it to answer a referred request: it asks on
// its referral page, an officer uploads the export on the request page, and the customer downloads
// it from the page the "export ready" email links to. Other specs email Acme too, so each email is
// found by the request's reference. The e2e server's data map describes Acme's workspace content,
// so asking also starts a run that delivers an export of its own (e2e/fulfillment/workspace-export
// covers that); the officer's upload stays possible beside it, and is what this spec follows.

test("customer asks for an export and downloads the file an officer sends", async ({ page, browser }) => {
  const referral = await submitAcmeDeletion(page, "Amara Okafor");
  await page.goto(referral.referralLink);
  await page.getByRole("button", { name: "Ask Jexi for an export of the workspace data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Export requested" })).toBeFocused();
  await expect(page.getByRole("region", { name: "Your workspace export" })).toHaveCount(0);

  const officer = await createStaff("OFFICER");
  const context = await browser.newContext();
  try {
    await signInAs(context, officer.id);
    const admin = await context.newPage();
    await admin.goto(`/admin/requests?q=${referral.reference}`);
    await admin.getByRole("link", { name: referral.reference }).click();
    await expect(admin.getByText("Acme Support Ltd asked us for an export")).toBeVisible();

    // Binary content, so any re-encoding on the way would show.
    const contents = randomBytes(48 * 1024);
    const form = admin.getByRole("region", { name: "Send the workspace export to Acme Support Ltd" });
    await expect(form).toContainText("Acme Support Ltd asked for it on");
    expect(await seriousViolations(admin)).toEqual([]);
    await form.getByLabel(/^Export file/).setInputFiles({ name: "acme-help-export.zip", mimeType: "application/zip", buffer: contents });
    await form.getByRole("button", { name: "Send export" }).click();
    await expect(admin.getByText("Workspace export sent: the customer's privacy contacts are emailed a link to download it.")).toBeVisible();
    await expect(admin.getByText("Workspace export sent to Acme Support Ltd").first()).toBeVisible();
    await expect(admin.getByRole("region", { name: "Referrals" })).toContainText("acme-help-export.zip · 48.0 KB");

    const subject = new RegExp(`^The export for privacy request ${referral.reference} is ready$`);
    let ready: Mail | undefined;
    await expect
      .poll(async () => (ready = (await messagesTo(ACME_INBOX)).find((m) => subject.test(m.subject) && m.text.includes("File: acme-help-export.zip"))))
      .toBeTruthy();
    ready = ready!;
    const link = linkIn(ready, "/referrals/");
    // A fresh link, not the one the referral email carried.
    expect(link).not.toBe(referral.referralLink);

    await page.goto(link);
    const exports = page.getByRole("region", { name: "Your workspace export" });
    await expect(exports).toContainText(/\(48\.0 KB, available until \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\)/);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Download acme-help-export.zip" }).click()]);
    expect(download.suggestedFilename()).toBe("acme-help-export.zip");
    expect(Buffer.compare(await readFile((await download.path())!), contents)).toBe(0);

    await admin.reload();
    await expect(admin.getByText("Acme Support Ltd downloaded the workspace export")).toBeVisible();

    // The requester is never offered it.
    await page.goto(referral.statusUrl);
    await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
    await expect(page.getByRole("link", { name: /acme-help-export/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
