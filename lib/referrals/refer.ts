import "server-only";
import { readHandling } from "@/lib/organization/handling";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestRoute } from "@/lib/generated/prisma/enums";
import { addresseesOf } from "@/lib/representation/addressees";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { EmailProps } from "@/lib/mail/templates";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { describeDetails } from "@/lib/referrals/details";
import { concernsWorkspaceData, matchKeys, routeRequest, type CandidateWorkspace, type RoutingDecision } from "@/lib/referrals/route";
import { isoDay } from "@/lib/requests/handling/load";
import { recordEvent } from "@/lib/requests/events";
import { REGIMES } from "@/lib/requests/deadlines";
import { RELATIONSHIP_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl, mintStatusToken, statusPath } from "@/lib/requests/status-token";
import { hashToken, newToken } from "@/lib/security/tokens";

// Routing a request once its email is confirmed, and handing a part to a customer. Everything
// here runs inside the caller's transaction and reads only through `tx` (see verify.ts).

/** How many candidate workspaces a lookup may return: more than one is already ambiguous. */
const CANDIDATE_LIMIT = 20;

export function referralPath(token: string): string {
  return `/referrals/${token}`;
}

/** A new link for one referral email; only its hash is kept. */
export async function mintReferralToken(tx: Prisma.TransactionClient, referralId: string): Promise<string> {
  const token = newToken();
  await tx.referralToken.create({ data: { referralId, tokenHash: hashToken(token) } });
  return token;
}

/** Ends every link of a referral (when it closes, is withdrawn, or the officer revokes them). */
export async function revokeReferralTokens(tx: Prisma.TransactionClient, referralId: string, now: Date): Promise<number> {
  const { count } = await tx.referralToken.updateMany({ where: { referralId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** When a referral sent or reminded at `from` is next followed up: `reminderDays` later (REFERRAL_REMINDER_DAYS or its override). */
export function followUpAfter(from: Date, reminderDays: number): Date {
  return new Date(from.getTime() + reminderDays * 86_400_000);
}

/** The workspaces any of the requester's answers could point at, through indexed lookups. */
export async function findCandidateWorkspaces(
  tx: Prisma.TransactionClient,
  answers: { workspaceReference: string | null; companyEmail: string | null },
): Promise<CandidateWorkspace[]> {
  const keys = matchKeys(answers);
  const or: Prisma.WorkspaceWhereInput[] = [];
  if (keys.slugs.length) or.push({ slug: { in: keys.slugs } });
  if (keys.names.length) or.push({ nameKey: { in: keys.names } }, { customer: { legalNameKey: { in: keys.names } } });
  if (keys.domains.length) or.push({ domains: { hasSome: keys.domains } });
  if (or.length === 0) return [];
  const rows = await tx.workspace.findMany({
    where: { OR: or },
    select: {
      id: true,
      customerId: true,
      name: true,
      slug: true,
      domains: true,
      customer: { select: { legalName: true } },
    },
    orderBy: { id: "asc" },
    take: CANDIDATE_LIMIT,
  });
  return rows.map(({ customer, ...w }) => ({
    ...w,
    customerLegalName: customer.legalName,
  }));
}

export type RoutingOutcome = {
  route: RequestRoute;
  requesterNotified: boolean;
};

/**
 * Decides where a newly verified (or accepted) request goes and acts on it: a referral to the
 * customer for workspace data, the officer's queue for the rest. Does nothing if the request
 * was routed already. The requester is emailed when a part went to a customer.
 */
export async function routeRequestInTransaction(tx: Prisma.TransactionClient, requestId: string, now: Date): Promise<RoutingOutcome> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      route: true,
      relationship: true,
      dataScope: true,
      workspaceReference: true,
      companyEmail: true,
    },
  });
  if (request.route) return { route: request.route, requesterNotified: false };
  if (!concernsWorkspaceData(request)) {
    // Nothing was matched, so nothing to audit: the route column says it all.
    await tx.request.update({ where: { id: requestId }, data: { route: "OPERATOR" } });
    return { route: "OPERATOR", requesterNotified: false };
  }
  const candidates = await findCandidateWorkspaces(tx, request);
  const decision = routeRequest(request, candidates);
  await setRoute(tx, requestId, decision, now);
  if (decision.route === "CUSTOMER" || decision.route === "SPLIT") {
    await referToCustomer(tx, {
      requestId,
      workspaceId: decision.workspaceId,
      includesOperatorPart: decision.route === "SPLIT",
      now,
    });
    return { route: decision.route, requesterNotified: true };
  }
  return { route: decision.route, requesterNotified: false };
}

async function setRoute(tx: Prisma.TransactionClient, requestId: string, decision: RoutingDecision, now: Date): Promise<void> {
  await tx.request.update({
    where: { id: requestId },
    data: { route: decision.route },
  });
  await recordEvent(tx, {
    requestId,
    actorType: "SYSTEM",
    action: "request.routed",
    visibility: "INTERNAL",
    data:
      decision.route === "UNRESOLVED"
        ? {
            route: decision.route,
            reason: decision.reason,
            candidateIds: decision.candidateIds,
          }
        : decision.route === "OPERATOR"
          ? { route: decision.route }
          : {
              route: decision.route,
              workspaceId: decision.workspaceId,
              signals: decision.signals,
            },
    at: now,
  });
}

export type ReferInput = {
  requestId: string;
  workspaceId: string;
  includesOperatorPart: boolean;
  now: Date;
  /** Staff who re-routed by hand; absent when the routing rules decided. */
  staffId?: string;
};

/**
 * Creates the referral, emails the customer's privacy contacts a private link and tells the
 * requester who controls the data. A request wholly about workspace data waits as REFERRED;
 * a split request stays in the officer's queue for the operator's own part.
 */
export async function referToCustomer(tx: Prisma.TransactionClient, input: ReferInput): Promise<{ referralId: string }> {
  const { requestId, workspaceId, includesOperatorPart, now } = input;
  // One after another: a transaction's queries share one connection.
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      reference: true,
      type: true,
      status: true,
      requesterName: true,
      requesterEmail: true,
      relationship: true,
      jurisdiction: true,
      details: true,
      dueAt: true,
      extendedDueAt: true,
    },
  });
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      name: true,
      customer: {
        select: {
          id: true,
          legalName: true,
          privacyEmails: true,
          language: true,
        },
      },
    },
  });
  const org = await readOrganizationDetails(tx);
  const { customer } = workspace;
  const referral = await tx.referral.create({
    data: {
      requestId,
      customerId: customer.id,
      workspaceId,
      sentAt: now,
      nextFollowUpAt: followUpAfter(now, (await readHandling(tx)).referralReminderDays),
    },
    select: { id: true },
  });
  const token = await mintReferralToken(tx, referral.id);
  const toStatus = !includesOperatorPart && request.status === "RECEIVED" ? "REFERRED" : null;
  await tx.request.update({
    where: { id: requestId },
    data: {
      route: includesOperatorPart ? "SPLIT" : "CUSTOMER",
      ...(toStatus ? { status: toStatus } : {}),
    },
  });
  await recordEvent(tx, {
    requestId,
    actorType: input.staffId ? "STAFF" : "SYSTEM",
    actorId: input.staffId ?? null,
    action: "referral.sent",
    fromStatus: toStatus ? request.status : null,
    toStatus,
    visibility: "PUBLIC",
    data: {
      referralId: referral.id,
      customerName: customer.legalName,
      customerContactEmail: customer.privacyEmails[0] ?? null,
      workspaceName: workspace.name,
      includesOperatorPart,
    },
    at: now,
  });
  const email = await referralEmail(tx, referral.id, token);
  await enqueueEmail(tx, { requestId, template: "referral-to-customer", ...email });
  const dueDate = request.extendedDueAt ?? request.dueAt;
  for (const addressee of await addresseesOf(tx, requestId)) {
    const statusToken = await mintStatusToken(tx, requestId, now, addressee.holder);
    await enqueueEmail(tx, {
      requestId,
      template: "request-referred",
      to: addressee.to,
      props: {
        org,
        reference: request.reference,
        requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
        customerName: customer.legalName,
        customerContactEmail: customer.privacyEmails[0] ?? org.privacyEmail,
        workspaceName: workspace.name,
        includesOperatorPart,
        dueDate: dueDate ? isoDay(dueDate) : null,
        statusUrl: absoluteUrl(statusPath(statusToken)),
      },
    });
  }
  return { referralId: referral.id };
}

/** What a customer is told about a referred request, in the email and on its page alike. */
export const REFERRAL_BRIEF_SELECT = {
  customer: { select: { legalName: true, privacyEmails: true, language: true } },
  workspace: { select: { name: true } },
  request: {
    select: {
      reference: true,
      type: true,
      route: true,
      jurisdiction: true,
      requesterName: true,
      requesterEmail: true,
      relationship: true,
      details: true,
      dueAt: true,
      extendedDueAt: true,
    },
  },
} as const satisfies Prisma.ReferralSelect;

export type ReferralBrief = Omit<EmailProps<"referral-to-customer">, "org" | "language" | "referralUrl">;

export function referralBrief({
  customer,
  workspace,
  request,
}: Prisma.ReferralGetPayload<{ select: typeof REFERRAL_BRIEF_SELECT }>): ReferralBrief {
  const due = request.extendedDueAt ?? request.dueAt;
  return {
    customerName: customer.legalName,
    workspaceName: workspace.name,
    reference: request.reference,
    requestTypeLabel: REQUEST_TYPE_LABELS[request.type],
    regimeLabel: REGIMES[request.jurisdiction].label,
    dueDate: due ? isoDay(due) : null,
    requester: { name: request.requesterName ?? "", email: request.requesterEmail ?? "" },
    relationship: RELATIONSHIP_LABELS[request.relationship],
    details: describeDetails(request.details),
    includesOperatorPart: request.route === "SPLIT",
  };
}

/**
 * The referral email's recipients and content, as the first email, a re-send and every reminder
 * carry them: what the customer needs to answer, and the link `token` opens.
 */
export async function referralEmail(
  tx: Prisma.TransactionClient,
  referralId: string,
  token: string,
): Promise<{ to: string; props: EmailProps<"referral-to-customer"> }> {
  const row = await tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: REFERRAL_BRIEF_SELECT });
  const org = await readOrganizationDetails(tx);
  return {
    // One message to every contact, so each sees who else was told.
    to: row.customer.privacyEmails.join(", "),
    props: { org, language: row.customer.language, ...referralBrief(row), referralUrl: absoluteUrl(referralPath(token)) },
  };
}
