import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_REQUESTER_EMAIL, PRODUCT_ROWS } from "../../lib/demo/product-data";
import { unzip } from "../../lib/packages/unzip";
import { seriousViolations } from "../support/axe";
import { codeIn, linkIn, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// The whole automated answer to an access request, on the demo product database the e2e server
// runs with (lib/demo): the officer plans and starts the run, the finance team answers its task
// from the emailed link, the officer reviews the package, leaves out a ticket about a colleague
// and releases it; the requester downloads the zip, which holds what was seeded about them.

const FINANCE_OWNER = "finance@jexi.example";
const INVOICES = "invoice_number,billing_email,amount,issued_on\r\nINV-2026-0042,alex.morgan@example.com,49.00,2026-10-01\r\n";

function seeded(table: string, keep: (row: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const { columns, rows } = PRODUCT_ROWS[table]!;
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))).filter(keep);
}

async function submitAndVerify(page: Page): Promise<string> {
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Alex Morgan", email: DEMO_REQUESTER_EMAIL, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(DEMO_REQUESTER_EMAIL, /Confirm your privacy request/);
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  return mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
}

test("an officer runs access for the demo requester, leaves out a record, releases, and the requester downloads the package", async ({ page: requester, browser }) => {
  test.setTimeout(180_000);
  const reference = await submitAndVerify(requester);

  const officerStaff = await createStaff("OFFICER");
  const context = await browser.newContext();
  await signInAs(context, officerStaff.id);
  const officer = await context.newPage();
  await officer.goto("/admin/requests");
  await officer.getByLabel("Reference, email or name").fill(reference);
  await officer.getByRole("button", { name: "Apply filters" }).click();
  await officer.getByRole("link", { name: reference }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(reference);

  // The plan first, then the start.
  const panel = officer.getByRole("region", { name: "Find this person's data" });
  await panel.getByRole("button", { name: "Find this person's data" }).click();
  await expect(officer.locator(":focus")).toContainText("Planned. Check what will be searched, then start.");
  await expect(panel.getByRole("heading", { name: "What will be searched" })).toBeVisible();
  await expect(panel.getByText("Jexi product database", { exact: true })).toBeVisible();
  await panel.getByRole("button", { name: "Start" }).click();
  await expect(panel.getByText(/Started\./)).toBeVisible();
  await expect(panel.getByLabel(/Systems finished/)).toBeVisible();

  // The finance team's spreadsheet is searched by a person: they answer from the emailed link.
  const task = await waitForMail(FINANCE_OWNER, new RegExp(`${reference}: please check`));
  const owner = await browser.newPage();
  await owner.goto(linkIn(task, "/tasks/"));
  await owner.getByLabel(/What you found/).setInputFiles({ name: "invoices.csv", mimeType: "text/csv", buffer: Buffer.from(INVOICES) });
  await owner.getByRole("button", { name: "Send the answer" }).click();
  await expect(owner.getByRole("heading", { name: "Answered, thank you" })).toBeVisible();

  // The panel follows the run by itself until the package is ready (every 30 s while it only
  // waits for an owner, every 2 s while a system is searched or the package assembled).
  await expect(panel.getByText("The package is ready for your review.")).toBeVisible({ timeout: 90_000 });
  expect(await seriousViolations(officer)).toEqual([]);

  // The preview is the report itself, under a policy that lets no script run; the draft downloads for staff only.
  const previewHref = await panel.getByRole("link", { name: /Preview report/ }).getAttribute("href");
  const preview = await officer.request.get(previewHref!);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-security-policy"]).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
  const previewHtml = await preview.text();
  expect(previewHtml).toContain(reference);
  expect(previewHtml).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  expect(previewHtml).not.toMatch(/<script/i);
  const draftHref = await panel.getByRole("link", { name: "Download the draft (zip)" }).getAttribute("href");
  const draft = unzip(await (await officer.request.get(draftHref!)).body());
  expect(draft.get("jexi-product/tickets.csv")!.toString("utf8")).toContain("Agent seats");
  expect((await requester.request.get(draftHref!, { maxRedirects: 0 })).status()).not.toBe(200);

  // A ticket that names a colleague is her data too (GDPR Art. 15(4)).
  await panel.getByRole("link", { name: /Jexi product database: tickets/ }).click();
  const row = panel.getByRole("row", { name: /Agent seats/ });
  await row.getByText("Exclude…").click();
  await row.getByLabel(/Why record .* is left out/).fill("Names a colleague, Priya Shah");
  await row.getByRole("button", { name: "Exclude" }).click();
  await expect(officer.locator(":focus")).toContainText("The record is left out. The package is being rebuilt without it.");
  await expect(panel.getByText(/tickets, record [0-9.]+: Names a colleague/)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Release to the requester" })).toBeVisible({ timeout: 60_000 });
  expect(await seriousViolations(officer)).toEqual([]);

  await panel.getByRole("button", { name: "Release to the requester" }).click();
  await expect(officer.locator(":focus")).toContainText(/^Released: the request is completed/);
  await expect(officer.getByText("Completed", { exact: true }).first()).toBeVisible();

  // The requester downloads the zip from the status page the completion email links to.
  const done = await waitForMail(DEMO_REQUESTER_EMAIL, /is complete/);
  await requester.goto(linkIn(done, "/requests/status/"));
  const link = requester.getByRole("link", { name: `Download ${reference}-your-data.zip` });
  const [download] = await Promise.all([requester.waitForEvent("download"), link.click()]);
  const files = unzip(await readFile((await download.path())!));

  const tickets = seeded("tickets", (t) => t.requester_id === 1 && t.subject !== "Agent seats");
  const data = JSON.parse(files.get("data.json")!.toString("utf8")) as { systems: { key: string; collections: { name: string; records: Record<string, unknown>[] }[] }[] };
  const records = (name: string) => data.systems.flatMap((s) => s.collections).find((c) => c.name === name)?.records ?? [];
  expect(records("tickets").map((t) => t.subject)).toEqual(tickets.map((t) => t.subject));
  expect(records("members").map((m) => m.full_name)).toEqual(["Alex Morgan"]);
  expect(records("billing_contacts").map((b) => b.street)).toEqual(["12 Harbour Road"]);
  expect(files.get("jexi-product/tickets.csv")!.toString("utf8")).toContain("Invoice address is wrong");
  expect(files.get("finance-spreadsheet/files/invoices.csv")!.toString("utf8")).toBe(INVOICES);
  const html = files.get("index.html")!.toString("utf8");
  expect(html).toContain(reference);
  expect(html).toContain("1 record was left out");
  const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
  expect(everything).not.toContain("Agent seats");
  expect(everything).not.toContain("jonas.weber@globex.example");
});
