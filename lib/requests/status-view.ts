import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type {
  GuardianRelationship,
  IdentityCheck,
  Jurisdiction,
  ReferralStatus,
  RepresentationDocumentKind,
  RequestRoute,
  RequestStatus,
  RequestType,
  TokenHolder,
} from "@/lib/generated/prisma/enums";
import { MAX_DOCUMENTS_PER_REQUEST } from "@/lib/representation/limits";
import { statusLinkHolder } from "@/lib/requests/status-token";
import { answeringHolder, questionsFor, type AskedQuestion } from "@/lib/verification/identity/flow";

export type StatusView = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  /** The US state (or other region) the requester gave: it names the regulator to complain to. */
  region: string | null;
  receivedAt: Date;
  verifiedAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  closedAt: Date | null;
  route: RequestRoute | null;
  /** An opt-out sent with the browser's Global Privacy Control on. */
  gpcSignal: boolean;
  /** An appeal: the reference of the request it appeals, and what the requester wrote. */
  appeal: { ofReference: string; reason: string | null } | null;
  /** Parts handed to the company that controls the data: who, how to reach them, and where it stands. */
  referrals: {
    id: string;
    status: ReferralStatus;
    customerName: string;
    contactEmail: string | null;
    workspaceName: string;
    sentAt: Date;
    acknowledgedAt: Date | null;
    closedAt: Date | null;
    outcomeNote: string | null;
  }[];
  events: { id: string; at: Date; action: string; toStatus: RequestStatus | null; data: unknown }[];
  /**
   * The higher standard of verification (lib/verification/identity): where it stands, whose link
   * answers, and the questions while they wait for answers. Never the answers themselves.
   */
  identity: { check: IdentityCheck; answeredBy: TokenHolder; declaredAt: Date | null; questions: AskedQuestion[] };
  /** Whose link opened the page: the person who filed, or the consumer an agent filed for. */
  holder: TokenHolder;
  /** A request filed by an agent or a parent: where it stands (no names or addresses). */
  representation: {
    submittedBy: "AGENT" | "PARENT";
    guardianRelationship: GuardianRelationship | null;
    emailConfirmedAt: Date | null;
    subjectAskedAt: Date | null;
    subjectConfirmedAt: Date | null;
    documents: { id: string; kind: RepresentationDocumentKind; size: number; createdAt: Date; erased: boolean }[];
  } | null;
};

const TIMELINE_LIMIT = 100;
const REFERRAL_LIMIT = 10;

/**
 * What a status link shows: no name, no email, no details, only the request's progress. An unknown,
 * revoked or expired token gives null, which the page turns into the same 404 as a missing request.
 */
export async function getStatusView(token: string, at: Date = now()): Promise<StatusView | null> {
  const link = await statusLinkHolder(db, token, at);
  if (!link) return null;
  const { requestId, holder } = link;
  const found = await db.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      jurisdiction: true,
      region: true,
      receivedAt: true,
      verifiedAt: true,
      dueAt: true,
      extendedDueAt: true,
      closedAt: true,
      route: true,
      gpcSignal: true,
      details: true,
      appealOf: { select: { reference: true } },
      submittedBy: true,
      identityCheck: true,
      identityDeclaredAt: true,
      representative: { select: { guardianRelationship: true, emailConfirmedAt: true, subjectAskedAt: true, subjectConfirmedAt: true } },
      documents: {
        select: { id: true, kind: true, size: true, createdAt: true },
        orderBy: { createdAt: "asc" },
        take: MAX_DOCUMENTS_PER_REQUEST,
      },
      referrals: {
        select: {
          id: true,
          status: true,
          sentAt: true,
          acknowledgedAt: true,
          closedAt: true,
          outcomeNote: true,
          customer: { select: { legalName: true, privacyEmails: true } },
          workspace: { select: { name: true } },
        },
        orderBy: { sentAt: "asc" },
        take: REFERRAL_LIMIT,
      },
      events: {
        where: { visibility: "PUBLIC" },
        select: { id: true, at: true, action: true, toStatus: true, data: true },
        orderBy: { at: "asc" },
        take: TIMELINE_LIMIT,
      },
    },
  });
  if (!found) return null;
  const { events, referrals, details, appealOf, submittedBy, representative, documents, identityCheck, identityDeclaredAt, ...request } = found;
  const questions = identityCheck === "AWAITING_ANSWERS" ? await questionsFor(db, request.type) : [];
  const erasedDocuments = documents.length
    ? new Set((await db.representationDocument.findMany({ where: { requestId, ciphertext: null }, select: { id: true } })).map((d) => d.id))
    : new Set<string>();
  const reason = (details as { reason?: unknown } | null)?.reason;
  return {
    ...request,
    // Only an appeal's own words are shown; other requests' details stay off this page.
    appeal: appealOf ? { ofReference: appealOf.reference, reason: typeof reason === "string" ? reason : null } : null,
    referrals: referrals.map(({ customer, workspace, ...r }) => ({
      ...r,
      customerName: customer.legalName,
      contactEmail: customer.privacyEmails[0] ?? null,
      workspaceName: workspace.name,
    })),
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
    holder,
    identity: { check: identityCheck, answeredBy: answeringHolder(submittedBy), declaredAt: identityDeclaredAt, questions },
    representation:
      submittedBy !== "SELF" && representative
        ? { submittedBy, ...representative, documents: documents.map((d) => ({ ...d, erased: erasedDocuments.has(d.id) })) }
        : null,
  };
}
