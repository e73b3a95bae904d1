import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { uniqueEmail, waitForMail } from "../support/mailbox";
import { createStaff, signInAs } from "../support/staff";

// Issue 14: an admin creates an API key, sees it once, and a helpdesk uses it over HTTP to file a
// request (the person gets the confirmation email) and read it back masked; revoked, it stops working.

test("an admin creates a key shown once, a system files a request with it, and a revoked key is refused", async ({ page, context, request }) => {
  await signInAs(context, (await createStaff("ADMIN")).id);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API keys", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  const create = page.getByRole("region", { name: "Create a key" });
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/Name the key after the system/);
  await expect(create).toContainText("Choose at least one scope");

  const name = `Helpdesk ${Date.now().toString(36)}`;
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByRole("checkbox", { name: /Read requests/ }).check();
  await create.getByRole("checkbox", { name: /File and handle requests/ }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const shown = create.getByRole("status");
  await expect(shown).toContainText(`Key “${name}” created. Copy it now: it is not shown again.`);
  await expect(shown).toBeFocused();
  const key = await create.getByLabel("API key").inputValue();
  expect(key).toMatch(/^dsar_/);
  expect(await seriousViolations(page)).toEqual([]);

  // The helpdesk files what a customer asked by email: the person confirms their own address.
  const email = uniqueEmail("api");
  const filed = await request.post("/api/v1/requests", {
    headers: { Authorization: `Bearer ${key}` },
    data: { type: "ACCESS", details: {}, name: "Grace Hopper", email, country: "DE", relationship: "ACCOUNT_HOLDER" },
  });
  expect(filed.status()).toBe(201);
  const created = (await filed.json()) as { id: string; reference: string; status: string };
  expect(created.status).toBe("PENDING_VERIFICATION");
  const mail = await waitForMail(email, /Confirm your privacy request/);
  expect(mail.subject).toContain(created.reference);
  const read = await request.get(`/api/v1/requests/${created.id}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(await read.json()).toMatchObject({ reference: created.reference, personalVisible: false, requesterName: "G. H." });
  // Bad input: the form's own words, per field, and nothing stored.
  const bad = await request.post("/api/v1/requests", { headers: { Authorization: `Bearer ${key}` }, data: { type: "ACCESS", name: "Grace", email: "nope", country: "DE", relationship: "OTHER" } });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect(await bad.json()).toMatchObject({ code: "INVALID_INPUT", errors: { email: "Enter an email address in the format name@example.com" } });

  // Never shown again; the list names it, and its calls.
  await page.reload();
  expect(await page.content()).not.toContain(key);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText("Active");
  await row.getByText("Latest calls").click();
  await expect(row).toContainText("POST /api/v1/requests → 201");
  await expect(row).toContainText("GET /api/v1/requests/{id} → 200");

  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/requests", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "UNAUTHENTICATED", detail: "This API key was revoked. Ask an admin for a new one." });
});

test("staff read the API reference, made from the same document machines read", async ({ page, context, request }) => {
  await signInAs(context, (await createStaff("OFFICER")).id);
  await page.goto("/admin/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const create = page.getByRole("region", { name: /POST \/api\/v1\/requests File a request/ });
  await expect(create).toContainText("Scopes: requests:write");
  await expect(create.getByRole("table", { name: "JSON body" })).toContainText("verified");
  // A problem's type links to its code's row.
  await page.goto("/admin/api#problem-extension-already-used");
  await expect(page.locator("#problem-extension-already-used")).toContainText("The deadline has already been extended once");
  expect(await seriousViolations(page)).toEqual([]);

  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
