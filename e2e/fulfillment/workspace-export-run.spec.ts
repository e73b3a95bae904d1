import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PRODUCT_ROWS } from "../../lib/demo/product-data";
import { unzip } from "../../lib/packages/unzip";
import { codeIn, linkIn, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { ACME_INBOX, END_USER } from "../support/referrals";

// The processor case on the demo product database: an end user of Acme's chatbot asks us about
// their data, the request is referred to Acme, Acme asks for the workspace export on its referral
// page, and the portal finds the data in Acme's workspace and sends it without an officer.

const LENA = "lena.fischer@example.net";

test("a customer's export request is answered by a run scoped to its workspace", async ({ page }) => {
  await page.goto("/requests/new");
  await chooseType(page, "Delete my data");
  await page.getByRole("radio", { name: "All personal information about me" }).check();
  await fillRequester(page, { name: "Lena Fischer", email: LENA, country: "Germany" }, END_USER);
  await page.getByLabel("Which company's service did you use?").fill("help.acme.example");
  await page.getByRole("radio", { name: "Only my conversations with that company" }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByLabel("Confirmation code").fill(codeIn(await waitForMail(LENA, /Confirm your privacy request/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  const reference = (await page.getByText(/^DSR-[A-Z0-9]{4}-[A-Z0-9]{4}$/).first().textContent())!;

  const referral = await waitForMail(ACME_INBOX, new RegExp(`Privacy request ${reference} `));
  await page.goto(linkIn(referral, "/referrals/"));
  await page.getByRole("button", { name: "Ask Jexi for an export of the workspace data" }).click();

  // No officer: the run searches Acme's workspace and the export is sent when it is assembled.
  const ready = await waitForMail(ACME_INBOX, new RegExp(`^The export for privacy request ${reference} is ready$`));
  const filename = `${reference}-acme-help-export.zip`;
  expect(ready.text).toContain(`File: ${filename}`);
  await page.goto(linkIn(ready, "/referrals/"));
  const exports = page.getByRole("region", { name: "Your workspace export" });
  const [download] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: `Download ${filename}` }).click()]);
  const files = unzip(await readFile((await download.path())!));

  const { columns, rows } = PRODUCT_ROWS.messages!;
  const conversation = columns.indexOf("conversation_id");
  const body = columns.indexOf("body");
  const expected = rows.filter((r) => r[conversation] === 1).map((r) => r[body]);
  const data = JSON.parse(files.get("data.json")!.toString("utf8")) as { systems: { collections: { name: string; records: Record<string, unknown>[] }[] }[] };
  const messages = data.systems.flatMap((s) => s.collections).find((c) => c.name === "messages")!.records;
  expect(messages.map((m) => m.body)).toEqual(expected);
  // Only Acme's workspace: nothing of Globex's end users, nor of the operator's own records.
  const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
  expect(everything).not.toMatch(/globex|GX-88121|Invoice address is wrong|alex\.morgan/i);
  expect(files.get("index.html")!.toString("utf8")).toContain("<dt>Processor</dt>");
});
