import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType, TokenHolder } from "@/lib/generated/prisma/enums";
import { addresseesOf } from "@/lib/representation/addressees";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { EmailProps, EmailTemplateName } from "@/lib/mail/templates";
import type { OrganizationDetails } from "@/lib/organization/types";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";

/** What every email to a requester carries, filled in here so each action gives only its own facts. */
type CommonProps = { org: OrganizationDetails; reference: string; requestTypeLabel: string; statusUrl: string };

export type Recipient = { id: string; reference: string; type: RequestType; requesterEmail: string | null };

/**
 * Queues an email to the requester in the caller's transaction, with a freshly minted status link
 * (only hashes are kept, so no earlier link can be re-sent). On a request filed by an agent or a
 * parent it goes to them, and to a consumer an agent filed for as well, each with their own link
 * (lib/representation/addressees.ts); `only` picks one of them. Does nothing when the address was
 * erased. The caller wakes the outbox worker after commit.
 */
export async function emailRequester<N extends EmailTemplateName>(
  tx: Prisma.TransactionClient,
  request: Recipient,
  org: OrganizationDetails,
  template: N,
  props: Omit<EmailProps<N>, keyof CommonProps>,
  only?: TokenHolder,
): Promise<boolean> {
  if (!request.requesterEmail) return false;
  const addressees = (await addresseesOf(tx, request.id)).filter((a) => !only || a.holder === only);
  for (const addressee of addressees) {
    const token = await mintStatusToken(tx, request.id, undefined, addressee.holder);
    const common: CommonProps = {
      org,
      reference: request.reference,
      requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
      statusUrl: absoluteUrl(statusPath(token)),
    };
    await enqueueEmail(tx, {
      requestId: request.id,
      template,
      to: addressee.to,
      // Omit<> over a generic loses the pairing TypeScript would need to see the two halves make EmailProps<N>.
      props: { ...common, ...props } as unknown as EmailProps<N>,
    });
  }
  return addressees.length > 0;
}
