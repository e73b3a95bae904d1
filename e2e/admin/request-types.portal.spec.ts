import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { callAction, findAction } from "../support/actions";
import { seriousViolations } from "../support/axe";
import { countRequestsFor } from "../support/db";
import { uniqueEmail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Settings → Request types: the admin offers what the operator's policy names. A type switched off
// leaves the form and the home page, and the server refuses it, even from a form opened before the
// change or a post made by hand. The whole portal changes, so this runs in the "portal" project, one
// spec at a time, and switches the type back on at the end.

const OBJECTION = "Object to processing";
const ALL_TYPES = "{ACCESS,DELETION,PORTABILITY,OBJECTION,CORRECTION,RESTRICTION,OPT_OUT_SALE,WITHDRAW_CONSENT,APPEAL}";

/** Whatever happened, the portal offers every type again (as the shared e2e database starts). */
test.afterAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE organization_settings SET offered_request_types = $1::"RequestType"[] WHERE id = 1 AND NOT offered_request_types @> $1::"RequestType"[]`, [ALL_TYPES]);
  } finally {
    await client.end();
  }
});

function typeChoices(page: Page) {
  return page.getByRole("group", { name: "What would you like us to do?" }).getByRole("radio");
}

test("an admin stops offering objections: the form, the home page and the server no longer take them, until switched back on", async ({ browser, page: visitor, request, baseURL }) => {
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings", exact: true }).click();
  const section = page.getByRole("region", { name: "Request types", exact: true });
  const objection = section.getByRole("checkbox", { name: OBJECTION, exact: true });
  // The form checks its boxes once it has loaded (react-hook-form, client side).
  await expect(objection).toBeEnabled();
  await expect(objection).toBeChecked();
  await expect(objection).toHaveAccessibleDescription("Object to a particular use of your personal information.");
  await expect(section.getByRole("checkbox")).toHaveCount(8);

  // Someone opens the form and chooses an objection before the change.
  const staleEmail = uniqueEmail("stale-objection");
  await visitor.goto("/requests/new");
  await expect(typeChoices(visitor)).toHaveCount(8);
  await chooseType(visitor, OBJECTION);
  await visitor.getByRole("radio", { name: "Marketing emails and messages" }).check();
  await fillRequester(visitor, { name: "Noor Haddad", email: staleEmail, country: "Germany" });

  await objection.uncheck();
  await section.getByRole("button", { name: "Save request types" }).click();
  await expect(section.getByRole("status")).toContainText("Saved: the form now offers Access my data, Delete my data, Export my data, Correct my data");
  await expect(section.getByRole("status")).not.toContainText(OBJECTION);

  // The form opened before the change is refused at its type, with where to turn instead.
  await visitor.getByRole("button", { name: "Send request" }).click();
  const refusal = /^This portal does not take objection requests; see the privacy policy for how to reach us, or write to /;
  await expect(visitor.getByRole("group", { name: "What would you like us to do?" })).toHaveAccessibleDescription(refusal);
  await expect(typeChoices(visitor).first()).toBeFocused();
  expect(await countRequestsFor(staleEmail)).toBe(0);

  // A fresh form and the home page no longer offer it; the rest stays.
  await visitor.goto("/requests/new");
  await expect(typeChoices(visitor)).toHaveCount(7);
  await expect(visitor.getByRole("radio", { name: new RegExp(`^${OBJECTION}`) })).toHaveCount(0);
  await expect(visitor.getByRole("radio", { name: /^Access my data/ })).toBeVisible();
  await visitor.goto("/requests/new?type=OBJECTION");
  await expect(typeChoices(visitor).first()).toBeEnabled();
  await expect(visitor.getByRole("group", { name: "What would you like us to do?" }).getByRole("radio", { checked: true })).toHaveCount(0);
  await visitor.goto("/");
  const offers = visitor.getByRole("region", { name: "What you can ask for" });
  await expect(offers.getByRole("link", { name: "Access my data" })).toBeVisible();
  await expect(offers.getByRole("link", { name: OBJECTION })).toHaveCount(0);

  // A post made by hand to the form's server action is refused the same way, and stores nothing.
  const forgedEmail = uniqueEmail("forged-objection");
  const forged = await callAction(
    request,
    "/requests/new",
    findAction("app/(public)/requests/new/actions.ts", "submitRequestAction").id,
    { type: "OBJECTION", details: { processing: "DIRECT_MARKETING" }, name: "Noor Haddad", email: forgedEmail, country: "DE", relationship: "ACCOUNT_HOLDER" },
    { Origin: baseURL! },
  );
  expect(forged).toMatchObject({ ok: false, code: "TYPE_NOT_OFFERED" });
  expect(forged.text).toContain("This portal does not take objection requests");
  expect(await countRequestsFor(forgedEmail)).toBe(0);

  // None at all is refused at the list, focused, and nothing changes.
  await page.reload();
  await expect(objection).toBeEnabled();
  for (const box of await section.getByRole("checkbox").all()) await box.uncheck();
  await section.getByRole("button", { name: "Save request types" }).click();
  await expect(section.getByRole("group", { name: "Request types the form offers" })).toHaveAccessibleDescription(
    /Keep at least one request type offered: with none, nobody could make a request here/,
  );
  await expect(section.getByRole("checkbox").first()).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  // The history names who changed what, old list and new.
  await page.reload();
  const history = section.getByRole("region", { name: "Changes to request types" });
  await expect(history.getByRole("listitem").first()).toContainText(admin.email);
  await expect(history.getByRole("listitem").first()).toContainText(`From: Access my data, Delete my data, Export my data, ${OBJECTION}`);
  await expect(history.getByRole("listitem").first()).not.toContainText(`To: Access my data, Delete my data, Export my data, ${OBJECTION}`);

  // Switched back on: the form offers it again.
  await expect(objection).toBeEnabled();
  await objection.check();
  await section.getByRole("button", { name: "Save request types" }).click();
  await expect(section.getByRole("status")).toContainText(OBJECTION);
  await visitor.goto("/requests/new");
  await expect(typeChoices(visitor)).toHaveCount(8);
  await expect(visitor.getByRole("radio", { name: new RegExp(`^${OBJECTION}`) })).toBeVisible();
  await context.close();
});
