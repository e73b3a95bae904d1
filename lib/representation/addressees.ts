import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenHolder } from "@/lib/generated/prisma/enums";

/** Someone an email about a request goes to, and whose status link it carries. */
export type Addressee = { to: string; holder: TokenHolder };

/**
 * Who hears about a request. The person who filed it follows it (REQUESTER): the person it is
 * about, or their agent or parent. A consumer an agent filed for is told where it stands as well,
 * with a status link of their own (SUBJECT); a child is not written to. Erased addresses are left out.
 */
export async function addresseesOf(tx: Prisma.TransactionClient, requestId: string): Promise<Addressee[]> {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { submittedBy: true, requesterEmail: true, representative: { select: { email: true } } },
  });
  if (!request) return [];
  const list: Addressee[] = [];
  if (request.submittedBy === "SELF") {
    if (request.requesterEmail) list.push({ to: request.requesterEmail, holder: "REQUESTER" });
    return list;
  }
  if (request.representative?.email) list.push({ to: request.representative.email, holder: "REQUESTER" });
  if (request.submittedBy === "AGENT" && request.requesterEmail) list.push({ to: request.requesterEmail, holder: "SUBJECT" });
  return list;
}

/** The address of the person who filed: where verification codes go. */
export async function filerAddress(tx: Prisma.TransactionClient, requestId: string): Promise<string | null> {
  return (await addresseesOf(tx, requestId)).find((a) => a.holder === "REQUESTER")?.to ?? null;
}
