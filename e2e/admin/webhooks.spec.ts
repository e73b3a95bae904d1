import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver } from "../../lib/testing/webhook-receiver";
import { seriousViolations } from "../support/axe";
import { uniqueEmail, waitForMail } from "../support/mailbox";
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

    // Other tests file requests meanwhile, and the endpoint hears of theirs too: find this one's by its reference.
    const reference = (await waitForMail(email, /Confirm your privacy request/)).subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    const webhook = new Webhook(secret.slice("whsec_".length));
    const open = (m: (typeof receiver.received)[number]) =>
      webhook.verify(m.body, Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, String(v)]))) as { type: string; data: Record<string, unknown> };
    const mine = () => receiver.received.filter((m) => open(m).data.reference === reference);
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(1);
    const first = mine()[0]!;
    expect(open(first)).toMatchObject({ type: "request.created", data: { reference, requestType: "ACCESS", status: "PENDING_VERIFICATION" } });
    expect(first.body).not.toContain(email);

    await admin.reload();
    const endpoint = admin.getByRole("region", { name: `Endpoint ${receiver.url}` });
    const row = endpoint.getByRole("row", { name: new RegExp(`request\\.created ${reference}`) });
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("200");
    await row.getByRole("button", { name: /Redeliver/ }).click();
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(2);
    expect(mine()[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await admin.reload();
    await expect(admin.getByRole("region", { name: `Endpoint ${receiver.url}` }).getByRole("row", { name: new RegExp(`request\\.created ${reference}`) })).toContainText(/Delivered\s*2/);
    // Disabled, it hears of nothing more (and this test's receiver closes).
    const endpointAgain = admin.getByRole("region", { name: `Endpoint ${receiver.url}` });
    await endpointAgain.getByRole("button", { name: `Disable ${receiver.url}` }).click();
    await expect(endpointAgain).toContainText("Disabled");
  } finally {
    await receiver.close();
  }
});
