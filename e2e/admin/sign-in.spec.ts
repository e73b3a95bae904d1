import { expect, test } from "@playwright/test";
import { linkIn, messagesTo, waitForMail } from "../support/mailbox";
import { createStaff, deactivateStaff, SESSION_COOKIE, signInAs } from "../support/staff";

test("an officer signs in with a magic link received by email, once", async ({ page }) => {
  const officer = await createStaff("OFFICER");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin$/);

  await page.getByLabel("Work email").fill(officer.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForMail(officer.email, /Sign in to the Jexi privacy dashboard/);
  const link = linkIn(mail, "/api/auth/callback/email?");
  // The link carries the token alone: no address for browser history, proxy logs or spam filters.
  expect([...new URL(link).searchParams.keys()].sort()).toEqual(["callbackUrl", "token"]);
  expect(decodeURIComponent(link)).not.toContain(officer.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText(`${officer.email} · Privacy officer`)).toBeVisible();
  // The production server's session cookie is Secure although APP_URL is http.
  expect(new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").protocol).toBe("http:");
  const session = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(session).toMatchObject({ secure: true, httpOnly: true });

  // The link is single-use.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText("This sign-in link has expired or was already used")).toBeVisible();
});

test("an unknown address gets the same answer and no email", async ({ page }) => {
  const stranger = `nobody-${Date.now()}@outside.test`;
  const officer = await createStaff("OFFICER");
  for (const email of [stranger, officer.email]) {
    await page.goto("/admin/sign-in");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  // The staff member's email arrives; by then the stranger's would have too, had it been queued.
  await waitForMail(officer.email, /Sign in/);
  expect(await messagesTo(stranger)).toHaveLength(0);
});

test("deactivating a staff member ends their session at once", async ({ page, context }) => {
  const officer = await createStaff("OFFICER");
  await signInAs(context, officer.id);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await deactivateStaff(officer.id);
  await page.reload();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test("asking for sign-in links again and again is refused with a clear message, for staff and strangers alike", async ({ page }) => {
  const officer = await createStaff("OFFICER");
  const stranger = `flood-${Date.now()}@outside.test`;
  // What the form posts, over HTTP: RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR (5 by default) times each.
  const askOverHttp = async (email: string) => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/admin", json: "true" } });
    return response.status();
  };
  for (const email of [officer.email, stranger]) {
    for (let i = 0; i < 5; i++) expect(await askOverHttp(email)).toBe(200);
    // The sixth time, in the form, as a person would.
    await page.goto("/admin/sign-in");
    await page.getByLabel("Work email").fill(email);
    const answer = page.waitForResponse((r) => r.url().includes("/api/auth/signin/email"));
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    expect((await answer).status()).toBe(429);
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in links were asked for" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
  }
  // Five emails reached the officer, and not a sixth.
  await waitForMail(officer.email, /Sign in/, 5);
  expect(await messagesTo(officer.email)).toHaveLength(5);
});
