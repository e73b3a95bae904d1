import { expect, test } from "@playwright/test";
import { fillRequester, chooseType } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Issue 13, point 4: at 1280 px the queue fits its container; no column (the requester's, before)
// is clipped behind a horizontal scroll, even with a long address in it.

test("the queue fits a 1280 px window with every column in view", async ({ page, browser }) => {
  const email = `a.very.long.address.for.the.queue.${Date.now().toString(36)}@subdomain.example-company.example`;
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Long Address", email, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signInAs(context, (await createStaff("OFFICER")).id);
  const officer = await context.newPage();
  await officer.goto("/admin/requests");
  const region = officer.getByRole("region", { name: /^Requests by/ });
  await expect(officer.getByRole("cell", { name: email })).toBeVisible();
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  for (const name of ["Reference", "Requester", "Due", "Assignee"]) {
    const box = await officer.getByRole("columnheader", { name, exact: true }).boundingBox();
    expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(1280);
  }

  // The filtered queue downloads as CSV (issue 13, "Queue export").
  await officer.goto(`/admin/requests?q=${encodeURIComponent(email)}`);
  const [download] = await Promise.all([officer.waitForEvent("download"), officer.getByRole("link", { name: "Download these requests as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^requests-\d{4}-\d{2}-\d{2}\.csv$/);
  const { readFile } = await import("node:fs/promises");
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(email);
});
