import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, EventVisibility, RequestStatus } from "@/lib/generated/prisma/enums";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { webhookEventsFor } from "@/lib/webhooks/events";

export type EventInput = {
  requestId: string;
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  visibility: EventVisibility;
  data?: Prisma.InputJsonValue;
  at?: Date;
};

/**
 * Appends to the audit trail. Call it inside the transaction that makes the change it records:
 * the webhook deliveries the change causes (lib/webhooks/events.ts) are queued in it too.
 */
export async function recordEvent(tx: Prisma.TransactionClient, event: EventInput): Promise<void> {
  const at = event.at ?? new Date();
  await tx.requestEvent.create({ data: { ...event, at } });
  await enqueueWebhooks(tx, webhookEventsFor(event), event.requestId, at);
}
