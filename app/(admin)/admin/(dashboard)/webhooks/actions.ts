"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { createEndpoint, redeliver, rotateEndpointSecret, setAllowPrivate, setEndpointEnabled, updateEndpoint } from "@/lib/webhooks/manage";
import { EndpointSchema } from "@/lib/webhooks/schema";

const PAGE = "/admin/webhooks";

/** The signing secret comes back once, to be shown once. */
export const createEndpointAction = staffAction("settings.manage", EndpointSchema, async (input, admin) => {
  const { secret } = await createEndpoint(db, input, admin, now());
  revalidatePath(PAGE);
  return { secret };
});

export const updateEndpointAction = staffAction("settings.manage", z.object({ endpointId: z.uuid(), endpoint: EndpointSchema }), async ({ endpointId, endpoint }, admin) => {
  const { changed } = await updateEndpoint(db, endpointId, endpoint, admin, now());
  revalidatePath(PAGE);
  return { changed };
});

/** The new secret comes back once, to be shown once. */
export const rotateSecretAction = staffAction("settings.manage", z.object({ endpointId: z.uuid() }), async ({ endpointId }, admin) => {
  const { secret, previousUntil } = await rotateEndpointSecret(db, endpointId, admin, now());
  revalidatePath(PAGE);
  return { secret, previousUntil: previousUntil.toISOString() };
});

export const setEndpointEnabledAction = staffAction("settings.manage", z.object({ endpointId: z.uuid(), enabled: z.boolean() }), async ({ endpointId, enabled }, admin) => {
  await setEndpointEnabled(db, endpointId, enabled, admin, now());
  revalidatePath(PAGE);
  return null;
});

export const setAllowPrivateAction = staffAction("settings.manage", z.object({ allow: z.boolean() }), async ({ allow }, admin) => {
  await setAllowPrivate(db, allow, admin, now());
  revalidatePath(PAGE);
  return null;
});

export const redeliverAction = staffAction("settings.manage", z.object({ deliveryId: z.uuid() }), async ({ deliveryId }, admin) => {
  await redeliver(db, deliveryId, admin, now());
  wakeOutboxWorker();
  revalidatePath(PAGE);
  return null;
});
