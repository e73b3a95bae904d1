import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver } from "../../lib/testing/webhook-receiver";
import { seriousViolations } from "../support/axe";
import { uniqueEmail } from "../support/mailbox";
import { chooseType, fillRequester } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Issue 14: an admin registers an endpoint (a real HTTP server in this test process, on
// loopback, so private targets must be allowed first), a person files a request, and the
// endpoint receives it signed; the log shows the delivery, and "Redeliver" sends it again.

test("an admin registers a webhook endpoint that receives a new request, signed, and redelivers it", async ({ browser, page: requester }) => {
  const receiver = await startWebhookReceiver();
  try {
    const context = await browser.newContext();
    await signInAs(context, (await createStaff("ADMIN")).id);
    const admin = await context.newPage();
    await admin.goto("/admin");
    await admin.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Webhooks", exact: true }).click();

    const register = admin.getByRole("region", { name: "Register an endpoint" });
    const privateTargets = admin.getByRole("region", { name: "Private targets" });
    // Another test may have allowed them already; start from refused.
    if (await privateTargets.getByRole("button", { name: /Refuse private targets/ }).isVisible()) {
      await privateTargets.getByRole("button", { name: /Refuse private targets/ }).click();
    }
    await expect(privateTargets.getByRole("button", { name: /Allow private targets/ })).toBeVisible();
    await register.getByLabel("Address").fill(receiver.url);
    await register.getByRole("checkbox", { name: /A request was filed/ }).check();
    await register.getByRole("button", { name: "Register endpoint" }).click();
    await expect(register.getByLabel("Address")).toHaveAccessibleDescription(/resolves to a private, loopback or link-local address \(127\.0\.0\.1\)/);

    await privateTargets.getByRole("button", { name: /Allow private targets/ }).click();
    await expect(privateTargets.getByRole("button", { name: /Refuse private targets/ })).toBeVisible();
    await register.getByRole("button", { name: "Register endpoint" }).click();
    const shown = register.getByRole("status");
    await expect(shown).toContainText("Endpoint registered. Copy its signing secret now: it is not shown again.");
    await expect(shown).toBeFocused();
    const secret = await register.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(admin)).toEqual([]);

    const email = uniqueEmail("hook");
    await requester.goto("/requests/new");
    await chooseType(requester, "Access my data");
    await fillRequester(requester, { name: "Katherine Johnson", email, country: "France" });
    await requester.getByRole("button", { name: "Send request" }).click();
    await expect(requester.getByRole("heading", { name: "Check your email" })).toBeVisible();

    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const first = receiver.received[0]!;
    const headers = Object.fromEntries(Object.entries(first.headers).map(([k, v]) => [k, String(v)]));
    const payload = new Webhook(secret.slice("whsec_".length)).verify(first.body, headers) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: "request.created", data: { requestType: "ACCESS", status: "PENDING_VERIFICATION" } });
    expect(first.body).not.toContain(email);

    await admin.reload();
    const endpoint = admin.getByRole("region", { name: `Endpoint ${receiver.url}` });
    const row = endpoint.getByRole("row", { name: /request\.created/ }).first();
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("200");
    await row.getByRole("button", { name: /Redeliver/ }).click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await admin.reload();
    await expect(admin.getByRole("region", { name: `Endpoint ${receiver.url}` }).getByRole("row", { name: /request\.created/ }).first()).toContainText(/Delivered\s*2/);
  } finally {
    await receiver.close();
  }
});
