import "server-only";
import { db } from "@/lib/db";
import { maskEmail } from "@/lib/requests/mask-email";

/** What the "check your email" page may show to whoever holds the request id: nothing in full. */
export async function getVerificationView(requestId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return null;
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: {
      reference: true,
      status: true,
      requesterEmail: true,
      codeLockedAt: true,
      identityCheck: true,
      representative: { select: { email: true, emailConfirmedAt: true } },
    },
  });
  if (!request) return null;
  // An agent or parent confirms their own address, and is done here once they have.
  const address = request.representative ? request.representative.email : request.requesterEmail;
  return {
    reference: request.reference,
    pending: request.status === "PENDING_VERIFICATION" && !request.representative?.emailConfirmedAt && request.identityCheck === "NOT_NEEDED",
    /** Too many wrong codes: only the emailed link can confirm it now. */
    codesLocked: request.codeLockedAt !== null,
    maskedEmail: address ? maskEmail(address) : "",
  };
}
