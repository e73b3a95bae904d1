import { expect, test, type Locator } from "@playwright/test";
import { uniqueEmail } from "../support/mailbox";
import { fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

/**
 * The characters of an element in the order a reader sees them, left to right: each character's
 * box on the screen, sorted by where it starts. Invisible characters (no width) are left out. What
 * the DOM holds is the typed order, which is not what a reader sees once a bidi override is in it.
 */
async function visualText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const seen: { x: number; text: string }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) seen.push({ x: box.left, text: text[i]! });
      }
    }
    return seen
      .sort((a, b) => a.x - b.x)
      .map((c) => c.text)
      .join("");
  });
}

test("an officer reads a requester's name with a right-to-left override as it was typed, the override shown", async ({ page, browser }) => {
  const email = uniqueEmail("bidi");
  await page.goto("/requests/new?type=OPT_OUT_SALE");
  await fillRequester(page, { name: "Ann\u202eevil", email, country: "United States", region: "California" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();

  const officer = await createStaff("OFFICER");
  const context = await browser.newContext();
  await signInAs(context, officer.id);
  const dashboard = await context.newPage();
  await dashboard.goto("/admin/requests");
  await dashboard.getByLabel("Reference, email or name").fill(email);
  await dashboard.getByRole("button", { name: "Apply filters" }).click();
  await dashboard.getByRole("link", { name: /^DSR-/ }).click();
  await expect(dashboard.getByRole("heading", { level: 1 })).toContainText("DSR-");

  const name = dashboard.getByRole("definition").filter({ hasText: "evil" });
  await expect(name).toHaveCount(1);
  const seen = await visualText(name);
  expect(seen).not.toContain("Annlive");
  expect(seen).toBe("Ann⟨U+202E⟩evil");
  await context.close();
});
