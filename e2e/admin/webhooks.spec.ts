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

    // A new secret, shown once; for a day deliveries verify with either, so the receiver can switch.
    const endpointAgain = admin.getByRole("region", { name: `Endpoint ${receiver.url}` });
    await endpointAgain.getByRole("button", { name: `Rotate signing secret of ${receiver.url}` }).click();
    await expect(endpointAgain.getByRole("status")).toContainText("New signing secret. Copy it now: it is not shown again.");
    const fresh = await endpointAgain.getByLabel("New signing secret").inputValue();
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    await row.getByRole("button", { name: /Redeliver/ }).click();
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(3);
    const third = mine()[2]!;
    const headers = Object.fromEntries(Object.entries(third.headers).map(([k, v]) => [k, String(v)]));
    expect(new Webhook(fresh.slice("whsec_".length)).verify(third.body, headers)).toMatchObject({ type: "request.created" });

    // Its events changed in place, the change confirmed.
    await endpointAgain.getByText("Change this endpoint").click();
    await endpointAgain.getByRole("checkbox", { name: /A request was verified/ }).check();
    await endpointAgain.getByRole("button", { name: "Save endpoint" }).click();
    await expect(endpointAgain.getByText("Saved: events.")).toBeVisible();
    await admin.reload();
    await expect(endpointAgain).toContainText("request.created, request.verified");
    await expect(endpointAgain).toContainText("Signed with the previous secret too until");

    // Disabled, it hears of nothing more (and this test's receiver closes).
    await endpointAgain.getByRole("button", { name: `Disable ${receiver.url}` }).click();
    await expect(endpointAgain).toContainText("Disabled");
  } finally {
    await receiver.close();
  }
});
