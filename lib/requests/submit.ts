import "server-only";
import { randomUUID } from "node:crypto";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { fieldErrorsFrom, failure, type ActionResult } from "@/lib/actions/result";
import { sealEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { logError } from "@/lib/log";
import { routeRequestInTransaction } from "@/lib/referrals/refer";
import { newPowChallenge, spendPowProof } from "@/lib/pow/challenge";
import { consumeLimits, currentCount } from "@/lib/rate-limit/limit";
import { computeDueDate, computeReceiptDueDate, REGIMES, requiresVerification } from "@/lib/requests/deadlines";
import { flagPossibleDuplicate } from "@/lib/requests/duplicates";
import { isBlockedSender } from "@/lib/requests/spam";
import { insertSubmission, isUniqueViolation } from "@/lib/requests/insert-submission";
import { jurisdictionFor } from "@/lib/requests/jurisdiction";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { newReference } from "@/lib/requests/reference";
import { NewRequestSchema } from "@/lib/requests/schema";
import { representationOf, representationProblems } from "@/lib/representation/form-rules";
import { absoluteUrl, newStatusToken, statusPath } from "@/lib/requests/status-token";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { CODE_TTL_MINUTES, newChallenge, verifyLinkPath } from "@/lib/verification/challenge";
import { advanceIfReady } from "@/lib/representation/progress";
import { emailRequester } from "@/lib/requests/handling/notify";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VouchedBy } from "@/lib/verification/mark-verified";
import { recordEvent } from "@/lib/requests/events";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { translateFieldErrors } from "@/lib/requests/validation-words";

export type SubmitOutcome =
  | { requestId: string; verificationRequired: true }
  | { requestId: string; verificationRequired: false; statusPath: string };

/**
 * Accepts a new request: validates, rate-limits, and stores the request, its first audit event,
 * its status token, its challenge and its first email in one statement (lib/requests/
 * insert-submission.ts), so a crash or an SMTP outage loses nothing.
 */
export async function submitRequest(
  input: unknown,
  /** gpc: the browser sent Global Privacy Control (lib/privacy-signals/gpc.ts); kept with an opt-out of sale or sharing. */
  // proof: a solved proof-of-work challenge (lib/pow/challenge.ts), sent when the form was asked for one.
  // pow: when one is asked for, and how hard; the environment's by default.
  // channel: another system filed it through the API (lib/api) under its key's staff row, with no
  // client address of the person's; `vouched` when the key may vouch for the person's identity.
  context: {
    ip: string | null;
    now?: Date;
    gpc?: boolean;
    proof?: string | null;
    pow?: { afterPerHour: number; maxNumber: number };
    channel?: { staffId: string; name: string; vouched: boolean };
    /** The language the requester wrote in; later emails and the status link use it. English when not said. */
    locale?: Locale;
    /** The language to store when it is not the one to answer in (the API answers its caller in English). */
    language?: Locale;
  },
): Promise<ActionResult<SubmitOutcome>> {
  // Refusals in the requester's language; English, as the schema words them, when none is given (the API).
  const t = translatorFor(context.locale ?? DEFAULT_LOCALE, "form");
  const inLanguage = (errors: Record<string, string>) => (context.locale ? translateFieldErrors(errors, context.locale) : errors);
  const parsed = NewRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: inLanguage(fieldErrorsFrom(parsed.error)) };
  const request = parsed.data;
  const channel = context.channel;
  const repProblems = representationProblems(request, context.now ?? clockNow());
  if (Object.keys(repProblems).length) return { ok: false, fieldErrors: inLanguage(repProblems) };
  const rep = representationOf(request);
  // A filled honeypot is a bot: refuse without storing anything or saying why in detail.
  if (request.website) return failure(t("refusals.spam"), "SPAM_SUSPECTED");
  // A type the operator's policy does not name (Settings → Request types): refused before anything
  // is counted or stored, whether from the form, a hand-made post or the API.
  const offered = await getSubmissionContext(db);
  if (!offered.offeredTypes.includes(request.type)) {
    return {
      ok: false,
      code: "TYPE_NOT_OFFERED",
      fieldErrors: {
        type: t("refusals.typeNotOffered", { kind: t(`refusals.typeNames.${request.type}`), email: offered.org.privacyEmail }),
      },
    };
  }

  const env = getEnv();
  // The one clock (lib/clock.ts), so a moved test clock moves receipt and code expiry alike.
  const now = context.now ?? clockNow();
  const perIp = context.ip
    ? { name: "submit-ip", subject: context.ip, max: env.RATE_LIMIT_SUBMIT_PER_IP_PER_HOUR, windowSeconds: 3600 }
    : null;
  // A busy client address proves some work first (lib/pow/challenge.ts); a person's browser does it unseen.
  if (perIp) {
    const pow = context.pow ?? { afterPerHour: env.POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR, maxNumber: env.POW_MAX_NUMBER };
    const check = context.proof ? await spendPowProof(db, env.APP_SECRET, context.proof) : null;
    if (check !== "ok" && (check !== null || (await currentCount(db, env.APP_SECRET, perIp, now)) >= pow.afterPerHour)) {
      return {
        ok: false,
        code: "PROOF_OF_WORK",
        formError:
          check === null ? t("refusals.checkNeeded") : t("refusals.checkFailed"),
        challenge: await newPowChallenge(env.APP_SECRET, pow.maxNumber, now),
      };
    }
  }
  const limited = await consumeLimits(
    db,
    env.APP_SECRET,
    [
      ...(perIp ? [perIp] : []),
      { name: "submit-email", subject: request.email, max: env.RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY, windowSeconds: 86_400 },
      // An agent's own address counts too, under its own name: one agent filing for many people is
      // a normal day for them, so it has its own, larger allowance.
      ...(rep ? [{ name: "submit-agent-email", subject: rep.email, max: env.RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY * 10, windowSeconds: 86_400 }] : []),
    ],
    now,
  );
  if (!limited.allowed) {
    return failure(
      limited.name === "submit-email"
        ? t("refusals.tooManyForEmail")
        : t("refusals.tooManyFromNetwork", { minutes: Math.ceil(limited.retryAfterSeconds / 60) }),
      "RATE_LIMITED",
    );
  }

  const { org, policyVersionId } = await getSubmissionContext(db);
  // An address whose request an officer marked as spam (lib/requests/spam.ts): nothing is stored.
  if (
    (await isBlockedSender(db, env.APP_SECRET, request.email, now)) ||
    (rep !== null && (await isBlockedSender(db, env.APP_SECRET, rep.email, now)))
  ) {
    return failure(
      t("refusals.senderBlocked", { email: org.privacyEmail }),
      "SENDER_BLOCKED",
    );
  }
  const jurisdiction = jurisdictionFor(request.country, request.region);
  // Someone filing for another person always proves their own address first, even for an opt-out
  // (CCPA 11 CCR 7026(d) lets a business ask an agent for the signed permission then too).
  const verify = rep !== null || requiresVerification(request.type, jurisdiction);
  // A channel that vouches skips the email check: no code goes out, and the request is verified
  // under the channel's name just after it is stored (below).
  const vouched = channel?.vouched === true && verify;
  const endUser = request.relationship === "CUSTOMER_END_USER";
  const due = computeDueDate({ jurisdiction, type: request.type, receivedAt: now, verifiedAt: null, timeZone: org.timeZone });
  // Met once a confirming email is actually sent (lib/mail/worker.ts), not when it is queued here.
  const receiptDue = computeReceiptDueDate({ jurisdiction, type: request.type, receivedAt: now, timeZone: org.timeZone });
  const typeLabel = REQUEST_TYPE_LABELS[request.type];
  const gpcSignal = context.gpc === true && request.type === "OPT_OUT_SALE";

  for (let attempt = 0; ; attempt++) {
    // Everything random is drawn afresh on each attempt.
    const reference = newReference();
    const requestId = randomUUID();
    const statusToken = newStatusToken();
    const challenge = verify && !vouched ? newChallenge(env.APP_SECRET, now) : null;
    const statusUrl = absoluteUrl(statusPath(statusToken.token));
    let email;
    if (vouched) {
      email = null;
    } else if (challenge) {
      email = sealEmail({
        template: "verify-email",
        // The person at the form: the requester, or the agent or parent filing for them.
        to: rep?.email ?? request.email,
        props: {
          org,
          reference,
          requestTypeLabel: typeLabel,
          code: challenge.code,
          verifyUrl: absoluteUrl(verifyLinkPath(challenge.linkToken)),
          statusUrl,
          expiresInMinutes: CODE_TTL_MINUTES,
          // Where the clock runs from receipt this email is the confirmation of receipt, which
          // must say when to expect an answer (11 CCR §7021(a)).
          dueDate: due ? due.dueDate.toISOString().slice(0, 10) : null,
        },
      });
    } else {
      if (!due) throw new Error("A request that needs no verification must have a running clock");
      email = sealEmail({
        template: "request-acknowledged",
        to: request.email,
        props: {
          org,
          reference,
          requestTypeLabel: typeLabel,
          receivedAt: now.toISOString(),
          dueDate: due.dueDate.toISOString().slice(0, 10),
          regimeLabel: REGIMES[jurisdiction].label,
          statusUrl,
          verificationRequired: false,
        },
      });
    }
    const status = verify ? "PENDING_VERIFICATION" : "RECEIVED";
    try {
      await insertSubmission(db, {
        request: {
          id: requestId,
          reference,
          type: request.type,
          status,
          requesterName: request.name,
          requesterEmail: request.email,
          country: request.country,
          region: request.region ?? null,
          jurisdiction,
          relationship: request.relationship,
          workspaceReference: endUser ? (request.workspaceReference ?? null) : null,
          companyEmail: endUser ? (request.companyEmail?.toLowerCase() ?? null) : null,
          dataScope: endUser && request.dataScope ? request.dataScope : null,
          // Without verification the route is known now for our own data; workspace data is
          // routed just below, like a verified request.
          route: verify || endUser ? null : "OPERATOR",
          details: request.details,
          policyVersionId,
          receivedAt: now,
          dueAt: due?.dueDate ?? null,
          receiptDueAt: receiptDue,
          gpcSignal,
          submittedBy: request.submittedBy,
          language: context.language ?? context.locale ?? DEFAULT_LOCALE,
        },
        representative: rep,
        event: {
          ...(channel ? { actorType: "STAFF" as const, actorId: channel.staffId } : { actorType: "REQUESTER" as const }),
          action: "request.submitted",
          toStatus: status,
          visibility: "PUBLIC",
          data: {
            type: request.type,
            jurisdiction,
            relationship: request.relationship,
            ...(gpcSignal ? { gpc: true } : {}),
            ...(rep ? { submittedBy: request.submittedBy } : {}),
            ...(channel ? { channel: channel.name } : {}),
          },
          at: now,
        },
        statusToken: { id: randomUUID(), tokenHash: statusToken.tokenHash },
        challenge: challenge && { ...challenge, createdAt: now },
        email: email && { id: randomUUID(), ...email },
        writtenAt: new Date(),
      });
    } catch (error) {
      // A reference collision (40 random bits) is rare; draw another.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
      continue;
    }
    if (vouched) {
      try {
        await db.$transaction((tx) => vouchFor(tx, requestId, org, now, { staffId: channel.staffId, channel: channel.name }));
      } catch (error) {
        // Saved, unverified and with no code sent: the officer sees it waiting and can ask the channel again.
        logError("request.vouch_failed", error);
      }
      wakeOutboxWorker();
      return { ok: true, data: { requestId, verificationRequired: false, statusPath: statusPath(statusToken.token) } };
    }
    // Accepted without verification (an opt-out of sale): the address counts as given, so look for
    // an unfinished opt-out of the same address. The request is saved; a failure here only leaves it unflagged.
    if (!verify) {
      try {
        await db.$transaction((tx) => flagPossibleDuplicate(tx, { id: requestId, type: request.type, requesterEmail: request.email, receivedAt: now }, now));
      } catch (error) {
        logError("request.duplicate_check_failed", error);
      }
    }
    // Accepted without verification (an opt-out of sale): route it now. The request is already
    // saved; if this fails it waits in the officer's queue as unrouted rather than being lost.
    if (!verify && endUser) {
      try {
        await db.$transaction((tx) => routeRequestInTransaction(tx, requestId, now));
      } catch (error) {
        logError("request.routing_failed", error);
      }
    }
    wakeOutboxWorker();
    return {
      ok: true,
      data: verify
        ? { requestId, verificationRequired: true }
        : { requestId, verificationRequired: false, statusPath: statusPath(statusToken.token) },
    };
  }
}

/**
 * A channel vouched for the person: verified now under its name, which acknowledges the request to
 * them with their status link. When the request type asks identity questions first
 * (lib/verification/identity), they are asked, and the person is emailed their link to answer them:
 * they never saw a status page of their own.
 */
async function vouchFor(tx: Prisma.TransactionClient, requestId: string, org: OrganizationDetails, now: Date, vouchedBy: VouchedBy): Promise<void> {
  await recordEvent(tx, {
    requestId,
    actorType: "STAFF",
    actorId: vouchedBy.staffId,
    action: "verification.vouched",
    visibility: "INTERNAL",
    data: { channel: vouchedBy.channel },
    at: now,
  });
  if (await advanceIfReady(tx, requestId, org, now, vouchedBy)) return;
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, reference: true, type: true, requesterEmail: true } });
  await emailRequester(tx, request, org, "more-information-needed", {
    question: "Before we act on your request, please answer a few questions on its page, so that we know it is you.",
  });
}
