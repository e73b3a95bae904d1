import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { TokenHolder } from "@/lib/generated/prisma/enums";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { logError, logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { consumeLimits } from "@/lib/rate-limit/limit";
import { recordEvent } from "@/lib/requests/events";
import { emailRequester } from "@/lib/requests/handling/notify";
import { statusLinkExpiry } from "@/lib/requests/status-link-lifetime";
import { StatusRecoverySchema } from "@/lib/requests/status-recovery-schema";
import { getSubmissionContext } from "@/lib/requests/submission-context";

/** New links one request may be sent in a day, however many addresses ask: its owner's inbox can't be flooded. */
export const STATUS_LINKS_PER_REQUEST_PER_DAY = 3;

export type StatusRecoveryContext = {
  ip: string | null;
  /**
   * Runs the look-up and the email after the answer is sent (Next's `after`), so how long the
   * answer takes says nothing about whether the address and reference matched. Without it (tests),
   * they run before this returns.
   */
  later?: (work: () => Promise<void>) => void;
  /** The language the refusal is worded in; English without one. */
  locale?: Locale;
};

/**
 * A requester who lost or outlived their status link asks for a new one with their email address
 * and the request's reference. The answer is the same whether or not they match a request; when
 * they do, a fresh link goes to the address on the request (never to anyone else) through the
 * outbox, with an audit event. Limited per client address (RATE_LIMIT_STATUS_RECOVERY_PER_IP_PER_HOUR)
 * and, silently, per request (STATUS_LINKS_PER_REQUEST_PER_DAY).
 */
export async function requestStatusLink(input: unknown, context: StatusRecoveryContext): Promise<ActionResult<null>> {
  const parsed = StatusRecoverySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  const env = getEnv();
  const at = now();
  if (context.ip) {
    const limited = await consumeLimits(
      db,
      env.APP_SECRET,
      [{ name: "status-recovery-ip", subject: context.ip, max: env.RATE_LIMIT_STATUS_RECOVERY_PER_IP_PER_HOUR, windowSeconds: 3600 }],
      at,
    );
    if (!limited.allowed) {
      const minutes = Math.ceil(limited.retryAfterSeconds / 60);
      return failure(translatorFor(context.locale ?? "en", "status")("recovery.rateLimited", { minutes }), "RATE_LIMITED");
    }
  }
  const { email, reference } = parsed.data;
  if (context.later) {
    context.later(() =>
      sendStatusLinkIfMatching(email, reference, at).then(
        () => undefined,
        (error: unknown) => logError("status_link.recovery_failed", error),
      ),
    );
  } else {
    await sendStatusLinkIfMatching(email, reference, at);
  }
  return { ok: true, data: null };
}

/** Emails a fresh status link when `email` is the address on the request `reference` names. Returns whether it did. */
async function sendStatusLinkIfMatching(email: string, reference: string, at: Date): Promise<boolean> {
  const request = await db.request.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      type: true,
      requesterEmail: true,
      submittedBy: true,
      representative: { select: { email: true } },
      closedAt: true,
      appeals: { select: { closedAt: true }, take: 10 },
    },
  });
  // An erased request (closed without confirmation) has no address left to send to.
  if (!request?.requesterEmail) return false;
  // Whose link: the person who filed it, or the consumer an agent filed for; never a child's address.
  const holder: TokenHolder | null =
    request.representative?.email === email
      ? "REQUESTER"
      : request.requesterEmail === email && request.submittedBy !== "PARENT"
        ? request.submittedBy === "AGENT"
          ? "SUBJECT"
          : "REQUESTER"
        : null;
  if (!holder) return false;

  const env = getEnv();
  const limited = await consumeLimits(
    db,
    env.APP_SECRET,
    [{ name: "status-recovery-request", subject: request.id, max: STATUS_LINKS_PER_REQUEST_PER_DAY, windowSeconds: 86_400 }],
    at,
  );
  if (!limited.allowed) {
    logEvent("status_link.recovery_limited", { requestId: request.id });
    return false;
  }

  const { org } = await getSubmissionContext(db);
  const validUntil = statusLinkExpiry(
    { createdAt: at, closedAt: request.closedAt, appealsClosedAt: request.appeals.map((a) => a.closedAt) },
    (await readHandling(db)).statusLinkDaysAfterClose,
  );
  await db.$transaction(async (tx) => {
    await emailRequester(tx, request, org, "status-link-requested", { linkValidUntil: validUntil?.toISOString() ?? null }, holder);
    await recordEvent(tx, {
      requestId: request.id,
      actorType: "REQUESTER",
      action: "request.status_link_sent",
      visibility: "PUBLIC",
      at,
    });
  });
  wakeOutboxWorker();
  return true;
}
