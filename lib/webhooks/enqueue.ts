import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookCause } from "@/lib/webhooks/events";

/**
 * The request's ids and state as every delivery about it carries them, built in SQL from the row
 * as the calling transaction sees it. `r` is the requests row.
 */
export const REQUEST_DATA_SQL = Prisma.sql`jsonb_build_object(
  'requestId', r.id, 'reference', r.reference, 'requestType', r.type, 'status', r.status,
  'dueDate', to_char(coalesce(r.extended_due_at, r.due_at), 'YYYY-MM-DD'))`;

/**
 * Queues the deliveries `causes` call for, for every enabled endpoint that wants each, in the
 * caller's transaction: committed with the change that caused them, or not at all (like the email
 * outbox). The payload is the Standard Webhooks envelope: type, timestamp and data (the request's
 * ids and state, plus the cause's own). One statement for all of an event's causes; nothing when
 * no endpoint wants them.
 */
export async function enqueueWebhooks(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  causes: readonly WebhookCause[],
  requestId: string,
  at: Date,
): Promise<number> {
  if (causes.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO webhook_deliveries (id, endpoint_id, event_type, request_id, payload, status, attempts, next_attempt_at, created_at)
    SELECT gen_random_uuid(), e.id, c.type, r.id,
           jsonb_build_object('type', c.type, 'timestamp', ${at.toISOString()}::text, 'data', ${REQUEST_DATA_SQL} || c.extra),
           'PENDING', 0, ${at}::timestamp, ${at}::timestamp
      FROM jsonb_to_recordset(${JSON.stringify(causes.map((c) => ({ type: c.type, extra: c.data })))}::jsonb) AS c(type text, extra jsonb)
      JOIN webhook_endpoints e ON c.type = ANY(e.events) AND e.disabled_at IS NULL
      JOIN requests r ON r.id = ${requestId}::uuid`;
}
