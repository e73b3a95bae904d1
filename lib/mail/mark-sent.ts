import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EmailTemplateName } from "@/lib/mail/templates";

/**
 * The emails that confirm to a requester that we have their request, which CCPA asks for within
 * 10 business days, describing verification (11 CCR §7021(a); requests.receipt_due_at):
 * - verify-email says "we received a privacy request ... reference X", is the verification step
 *   itself (what to do, and by when), and where the clock runs from receipt gives the answer date;
 * - request-acknowledged ("We have your request") follows confirmation, or is the first email of
 *   a request that needs none.
 * Staff actions (an officer's acknowledgement included) send no confirmation of their own, so
 * they meet the duty only through one of these, once it is actually sent.
 */
export const RECEIPT_CONFIRMATIONS = ["verify-email", "request-acknowledged"] as const satisfies readonly EmailTemplateName[];

const CONFIRMING = Prisma.join(RECEIPT_CONFIRMATIONS.map((template) => Prisma.sql`${template}`));

/**
 * Marks a delivered email SENT (its payload wiped), in one statement with what its sending
 * settles: for a receipt confirmation of a request whose confirmation is still owed, the time it
 * went out (receipt_sent_at) and an audit event. Guarded like the claim in lib/mail/worker.ts
 * (still SENDING, same attempt): if the lease ran out and another worker took the row, nothing
 * changes here and that worker's outcome is the one kept.
 */
export async function markSent(db: Db, claimed: { id: string; attempts: number }, sentAt: Date): Promise<void> {
  await db.$executeRaw`
    WITH sent AS (
      UPDATE email_outbox
         SET status = 'SENT', sent_at = ${sentAt}::timestamp, payload = NULL, locked_until = NULL
       WHERE id = ${claimed.id}::uuid AND status = 'SENDING' AND attempts = ${claimed.attempts}::int
      RETURNING request_id, template, sent_at
    ),
    receipt AS (
      UPDATE requests r
         SET receipt_sent_at = sent.sent_at, updated_at = sent.sent_at
        FROM sent
       WHERE r.id = sent.request_id AND sent.template IN (${CONFIRMING})
         AND r.receipt_due_at IS NOT NULL AND r.receipt_sent_at IS NULL
      RETURNING r.id, r.receipt_due_at, r.receipt_sent_at, sent.template
    )
    INSERT INTO request_events (request_id, at, actor_type, action, visibility, data)
    SELECT id, receipt_sent_at, 'SYSTEM'::"ActorType", 'request.receipt_confirmed', 'INTERNAL'::"EventVisibility",
           jsonb_build_object('template', template, 'dueDate', to_char(receipt_due_at, 'YYYY-MM-DD'))
      FROM receipt`;
}
