import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { queueNewCode } from "@/lib/verification/send-code";
import { MAX_SENDS_PER_HOUR, RESEND_COOLDOWN_SECONDS } from "@/lib/verification/challenge";

export type ResendResult =
  | { ok: true }
  | { ok: false; code: "RESEND_TOO_SOON"; retryAfterSeconds: number }
  | { ok: false; code: "RESEND_LIMIT" | "CODES_LOCKED" | "NOT_PENDING" | "NOT_FOUND" };

/**
 * Sends a new code and link, retiring the old ones: after 60 s, and at most 5 sends an hour. Not
 * once too many wrong codes locked the request's codes: a fresh code would restart the guessing.
 */
export async function resendVerification(requestId: string, now = clockNow()): Promise<ResendResult> {
  const secret = getEnv().APP_SECRET;
  const { org } = await getSubmissionContext(db);
  const result = await db.$transaction(async (tx): Promise<ResendResult> => {
    // Serialize resends of one request so the cooldown and hourly cap hold under double clicks.
    const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM requests WHERE id = $1::uuid FOR UPDATE`, requestId);
    if (locked.length === 0) return { ok: false, code: "NOT_FOUND" };
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        status: true,
        reference: true,
        type: true,
        requesterEmail: true,
        codeLockedAt: true,
        identityCheck: true,
        representative: { select: { emailConfirmedAt: true } },
      },
    });
    // Confirmed already: an agent or parent waiting for others, or a requester asked identity questions.
    if (
      request.status !== "PENDING_VERIFICATION" ||
      !request.requesterEmail ||
      request.representative?.emailConfirmedAt ||
      request.identityCheck !== "NOT_NEEDED"
    ) {
      return { ok: false, code: "NOT_PENDING" };
    }
    if (request.codeLockedAt) return { ok: false, code: "CODES_LOCKED" };
    const recent = await tx.verificationChallenge.findMany({
      where: { requestId, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_SENDS_PER_HOUR,
    });
    const last = recent[0];
    if (last) {
      const wait = RESEND_COOLDOWN_SECONDS - Math.floor((now.getTime() - last.createdAt.getTime()) / 1000);
      if (wait > 0) return { ok: false, code: "RESEND_TOO_SOON", retryAfterSeconds: wait };
    }
    if (recent.length >= MAX_SENDS_PER_HOUR) return { ok: false, code: "RESEND_LIMIT" };

    await queueNewCode(tx, { secret, org, request: { id: requestId, reference: request.reference, type: request.type, requesterEmail: request.requesterEmail }, now });
    await recordEvent(tx, { requestId, actorType: "REQUESTER", action: "verification.resent", visibility: "INTERNAL", at: now });
    return { ok: true };
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}
