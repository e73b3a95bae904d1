import { spawn } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { cancelRun, planRun, startRun } from "@/lib/fulfillment/runs";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { rerouteRequest } from "@/lib/referrals/officer";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { completeRequest } from "@/lib/requests/handling/complete";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { until } from "@/lib/testing/until";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { verifyByLink } from "@/lib/verification/verify";
import { announceNearDeadlines } from "@/lib/webhooks/deadlines";
import { deliverDueWebhooks, LEASE_MS } from "@/lib/webhooks/deliver";
import { createEndpoint, PREVIOUS_SECRET_HOURS, redeliver, rotateEndpointSecret, setAllowPrivate, setEndpointEnabled, updateEndpoint } from "@/lib/webhooks/manage";
import { pruneWebhookDeliveries } from "@/lib/webhooks/prune";
import { checkTarget } from "@/lib/webhooks/ssrf";
import { seed } from "@/prisma/seed";

// Webhooks to a real HTTP server on loopback (which the tests allow as a private target), their
// signatures checked by the Standard Webhooks reference library, not by our own code.

let admin: StaffUser;
const receivers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
});

afterEach(async () => {
  // Each test's endpoints stop here: a later test's events go to its own receiver only.
  await db.webhookEndpoint.updateMany({ where: { disabledAt: null }, data: { disabledAt: new Date() } });
  await db.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
  while (receivers.length) await receivers.pop()!.close();
});

afterAll(async () => {
  await setAllowPrivate(db, false, admin);
  await stopQueue();
});

async function receiver(respond?: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(respond);
  receivers.push(r);
  return r;
}

async function endpointFor(url: string, events: string[], includePersonal = false) {
  await setAllowPrivate(db, true, admin);
  return createEndpoint(db, { url, events: events as never, includePersonal }, admin);
}

function verified(secret: string, message: { headers: Record<string, unknown>; body: string }): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, String(v)]));
  return new Webhook(secret.replace(/^whsec_/, "")).verify(message.body, headers) as Record<string, unknown>;
}

describe("where webhooks may go", () => {
  it("refuses loopback, private, link-local and metadata addresses, and names that resolve to them", async () => {
    for (const url of ["https://127.0.0.1/h", "https://10.1.2.3/h", "https://169.254.169.254/latest", "https://[::1]/h", "https://[::ffff:127.0.0.1]/h", "https://192.168.0.10/h", "https://100.64.1.1/h"]) {
      expect(await checkTarget(url, false), url).toMatchObject({ ok: false, code: "WEBHOOK_TARGET_PRIVATE" });
    }
    expect(await checkTarget("https://localhost/h", false)).toMatchObject({ ok: false, code: "WEBHOOK_TARGET_PRIVATE" });
    expect(await checkTarget("https://hooks.internal.example/h", false, async () => ["93.184.216.34", "10.0.0.5"])).toMatchObject({ ok: false, code: "WEBHOOK_TARGET_PRIVATE" });
    expect(await checkTarget("https://hooks.example/h", false, async () => ["93.184.216.34"])).toEqual({ ok: true, addresses: ["93.184.216.34"] });
    // Plain http only to an allowed private receiver; credentials never in the address.
    expect(await checkTarget("http://hooks.example/h", false, async () => ["93.184.216.34"])).toMatchObject({ ok: false, code: "WEBHOOK_URL_INVALID" });
    expect(await checkTarget("http://127.0.0.1:9/h", true)).toMatchObject({ ok: true });
    expect(await checkTarget("https://user:pw@hooks.example/h", false, async () => ["93.184.216.34"])).toMatchObject({ ok: false, code: "WEBHOOK_URL_INVALID" });
  });

  it("registers a loopback endpoint only once an admin allows private targets, and audits both", async () => {
    const r = await receiver();
    await setAllowPrivate(db, false, admin);
    const before = await db.webhookEndpoint.count();
    await expect(createEndpoint(db, { url: r.url, events: ["request.created"] }, admin)).rejects.toMatchObject({ code: "WEBHOOK_TARGET_PRIVATE" });
    expect(await db.webhookEndpoint.count()).toBe(before);
    await setAllowPrivate(db, true, admin);
    const { id, secret } = await createEndpoint(db, { url: r.url, events: ["request.created"] }, admin);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.secretSealed).toString("latin1")).not.toContain(secret.slice(6, 20));
    const trail = await db.settingsEvent.findMany({ where: { area: "webhooks", actorId: admin.id }, orderBy: { id: "desc" }, take: 2 });
    expect(trail.map((e) => e.action)).toEqual(["endpoint.created", "private_targets.allowed"]);
  });

  it("checks the address again as each delivery connects: a target made private since is not called", async () => {
    const r = await receiver();
    const { id } = await endpointFor(r.url, ["request.created"]);
    await submitRequest(requestInput(), { ip: null });
    await setAllowPrivate(db, false, admin);
    await deliverDueWebhooks();
    expect(r.received).toEqual([]);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastError: "WEBHOOK_TARGET_PRIVATE", lastStatusCode: null });
  });
});

describe("changing an endpoint", () => {
  it("changes its events and address, checked again, with each change audited; deliveries not yet made go to the new address", async () => {
    const [first, second] = [await receiver(), await receiver()];
    const { id } = await endpointFor(first.url, ["request.verified"]);
    await submitRequest(requestInput(), { ip: null });
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(0);

    expect(await updateEndpoint(db, id, { url: second.url, events: ["request.created", "request.verified"], description: "CRM" }, admin)).toEqual({ changed: ["url", "description", "events"] });
    await submitRequest(requestInput(), { ip: null });
    await deliverDueWebhooks();
    expect(first.received).toEqual([]);
    expect(second.received.map((m) => JSON.parse(m.body).type)).toEqual(["request.created"]);
    const [audit] = await db.settingsEvent.findMany({ where: { area: "webhooks", action: "endpoint.updated" }, orderBy: { id: "desc" }, take: 1 });
    expect(audit!.data).toMatchObject({ endpointId: id, changes: { url: { from: first.url, to: second.url }, description: { from: null, to: "CRM" } } });

    // The same values again: nothing changes, nothing is audited.
    const events = await db.settingsEvent.count({ where: { action: "endpoint.updated" } });
    expect(await updateEndpoint(db, id, { url: second.url, events: ["request.verified", "request.created"], description: "CRM" }, admin)).toEqual({ changed: [] });
    // A private address once private targets are refused again: refused, the endpoint unchanged.
    await setAllowPrivate(db, false, admin);
    await expect(updateEndpoint(db, id, { url: "https://10.0.0.7/hooks", events: ["request.created"] }, admin)).rejects.toMatchObject({ code: "WEBHOOK_TARGET_PRIVATE" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { url: true } })).toEqual({ url: second.url });
    expect(await db.settingsEvent.count({ where: { action: "endpoint.updated" } })).toBe(events);
  });

  it("rotates its secret: for a day each delivery verifies with the new secret and with the previous one, then with the new one only", async () => {
    const r = await receiver();
    const { id, secret: old } = await endpointFor(r.url, ["request.created"]);
    const rotatedAt = new Date();
    const { secret: fresh, previousUntil } = await rotateEndpointSecret(db, id, admin, rotatedAt);
    expect(fresh).not.toBe(old);
    expect(previousUntil.getTime() - rotatedAt.getTime()).toBe(PREVIOUS_SECRET_HOURS * 3_600_000);

    await submitRequest(requestInput(), { ip: null });
    await deliverDueWebhooks();
    const during = r.received[0]!;
    expect(verified(fresh, during).type).toBe("request.created");
    expect(verified(old, during).type).toBe("request.created");

    await submitRequest(requestInput(), { ip: null });
    await deliverDueWebhooks({ now: new Date(previousUntil.getTime() + 1000) });
    const after = r.received[1]!;
    expect(verified(fresh, after).type).toBe("request.created");
    expect(() => verified(old, after)).toThrow();
    const [audit] = await db.settingsEvent.findMany({ where: { area: "webhooks", action: "endpoint.secret_rotated" }, orderBy: { id: "desc" }, take: 1 });
    expect(JSON.stringify(audit!.data)).not.toContain(fresh.slice(6, 20));
  });
});

describe("deliveries", () => {
  it("are written with the change that causes them, signed the Standard Webhooks way, and carry ids and states only", async () => {
    const r = await receiver();
    const { id, secret } = await endpointFor(r.url, ["request.created", "request.verified", "request.status_changed"]);
    const input = requestInput();
    const submitted = await submitRequest(input, { ip: null });
    if (!submitted.ok) throw new Error("not submitted");
    const { requestId } = submitted.data;
    // In the database before any worker ran: committed with the request.
    expect(await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { eventType: true, status: true, requestId: true } })).toEqual([
      { eventType: "request.created", status: "PENDING", requestId },
    ]);
    const { verifyUrl } = (await latestEmail(requestId, "verify-email")).props as { verifyUrl: string };
    await verifyByLink(verifyUrl.split("/").pop()!);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 3, failed: 0 });

    const bodies = r.received.map((m) => verified(secret, m));
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(bodies.map((b) => b.type).sort()).toEqual(["request.created", "request.status_changed", "request.verified"]);
    const created = bodies.find((b) => b.type === "request.created")!;
    expect(created.data).toEqual({ requestId, reference: request.reference, requestType: "ACCESS", status: "PENDING_VERIFICATION", dueDate: null });
    expect(bodies.find((b) => b.type === "request.status_changed")!.data).toMatchObject({ requestId, status: "RECEIVED", fromStatus: "PENDING_VERIFICATION", action: "request.verified" });
    for (const m of r.received) {
      expect(m.body).not.toContain(String(input.email));
      expect(m.body).not.toContain("Ada");
      expect(m.headers["webhook-id"]).toMatch(/^msg_[0-9a-f-]{36}$/);
    }
    // A changed byte and the signature no longer verifies (the reference library refuses it).
    expect(() => verified(secret, { ...r.received[0]!, body: r.received[0]!.body.replace("request", "requesT") })).toThrow();
    const logged = await db.webhookDelivery.findMany({ where: { endpointId: id }, include: { attemptLog: true } });
    expect(logged.every((d) => d.status === "DELIVERED" && d.attempts === 1 && d.lastStatusCode === 200 && d.attemptLog.length === 1)).toBe(true);
  });

  it("retries after a 500 with backoff, with the same webhook-id, and logs each attempt", async () => {
    const r = await receiver((n) => (n === 0 ? 500 : 200));
    const { id, secret } = await endpointFor(r.url, ["request.status_changed"]);
    const { requestId } = await verifiedRequest();
    await db.webhookDelivery.updateMany({ where: { endpointId: id }, data: { status: "FAILED" } });
    const now = new Date();
    await acknowledgeRequest(requestId, admin, now);
    expect(await deliverDueWebhooks({ now })).toEqual({ delivered: 0, failed: 1 });
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id, status: { not: "FAILED" } } });
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP_500" });
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);
    // Not before its time.
    expect(await deliverDueWebhooks({ now: new Date(now.getTime() + 29_000) })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now: new Date(now.getTime() + 30_000) })).toEqual({ delivered: 1, failed: 0 });
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id: first.id }, include: { attemptLog: { orderBy: { id: "asc" } } } });
    expect(done).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200, lastError: null });
    expect(done.attemptLog.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(r.received.map((m) => m.headers["webhook-id"])).toEqual([`msg_${first.id}`, `msg_${first.id}`]);
    expect(verified(secret, r.received[1]!)).toMatchObject({ type: "request.status_changed", data: { requestId, status: "IN_PROGRESS", fromStatus: "RECEIVED" } });
  });

  it("gives up after the last attempt, and an admin's redelivery sends it again, audited", async () => {
    const r = await receiver(() => 503);
    const { id } = await endpointFor(r.url, ["request.created"]);
    await submitRequest(requestInput(), { ip: null });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { attempts: 8 } });
    await deliverDueWebhooks();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 9, lastStatusCode: 503 });
    expect(await deliverDueWebhooks({ now: new Date(Date.now() + 86_400_000 * 3) })).toEqual({ delivered: 0, failed: 0 });

    await redeliver(db, delivery.id, admin);
    const fixed = await receiver();
    await db.webhookEndpoint.update({ where: { id }, data: { url: fixed.url } });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, failed: 0 });
    expect(fixed.received.map((m) => m.headers["webhook-id"])).toEqual([`msg_${delivery.id}`]);
    expect((await db.settingsEvent.findFirstOrThrow({ where: { action: "delivery.redelivered" }, orderBy: { id: "desc" } })).data).toMatchObject({ deliveryId: delivery.id, previousStatus: "FAILED" });
  });

  it("adds the requester's name and email only for an endpoint that opted in, read when sent, none once erased", async () => {
    const r = await receiver();
    const { secret } = await endpointFor(r.url, ["request.created"], true);
    const input = requestInput();
    const submitted = await submitRequest(input, { ip: null });
    if (!submitted.ok) throw new Error("not submitted");
    const stored = await db.webhookDelivery.findFirstOrThrow({ where: { requestId: submitted.data.requestId } });
    expect(JSON.stringify(stored.payload)).not.toContain(String(input.email));
    await deliverDueWebhooks();
    expect(verified(secret, r.received[0]!).data).toMatchObject({ requester: { name: "Ada Lovelace", email: input.email } });
    await db.request.update({ where: { id: submitted.data.requestId }, data: { requesterName: null, requesterEmail: null } });
    await redeliver(db, stored.id, admin);
    await deliverDueWebhooks();
    expect(verified(secret, r.received[1]!).data).toMatchObject({ requester: { name: null, email: null } });
  });

  it("announces a near deadline once per due date, and nothing to a disabled endpoint", async () => {
    const r = await receiver();
    const { id, secret } = await endpointFor(r.url, ["request.deadline_near"]);
    const { requestId } = await verifiedRequest();
    const dueAt = new Date(Date.now() + 2 * 86_400_000);
    await db.request.update({ where: { id: requestId }, data: { dueAt: new Date(dueAt.toISOString().slice(0, 10)) } });
    const announced = await announceNearDeadlines(db, new Date());
    expect(announced).toBeGreaterThanOrEqual(1);
    expect(await announceNearDeadlines(db, new Date())).toBe(0);
    await deliverDueWebhooks();
    const mine = r.received.map((m) => verified(secret, m)).filter((b) => (b.data as { requestId: string }).requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: "request.deadline_near", data: { status: "RECEIVED", dueDate: dueAt.toISOString().slice(0, 10) } });

    await setEndpointEnabled(db, id, false, admin);
    await submitRequest(requestInput(), { ip: null });
    expect(await db.webhookDelivery.count({ where: { endpointId: id, status: "PENDING" } })).toBe(0);
  });
});

describe("the events named for an endpoint to choose", () => {
  it("tells of a completion, a referral's new state and a run's end, each once, as they commit", async () => {
    const r = await receiver();
    const { id, secret } = await endpointFor(r.url, ["request.completed", "referral.changed", "run.finished"]);
    const completed = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await completeRequest(completed.requestId, { outcome: "We erased your account." }, admin);

    const referred = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    const workspace = await db.workspace.findFirstOrThrow({ where: { slug: "acme-help" }, select: { id: true } });
    await rerouteRequest(referred.requestId, { kind: "WORKSPACE", workspaceId: workspace.id, includesOperatorPart: false }, admin);
    const referral = await db.referral.findFirstOrThrow({ where: { requestId: referred.requestId }, select: { id: true } });

    await saveTestMap([{ key: "hooks", collections: { users: { fields: ["id", "email:email"] } }, connection: null }]);
    const searched = await verifiedRequest();
    const { runId } = await planRun(db, { requestId: searched.requestId, staffId: admin.id });
    await startRun(db, runId, admin.id);
    await cancelRun(db, runId, admin.id);

    await deliverDueWebhooks();
    const bodies = r.received.map((m) => verified(secret, m) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => `${b.type} ${String(b.data.requestId)}`).sort()).toEqual(
      [`request.completed ${completed.requestId}`, `referral.changed ${referred.requestId}`, `run.finished ${searched.requestId}`].sort(),
    );
    expect(bodies.find((b) => b.type === "request.completed")!.data).toMatchObject({ status: "COMPLETED" });
    expect(bodies.find((b) => b.type === "referral.changed")!.data).toMatchObject({ referralId: referral.id, state: "awaiting", action: "referral.sent", status: "REFERRED" });
    expect(bodies.find((b) => b.type === "run.finished")!.data).toMatchObject({ runId, outcome: "cancelled" });
    // Nothing personal, even from events whose own data quotes the officer's words.
    expect(r.received.every((m) => !m.body.includes("We erased your account"))).toBe(true);
    expect(await db.webhookDelivery.count({ where: { endpointId: id } })).toBe(3);
    await clearTestMap();
  });
});

describe("the delivery log", () => {
  it("keeps finished deliveries for 30 days and pending ones however old, with their attempts", async () => {
    const r = await receiver();
    const { id } = await endpointFor(r.url, ["request.created"]);
    await submitRequest(requestInput(), { ip: null });
    await submitRequest(requestInput(), { ip: null });
    await deliverDueWebhooks();
    const [old, recent] = await db.webhookDelivery.findMany({ where: { endpointId: id }, orderBy: { createdAt: "asc" } });
    const waiting = await db.webhookDelivery.create({
      data: { endpointId: id, eventType: "request.created", payload: {}, nextAttemptAt: new Date(Date.now() + 3_600_000), createdAt: new Date(Date.now() - 90 * 86_400_000) },
    });
    await db.webhookDelivery.update({ where: { id: old!.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await pruneWebhookDeliveries(db, new Date())).toBe(1);
    expect((await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { id: true } })).map((d) => d.id).sort()).toEqual([recent!.id, waiting.id].sort());
    expect(await db.webhookAttempt.count({ where: { deliveryId: old!.id } })).toBe(0);
  });
});

describe("a worker killed mid-delivery", () => {
  it(
    "loses nothing: the committed delivery is claimed again when its lease ends and delivered, with the same id",
    async () => {
      const r = await receiver((n) => (n === 0 ? "hang" : 200));
      const { id, secret } = await endpointFor(r.url, ["request.created"]);
      const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../testing/webhook-worker-process.ts")], {
        env: { ...process.env, WORKER_POLL_MS: "100" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        const submitted = await submitRequest(requestInput(), { ip: null });
        if (!submitted.ok) throw new Error("not submitted");
        // The child starts slowly on a busy machine; once the receiver holds its post, kill it.
        await until(async () => r.received.length === 1, 120_000);
        child.kill("SIGKILL");
        await exited;
        const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
        expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
        // Within its lease nobody takes it; after, this process does.
        expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0 });
        expect(await deliverDueWebhooks({ now: new Date(Date.now() + LEASE_MS + 1_000) })).toEqual({ delivered: 1, failed: 0 });
        expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "DELIVERED", attempts: 2 });
        expect(r.received.map((m) => m.headers["webhook-id"])).toEqual([`msg_${delivery.id}`, `msg_${delivery.id}`]);
        expect(verified(secret, r.received[1]!)).toMatchObject({ type: "request.created", data: { requestId: submitted.data.requestId } });
      } finally {
        child.kill("SIGKILL");
      }
    },
    180_000,
  );
});
