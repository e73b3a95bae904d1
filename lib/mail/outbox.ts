import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";
import type { EmailProps, EmailTemplateName } from "@/lib/mail/templates";
import { sealOutboxPayload } from "@/lib/mail/payload";

/** Either the app's client or the `tx` of a `$transaction` callback. */
export type OutboxWriter = Pick<Prisma.TransactionClient | Db, "emailOutbox">;

export type EnqueueEmailInput<N extends EmailTemplateName> = {
  requestId?: string;
  template: N;
  to: string;
  props: EmailProps<N>;
};

/**
 * Queues an email in the caller's transaction, so it exists exactly when the change that causes
 * it commits. Nothing is rendered or sent here: the worker does that after commit. Call
 * `wakeOutboxWorker()` (lib/mail/worker-signal.ts) after the transaction commits to send at once;
 * waking before commit would find nothing to send.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: OutboxWriter,
  input: EnqueueEmailInput<N>,
): Promise<{ id: string }> {
  const row = await tx.emailOutbox.create({
    data: { requestId: input.requestId ?? null, ...sealEmail(input) },
    select: { id: true },
  });
  return { id: row.id };
}

/**
 * An email's template and sealed payload as its outbox row holds them, for a caller that writes
 * the row in its own SQL (lib/requests/insert-submission.ts). The same rules as enqueueEmail apply.
 */
export function sealEmail<N extends EmailTemplateName>(
  input: Omit<EnqueueEmailInput<N>, "requestId">,
): { template: N; payload: Uint8Array<ArrayBuffer> } {
  return { template: input.template, payload: sealOutboxPayload({ to: input.to, props: input.props }) };
}
