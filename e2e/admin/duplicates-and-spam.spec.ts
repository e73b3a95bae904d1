import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { confirmAction } from "../support/confirm-action";
import { countRequestsFor, requestByEmail } from "../support/db";
import { codeIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createRequestRow, createStaff, signInAs } from "../support/staff";

// Issue 11: a repeated request is flagged and merged; junk is marked as spam and its address refused.

test.describe.serial("a repeated request", () => {
  const email = uniqueEmail("twice");
  let earlier: { id: string; reference: string };
  let statusUrl = "";

  test("is flagged when the requester confirms the second one", async ({ page }) => {
    earlier = await createRequestRow("Dupe Twice", { email });
    await page.goto("/requests/new");
    await chooseType(page, "Access my data");
    await fillRequester(page, { name: "Dupe Twice", email, country: "Germany" });
    await page.getByRole("button", { name: "Send request" }).click();
    const mail = await waitForMail(email, /^Confirm your privacy request/);
    await page.getByLabel("Confirmation code").fill(codeIn(mail));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
    statusUrl = page.url();
  });

  test("is merged by the officer into the earlier one", async ({ browser }) => {
    const later = await requestByEmail(email);
    const officer = await createStaff("OFFICER", "dupes");
    const context = await browser.newContext();
    await signInAs(context, officer.id);
    const page = await context.newPage();
    await page.goto(`/admin/requests/${later!.id}`);
    await expect(page.getByRole("status").filter({ hasText: "Possible duplicate" })).toContainText(earlier.reference);
    await expect(page.getByRole("region", { name: "Other requests from this address" }).getByRole("link", { name: earlier.reference })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await confirmAction(page, `Merge into ${earlier.reference}`, "Merge");
    await expect(page.getByRole("status").filter({ hasText: `Merged: ${earlier.reference} answers both.` })).toBeVisible();
    await expect(page.getByText(`Merged into ${earlier.reference}`, { exact: false }).first()).toBeVisible();
    await context.close();
  });

  test("tells the requester on the status page that the earlier request answers it", async ({ page }) => {
    await page.goto(statusUrl);
    await expect(page.getByRole("status").filter({ hasText: "Answered with your earlier request" })).toContainText(earlier.reference);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe.serial("a request marked as spam", () => {
  const email = uniqueEmail("junk");

  test("is closed and erased by the officer, with the address refused", async ({ browser }) => {
    const junk = await createRequestRow("Buy Cheap Pills", { email, status: "PENDING_VERIFICATION" });
    const officer = await createStaff("OFFICER", "spam");
    const context = await browser.newContext();
    await signInAs(context, officer.id);
    const page = await context.newPage();
    await page.goto(`/admin/requests/${junk.id}`);
    await confirmAction(page, "Mark as spam", "Mark as spam");
    await expect(page.getByRole("status").filter({ hasText: "Marked as spam: closed, erased" })).toBeVisible();
    await expect(page.getByText("Closed as spam").first()).toBeVisible();
    await expect(page.getByText("Buy Cheap Pills")).toHaveCount(0);
    await context.close();
  });

  test("turns away a new request from that address with a way to object", async ({ page }) => {
    await page.goto("/requests/new");
    await chooseType(page, "Access my data");
    await fillRequester(page, { name: "Buy Cheap Pills", email, country: "Germany" });
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "We are not accepting requests from this email address at the moment" })).toContainText("write to us at");
    await expect(page.getByRole("heading", { name: "Make a privacy request" })).toBeVisible();
    // Nothing stored: the spam request's address was erased, and no new request holds it.
    expect(await countRequestsFor(email)).toBe(0);
  });
});
