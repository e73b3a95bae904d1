import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EndpointSchema, type EndpointInput } from "@/lib/webhooks/schema";
import { newWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/sign";
import { checkTarget } from "@/lib/webhooks/ssrf";

export const MAX_ENDPOINTS = 20;
const DELIVERIES_SHOWN = 20;

async function audit(tx: Pick<Prisma.TransactionClient, "settingsEvent">, actor: StaffUser, action: string, data: Prisma.InputJsonValue, at: Date): Promise<void> {
  await tx.settingsEvent.create({ data: { actorId: actor.id, area: "webhooks", action, data, at } });
}

async function allowsPrivate(db: Pick<Db, "organizationSettings">): Promise<boolean> {
  return (await db.organizationSettings.findFirst({ select: { webhooksAllowPrivate: true } }))?.webhooksAllowPrivate ?? false;
}

/**
 * Registers an endpoint, once its address passes the SSRF check, and returns its signing secret:
 * shown once to the admin, stored sealed (every delivery is signed with it). Audited.
 */
export async function createEndpoint(db: Db, input: EndpointInput, admin: StaffUser, now = new Date()): Promise<{ id: string; secret: string }> {
  const values = EndpointSchema.parse(input);
  const target = await checkTarget(values.url, await allowsPrivate(db));
  if (!target.ok) throw new DomainError(target.code, target.message);
  const secret = newWebhookSecret();
  const id = await db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count({ where: { disabledAt: null } })) >= MAX_ENDPOINTS) {
      throw new DomainError("TOO_MANY_ENDPOINTS", `There are already ${MAX_ENDPOINTS} endpoints. Disable one you no longer use first.`);
    }
    const created = await tx.webhookEndpoint.create({
      data: { url: values.url, description: values.description ?? null, events: values.events, includePersonal: values.includePersonal, secretSealed: sealWebhookSecret(secret), createdById: admin.id, createdAt: now },
      select: { id: true },
    });
    await audit(tx, admin, "endpoint.created", { endpointId: created.id, url: values.url, events: values.events, includePersonal: values.includePersonal }, now);
    return created.id;
  });
  return { id, secret };
}

/** How long deliveries are also signed with the secret a rotation replaced. */
export const PREVIOUS_SECRET_HOURS = 24;

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * Changes an endpoint's address, description, events or personal fields. A new address passes the
 * SSRF check again; deliveries not yet made go to it. Audited with each changed field, old and new.
 */
export async function updateEndpoint(db: Db, endpointId: string, input: EndpointInput, admin: StaffUser, now = new Date()): Promise<{ changed: string[] }> {
  const values = EndpointSchema.parse(input);
  const before = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { url: true, description: true, events: true, includePersonal: true } });
  if (!before) throw new DomainError("ENDPOINT_NOT_FOUND", "That endpoint no longer exists.");
  if (values.url !== before.url) {
    const target = await checkTarget(values.url, await allowsPrivate(db));
    if (!target.ok) throw new DomainError(target.code, target.message);
  }
  const after = { url: values.url, description: values.description ?? null, events: [...values.events].sort(), includePersonal: values.includePersonal };
  const changes: Changes = {};
  for (const field of ["url", "description", "events", "includePersonal"] as const) {
    const from = field === "events" ? [...before.events].sort() : before[field];
    if (JSON.stringify(from) !== JSON.stringify(after[field])) changes[field] = { from, to: after[field] };
  }
  if (Object.keys(changes).length === 0) return { changed: [] };
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: after });
    await audit(tx, admin, "endpoint.updated", { endpointId, changes } as Prisma.InputJsonValue, now);
  });
  return { changed: Object.keys(changes) };
}

/**
 * A new signing secret, shown once. For PREVIOUS_SECRET_HOURS every delivery is signed with both
 * the new and the replaced one, so the receiver can switch without refusing any; then the new alone.
 * Audited (never the secret).
 */
export async function rotateEndpointSecret(db: Db, endpointId: string, admin: StaffUser, now = new Date()): Promise<{ secret: string; previousUntil: Date }> {
  const secret = newWebhookSecret();
  const previousUntil = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { secretSealed: true } });
    if (!endpoint) throw new DomainError("ENDPOINT_NOT_FOUND", "That endpoint no longer exists.");
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secretSealed: sealWebhookSecret(secret), previousSecretSealed: endpoint.secretSealed, previousSecretUntil: previousUntil },
    });
    await audit(tx, admin, "endpoint.secret_rotated", { endpointId, previousUntil: previousUntil.toISOString() }, now);
  });
  return { secret, previousUntil };
}

/** Stops (or resumes) deliveries to an endpoint. Pending ones fail as ENDPOINT_DISABLED when their turn comes. */
export async function setEndpointEnabled(db: Db, endpointId: string, enabled: boolean, admin: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { disabledAt: true, url: true } });
    if (!endpoint) throw new DomainError("ENDPOINT_NOT_FOUND", "That endpoint no longer exists.");
    if (enabled === !endpoint.disabledAt) return;
    if (enabled) {
      const target = await checkTarget(endpoint.url, await allowsPrivate(tx));
      if (!target.ok) throw new DomainError(target.code, target.message);
    }
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { disabledAt: enabled ? null : now } });
    await audit(tx, admin, enabled ? "endpoint.enabled" : "endpoint.disabled", { endpointId }, now);
  });
}

/** Whether endpoints may be on private, loopback or link-local addresses: for a receiver inside the operator's network. Audited. */
export async function setAllowPrivate(db: Db, allow: boolean, admin: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await allowsPrivate(tx);
    if (current === allow) return;
    await tx.organizationSettings.updateMany({ data: { webhooksAllowPrivate: allow } });
    await audit(tx, admin, allow ? "private_targets.allowed" : "private_targets.refused", {}, now);
  });
}

/** Sends a delivery again, whatever became of it, with the same webhook-id (receivers dedupe by it). Audited. */
export async function redeliver(db: Db, deliveryId: string, admin: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { endpointId: true, status: true } });
    if (!delivery) throw new DomainError("DELIVERY_NOT_FOUND", "That delivery no longer exists.");
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "PENDING", nextAttemptAt: now } });
    await audit(tx, admin, "delivery.redelivered", { deliveryId, endpointId: delivery.endpointId, previousStatus: delivery.status }, now);
  });
}

/** Every endpoint with its newest deliveries and their attempts: the webhooks page. */
export async function listEndpoints(db: Db) {
  const [endpoints, settings] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
      take: 100,
      select: {
        id: true,
        url: true,
        description: true,
        events: true,
        includePersonal: true,
        createdAt: true,
        disabledAt: true,
        previousSecretUntil: true,
        deliveries: {
          orderBy: { createdAt: "desc" },
          take: DELIVERIES_SHOWN,
          select: {
            id: true,
            eventType: true,
            requestId: true,
            payload: true,
            status: true,
            attempts: true,
            lastStatusCode: true,
            lastDurationMs: true,
            lastError: true,
            nextAttemptAt: true,
            deliveredAt: true,
            createdAt: true,
          },
        },
      },
    }),
    allowsPrivate(db),
  ]);
  // The request's reference, from the payload (ids and states only), names the delivery on the page.
  return {
    endpoints: endpoints.map((e) => ({
      ...e,
      deliveries: e.deliveries.map(({ payload, ...d }) => ({ ...d, reference: ((payload as { data?: { reference?: unknown } }).data?.reference as string | undefined) ?? null })),
    })),
    allowPrivate: settings,
  };
}
