import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEvent } from "@/lib/webhooks/events";

/**
 * The request's ids and state as every delivery about it carries them, built in SQL from the row
 * as the calling transaction sees it. `r` is the requests row.
 */
export const REQUEST_DATA_SQL = Prisma.sql`jsonb_build_object(
  'requestId', r.id, 'reference', r.reference, 'requestType', r.type, 'status', r.status,
  'dueDate', to_char(coalesce(r.extended_due_at, r.due_at), 'YYYY-MM-DD'))`;

/**
 * Queues one delivery of `type` for every enabled endpoint that wants it, in the caller's
 * transaction: committed with the change that caused it, or not at all (like the email outbox).
 * The payload is the Standard Webhooks envelope: type, timestamp and data (the request's ids and
 * state, plus `extra`). One statement; nothing when no endpoint wants the event.
 */
export async function enqueueWebhooks(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  type: WebhookEvent,
  requestId: string,
  extra: Record<string, unknown>,
  at: Date,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO webhook_deliveries (id, endpoint_id, event_type, request_id, payload, status, attempts, next_attempt_at, created_at)
    SELECT gen_random_uuid(), e.id, ${type}, r.id,
           jsonb_build_object('type', ${type}::text, 'timestamp', ${at.toISOString()}::text, 'data', ${REQUEST_DATA_SQL} || ${JSON.stringify(extra)}::jsonb),
           'PENDING', 0, ${at}::timestamp, ${at}::timestamp
      FROM webhook_endpoints e JOIN requests r ON r.id = ${requestId}::uuid
     WHERE e.disabled_at IS NULL AND ${type}::text = ANY(e.events)`;
}
