import { expect, test } from "@playwright/test";
import { countRequestsFor, spentProofsOfWork } from "../support/db";
import { uniqueEmail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";

// Issue 11: a busy client address must prove some work before a request is accepted, and the
// form does it unseen. The test server asks every submission for one (POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR=0
// in scripts/test.ts: every spec sends from 127.0.0.1); the threshold is an integration test.

test("the form solves the proof of work by itself and the request goes through", async ({ page }) => {
  const email = uniqueEmail("pow");
  const before = await spentProofsOfWork();
  // What the form posts: the request, then the request with its proof.
  const posts: string[] = [];
  await page.route("**/requests/new", async (route) => {
    if (route.request().method() === "POST") posts.push(route.request().postData() ?? "");
    await route.continue();
  });
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Powell Worker", email, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // Asked first, then sent with the proof, which counts once.
  expect(posts).toHaveLength(2);
  expect(posts[0]).not.toContain("solution");
  expect(posts[1]).toContain("solution");
  // At least this one: other specs running alongside spend theirs too.
  expect(await spentProofsOfWork()).toBeGreaterThan(before);
  expect(await countRequestsFor(email)).toBe(1);
});

test("a proof changed on the way is refused, the person is told, and nothing is stored", async ({ page }) => {
  const email = uniqueEmail("forged-pow");
  // The second post carries the proof: its counter is changed, as a forger would.
  await page.route("**/requests/new", async (route) => {
    const body = route.request().postData() ?? "";
    if (route.request().method() !== "POST" || !body.includes('\\"counter\\":')) return route.continue();
    await route.continue({ postData: body.replace(/(\\"counter\\":)(\d+)/, (_, key: string, n: string) => `${key}${Number(n) + 1}`) });
  });
  await page.goto("/requests/new");
  await chooseType(page, "Access my data");
  await fillRequester(page, { name: "Forge Ry", email, country: "Germany" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your request was not sent" })).toContainText("check did not pass");
  expect(await countRequestsFor(email)).toBe(0);
});
