import "server-only";
import type { VerifyEmailProps } from "@/emails/verify-email";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { OrganizationDetails } from "@/lib/organization/types";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { filerAddress } from "@/lib/representation/addressees";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { CODE_TTL_MINUTES, issueChallenge, verifyLinkPath } from "@/lib/verification/challenge";

/**
 * Issues a fresh code and link for a request (retiring the earlier ones) and queues the email that
 * carries them, with a fresh status link, in the caller's transaction: a resend and a reminder.
 */
export async function queueNewCode(
  tx: Prisma.TransactionClient,
  input: {
    secret: string;
    org: OrganizationDetails;
    request: { id: string; reference: string; type: RequestType; requesterEmail: string };
    now: Date;
    ttlMinutes?: number;
    reminder?: VerifyEmailProps["reminder"];
  },
): Promise<void> {
  const { request, now, ttlMinutes = CODE_TTL_MINUTES } = input;
  const challenge = await issueChallenge(tx, input.secret, request.id, now, ttlMinutes);
  const token = await mintStatusToken(tx, request.id, now);
  await enqueueEmail(tx, {
    requestId: request.id,
    template: "verify-email",
    // An agent or parent filing for someone proves their own address, not the other person's.
    to: (await filerAddress(tx, request.id)) ?? request.requesterEmail,
    props: {
      org: input.org,
      reference: request.reference,
      requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
      code: challenge.code,
      verifyUrl: absoluteUrl(verifyLinkPath(challenge.linkToken)),
      statusUrl: absoluteUrl(statusPath(token)),
      expiresInMinutes: ttlMinutes,
      ...(input.reminder ? { reminder: input.reminder } : {}),
    },
  });
}
