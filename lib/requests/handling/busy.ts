import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVE_RUN_STATUSES } from "@/lib/fulfillment/runs";
import { OPEN_REFERRAL_STATUSES } from "@/lib/referrals/customer";
import { refuse } from "@/lib/requests/lifecycle";

/**
 * Refuses to close a request out of the usual way (merged, marked as spam) while work on it is
 * still going: RUN_ACTIVE for a data run, REFERRAL_OPEN for a part with a customer.
 */
export async function refuseWhileWorkGoesOn(tx: Prisma.TransactionClient, requestId: string): Promise<void> {
  if (await tx.fulfillmentRun.count({ where: { requestId, status: { in: [...ACTIVE_RUN_STATUSES] } } })) throw refuse("RUN_ACTIVE");
  if (await tx.referral.count({ where: { requestId, status: { in: [...OPEN_REFERRAL_STATUSES] } } })) throw refuse("REFERRAL_OPEN");
}
