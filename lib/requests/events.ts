import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, EventVisibility, RequestStatus } from "@/lib/generated/prisma/enums";

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

/** Appends to the audit trail. Call it inside the transaction that makes the change it records. */
export async function recordEvent(tx: Prisma.TransactionClient, event: EventInput): Promise<void> {
  await tx.requestEvent.create({ data: { ...event, at: event.at ?? new Date() } });
}
