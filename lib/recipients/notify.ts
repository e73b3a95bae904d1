import "server-only";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import type { RecipientChange } from "@/lib/recipients/change-log";

export const RECIPIENTS_PATH = "/privacy/recipients";

/**
 * Queues, in the caller's transaction (the one that changes the map), one email to the privacy
 * contacts of each customer who asked to be told, listing `changes`. Returns how many were
 * queued; the caller wakes the outbox worker after commit when that is more than none.
 */
export async function queueRecipientNotices(tx: Prisma.TransactionClient, changes: RecipientChange[], at: Date): Promise<number> {
  if (changes.length === 0) return 0;
  const customers = await tx.customer.findMany({
    where: { notifyRecipientChanges: true },
    select: { legalName: true, privacyEmails: true, language: true },
    orderBy: { legalName: "asc" },
  });
  const recipients = customers.filter((c) => c.privacyEmails.length > 0);
  if (recipients.length === 0) return 0;
  const org = await readOrganizationDetails(tx);
  const recipientsUrl = new URL(RECIPIENTS_PATH, getEnv().APP_URL).toString();
  for (const customer of recipients) {
    await enqueueEmail(tx, {
      template: "recipients-changed",
      to: customer.privacyEmails.join(", "),
      props: { org, language: customer.language, customerName: customer.legalName, changedAt: at.toISOString(), changes, recipientsUrl },
    });
  }
  return recipients.length;
}
