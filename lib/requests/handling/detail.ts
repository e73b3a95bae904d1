import { localeOrDefault, type Locale } from "@/lib/i18n/locales";
import "server-only";
import { listNotices, OWNER_TASK_KINDS, RECIPIENT_KINDS } from "@/lib/recipients/notices";
import { allows } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type {
  ActorType,
  EventVisibility,
  Jurisdiction,
  MessageAuthor,
  Relationship,
  RequestRoute,
  RequestStatus,
  RequestType,
  StaffRole,
  SubmittedBy,
  TokenHolder,
  IdentityCheck,
  AnswerOutcome,
  GuardianRelationship,
  RepresentationDocumentKind,
} from "@/lib/generated/prisma/enums";
import { MAX_DOCUMENTS_PER_REQUEST } from "@/lib/representation/limits";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { maskFilename } from "@/lib/packages/display";
import { listReferrals, routingOf, type OfficerReferral, type Routing } from "@/lib/referrals/officer-view";
import { regimeFor } from "@/lib/requests/deadlines";
import { listMessages } from "@/lib/requests/handling/ask-for-information";
import { isUuid, isoDay } from "@/lib/requests/handling/load";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { EARLIER_REQUESTS_LIMIT, otherRequestsFrom, type EarlierRequest } from "@/lib/requests/duplicates";
import { allowedStaffActions, refuse, type StaffAction } from "@/lib/requests/lifecycle";
import { maskEmail } from "@/lib/requests/mask-email";

export const TIMELINE_LIMIT = 500;
const APPEALS_LIMIT = 20;

type StaffRef = { id: string; name: string | null; email: string; role: StaffRole };

export type DetailEvent = {
  id: string;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  /** The staff member behind a STAFF event, when they still exist. */
  actorStaff: StaffRef | null;
  action: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  visibility: EventVisibility;
  data: unknown;
};

export type DetailMessage = {
  id: string;
  author: MessageAuthor;
  /** On an agent's request: whom a question asked, or who answered. */
  party: TokenHolder;
  staff: StaffRef | null;
  /** Null when the viewer may not read personal content: the exchange is the requester's words. */
  body: string | null;
  createdAt: Date;
};

export type RequestDetail = {
  /** False for auditors: name, email, details, message bodies and file names are masked. */
  personalVisible: boolean;
  request: {
    id: string;
    reference: string;
    type: RequestType;
    typeLabel: string;
    status: RequestStatus;
    statusLabel: string;
    jurisdiction: Jurisdiction;
    regime: { label: string; source: string; secondary: boolean; note: string | null; appealAvailable: boolean };
    relationship: Relationship;
    country: string;
    region: string | null;
    workspaceReference: string | null;
    requesterName: string | null;
    requesterEmail: string | null;
    /** What the requester wrote on the form; null when masked or erased. */
    details: unknown;
    receivedAt: Date;
    verifiedAt: Date | null;
    dueAt: Date | null;
    extendedDueAt: Date | null;
    /** The deadline in force: the extended one when there is one. */
    effectiveDueAt: Date | null;
    /** When receipt must be confirmed by (CCPA §7021(a)); null where no law asks. */
    receiptDueAt: Date | null;
    /** When a confirming email actually went out; null while the duty is unmet. */
    receiptSentAt: Date | null;
    closedAt: Date | null;
    erasedAt: Date | null;
    policyVersion: string | null;
    route: RequestRoute | null;
    /** An opt-out sent from a browser with Global Privacy Control on. */
    gpcSignal: boolean;
    submittedBy: SubmittedBy;
    /** The language the requester wrote in, which their emails and status link use. */
    language: Locale;
  };
  /**
   * Who filed a request for someone else, both confirmations and their documents; null for a
   * request filed by the person it is about. Names and addresses masked like the requester's.
   */
  representation: {
    name: string | null;
    email: string | null;
    organisation: string | null;
    guardianRelationship: GuardianRelationship | null;
    childBirthDate: Date | null;
    emailConfirmedAt: Date | null;
    subjectAskedAt: Date | null;
    subjectConfirmedAt: Date | null;
    documents: { id: string; kind: RepresentationDocumentKind; filename: string; contentType: string; size: number; sha256: string; createdAt: Date; erased: boolean }[];
  } | null;
  /** The higher standard of verification (lib/verification/identity): its state, the declaration and the answers with their outcomes. */
  identity: {
    check: IdentityCheck;
    declaredAt: Date | null;
    /** The name typed under the declaration; null when masked or erased. */
    signature: string | null;
    answers: { id: string; prompt: string; answer: string | null; outcome: AnswerOutcome | null; note: string | null }[];
  };
  /** Where the request went, and for one that needs routing, what the rules found. */
  routing: Routing;
  /** Parts handed to the customers who control the data, oldest first. */
  referrals: OfficerReferral[];
  assignee: StaffRef | null;
  appealOf: { id: string; reference: string; status: RequestStatus } | null;
  appeals: { id: string; reference: string; status: RequestStatus; receivedAt: Date }[];
  /** The earlier request this one may repeat (flagged), or was merged into (MERGED). */
  duplicateOf: { id: string; reference: string; status: RequestStatus; receivedAt: Date } | null;
  /** Later requests merged into this one. */
  mergedIn: { id: string; reference: string }[];
  /** The same address's other requests of the last 12 months, newest first (lib/requests/duplicates.ts). */
  otherRequests: { total: number; requests: EarlierRequest[] };
  /** Public and internal events, oldest first: the newest TIMELINE_LIMIT of them. */
  timeline: DetailEvent[];
  timelineTruncated: boolean;
  messages: DetailMessage[];
  packages: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedBy: StaffRef | null;
    createdAt: Date;
    expiresAt: Date;
    /** When housekeeping deleted the file (lib/packages/purge.ts); the record of it stays. */
    purgedAt: Date | null;
  }[];
  /** What the viewer can do now (none for a role without requests.act), from lib/requests/lifecycle.ts. */
  allowedActions: StaffAction[];
};

/**
 * Everything the request's detail page shows, or null when there is no such request. The caller
 * has checked that the viewer may read requests; personal fields are masked here for roles without
 * requests.readPersonal.
 */
export async function getRequestDetail(requestId: string, viewer: StaffUser, now = new Date()): Promise<RequestDetail | null> {
  if (!isUuid(requestId)) return null;
  const personalVisible = allows(viewer, "requests.readPersonal");
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      jurisdiction: true,
      relationship: true,
      country: true,
      region: true,
      workspaceReference: true,
      requesterName: true,
      requesterEmail: true,
      details: true,
      receivedAt: true,
      verifiedAt: true,
      dueAt: true,
      extendedDueAt: true,
      receiptDueAt: true,
      receiptSentAt: true,
      closedAt: true,
      erasedAt: true,
      policyVersion: { select: { version: true } },
      route: true,
      gpcSignal: true,
      submittedBy: true,
      language: true,
      identityCheck: true,
      identityDeclaredAt: true,
      identitySignature: true,
      identityAnswers: {
        select: { id: true, prompt: true, answer: true, outcome: true, note: true },
        orderBy: { createdAt: "asc" },
        take: 10,
      },
      representative: {
        select: {
          name: true,
          email: true,
          organisation: true,
          guardianRelationship: true,
          childBirthDate: true,
          emailConfirmedAt: true,
          subjectAskedAt: true,
          subjectConfirmedAt: true,
        },
      },
      assigneeId: true,
      appealOf: { select: { id: true, reference: true, status: true } },
      appeals: { select: { id: true, reference: true, status: true, receivedAt: true }, orderBy: { receivedAt: "asc" }, take: APPEALS_LIMIT },
      duplicateOfId: true,
      duplicateOf: { select: { id: true, reference: true, status: true, receivedAt: true } },
      duplicates: { where: { status: "MERGED" }, select: { id: true, reference: true }, orderBy: { receivedAt: "asc" }, take: EARLIER_REQUESTS_LIMIT },
    },
  });
  if (!request) return null;

  const [newestEvents, messages, packages, referrals, routing, timeZone, otherRequests, documents, erasedDocuments] = await Promise.all([
    db.requestEvent.findMany({
      where: { requestId },
      select: { id: true, at: true, actorType: true, actorId: true, action: true, fromStatus: true, toStatus: true, visibility: true, data: true },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT + 1,
    }),
    listMessages(requestId),
    // The requester's packages; workspace exports for customers are listed with their referral.
    db.dataPackage.findMany({
      // Released ones only: a run's draft is shown in its run panel.
      where: { requestId, referralId: null, releasedAt: { not: null } },
      select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedById: true, createdAt: true, expiresAt: true, purgedAt: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
    listReferrals(requestId, personalVisible),
    routingOf(requestId, request.route),
    getOperatorTimeZone(),
    otherRequestsFrom(db, request, now),
    db.representationDocument.findMany({
      where: { requestId },
      select: { id: true, kind: true, filename: true, contentType: true, size: true, sha256: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: MAX_DOCUMENTS_PER_REQUEST,
    }),
    // Which of them were erased with the request's personal data, without reading any file.
    db.representationDocument.findMany({ where: { requestId, ciphertext: null }, select: { id: true }, take: MAX_DOCUMENTS_PER_REQUEST }),
  ]);
  const erased = new Set(erasedDocuments.map((d) => d.id));
  const rep = request.representative;
  const events = newestEvents.slice(0, TIMELINE_LIMIT).reverse();

  const staffIds = new Set<string>();
  if (request.assigneeId) staffIds.add(request.assigneeId);
  for (const e of events) if (e.actorType === "STAFF" && e.actorId && isUuid(e.actorId)) staffIds.add(e.actorId);
  for (const m of messages) if (m.staffId) staffIds.add(m.staffId);
  for (const p of packages) if (p.uploadedById) staffIds.add(p.uploadedById);
  const staff = staffIds.size
    ? await db.staff.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true, email: true, role: true } })
    : [];
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const staffRef = (id: string | null | undefined) => (id ? (staffById.get(id) ?? null) : null);

  const regime = regimeFor(request.jurisdiction, request.type);
  const packageCount = packages.length;
  return {
    personalVisible,
    request: {
      id: request.id,
      reference: request.reference,
      type: request.type,
      typeLabel: REQUEST_TYPE_LABELS[request.type],
      status: request.status,
      statusLabel: REQUEST_STATUS_LABELS[request.status],
      jurisdiction: request.jurisdiction,
      regime: {
        label: regime.label,
        source: regime.source,
        secondary: regime.secondary,
        note: regime.note ?? null,
        appealAvailable: regime.appealAvailable,
      },
      relationship: request.relationship,
      country: request.country,
      region: request.region,
      workspaceReference: request.workspaceReference,
      requesterName: request.requesterName && (personalVisible ? request.requesterName : initials(request.requesterName)),
      requesterEmail: request.requesterEmail && (personalVisible ? request.requesterEmail : maskEmail(request.requesterEmail)),
      details: personalVisible && !request.erasedAt ? request.details : null,
      receivedAt: request.receivedAt,
      verifiedAt: request.verifiedAt,
      dueAt: request.dueAt,
      extendedDueAt: request.extendedDueAt,
      effectiveDueAt: request.extendedDueAt ?? request.dueAt,
      receiptDueAt: request.receiptDueAt,
      receiptSentAt: request.receiptSentAt,
      closedAt: request.closedAt,
      erasedAt: request.erasedAt,
      policyVersion: request.policyVersion?.version ?? null,
      route: request.route,
      gpcSignal: request.gpcSignal,
      submittedBy: request.submittedBy,
      language: localeOrDefault(request.language),
    },
    identity: {
      check: request.identityCheck,
      declaredAt: request.identityDeclaredAt,
      signature: personalVisible ? request.identitySignature : null,
      answers: request.identityAnswers.map((a) => ({ ...a, answer: personalVisible ? a.answer : null })),
    },
    representation:
      request.submittedBy !== "SELF" && rep
        ? {
            ...rep,
            name: rep.name && (personalVisible ? rep.name : initials(rep.name)),
            email: rep.email && (personalVisible ? rep.email : maskEmail(rep.email)),
            organisation: personalVisible ? rep.organisation : null,
            childBirthDate: personalVisible ? rep.childBirthDate : null,
            documents: documents.map((d) => ({ ...d, filename: personalVisible ? d.filename : maskFilename(d.filename), erased: erased.has(d.id) })),
          }
        : null,
    routing,
    referrals,
    assignee: staffRef(request.assigneeId),
    appealOf: request.appealOf,
    appeals: request.appeals,
    duplicateOf: request.duplicateOf,
    mergedIn: request.duplicates,
    otherRequests,
    timeline: events.map((e) => ({
      ...e,
      id: e.id.toString(),
      actorStaff: e.actorType === "STAFF" ? staffRef(e.actorId) : null,
    })),
    timelineTruncated: newestEvents.length > TIMELINE_LIMIT,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      party: m.party,
      staff: staffRef(m.staffId),
      body: personalVisible ? m.body : null,
      createdAt: m.createdAt,
    })),
    packages: packages.map(({ uploadedById, ...p }) => ({
      ...p,
      filename: personalVisible ? p.filename : maskFilename(p.filename),
      uploadedBy: staffRef(uploadedById),
    })),
    allowedActions: allows(viewer, "requests.act") ? allowedStaffActions({ ...request, packages: packageCount }, now, timeZone) : [],
  };
}

/** "Ada King Lovelace" -> "A. K. L.": enough to tell two requests apart, not to learn the name. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  return parts.length ? parts.map((p) => `${[...p][0]!.toUpperCase()}.`).join(" ") : "•••";
}

// --- The §7101 record ---------------------------------------------------------------------------

const MANNER = "Online form on the privacy portal, confirmed by email";
const APPEAL_MANNER = "Appeal filed from the private status page of the refused request";
const EVENT_BATCH = 1000;

/** How the request was made: the form, or another system through the API (lib/api), as its first event says. */
function mannerOf(events: RequestRecord["events"]): string {
  const channel = (events.find((e) => e.action === "request.submitted")?.data as { channel?: unknown } | null)?.channel;
  if (typeof channel !== "string") return MANNER;
  const vouched = events.some((e) => e.action === "verification.vouched");
  return `Filed through the API by the channel “${channel}”, ${vouched ? "which vouched for the person's identity" : "confirmed by email"}`;
}

const RESPONSE_NATURE: Partial<Record<RequestStatus, string>> = {
  COMPLETED: "Complied with",
  DENIED: "Denied",
  CLOSED_UNVERIFIED: "Closed: the requester never confirmed their email address",
  MERGED: "Merged into an earlier request of the same person and type, and answered there",
  CLOSED_SPAM: "Closed as spam: no answer sent, personal data erased",
};

export type RequestRecord = {
  generatedAt: string;
  request: {
    id: string;
    reference: string;
    nature: string;
    type: RequestType;
    jurisdiction: Jurisdiction;
    regime: string;
    manner: string;
    receivedAt: string;
    verifiedAt: string | null;
    dueDate: string | null;
    extendedDueDate: string | null;
    status: RequestStatus;
    appealOf: string | null;
    appeals: string[];
  };
  response: { date: string | null; nature: string | null; outcome: string | null; denialBasis: string | null };
  /** Who was told of the outcome (GDPR Art. 19) and which owners were asked to stop or restrict a use, and when each confirmed. */
  notices: {
    recipient: string;
    kind: string;
    channel: string;
    sentTo: string[];
    dataUses: string[];
    sentAt: string;
    confirmedAt: string | null;
    heldNothing: boolean;
  }[];
  events: {
    at: string;
    actorType: ActorType;
    actorId: string | null;
    action: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus | null;
    visibility: EventVisibility;
    data: unknown;
  }[];
};

/**
 * The record 11 CCR §7101 asks us to keep for 24 months: the date, nature and manner of the
 * request, the date and nature of the response, the basis of any denial, and every audit event.
 * It holds no name, email or request details: the reference identifies the request, and the record
 * must serve no other purpose. Throws NOT_FOUND.
 */
export async function exportRequestRecord(requestId: string, now = new Date()): Promise<{ json: string; csv: string; record: RequestRecord }> {
  if (!isUuid(requestId)) throw refuse("NOT_FOUND");
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      jurisdiction: true,
      receivedAt: true,
      verifiedAt: true,
      dueAt: true,
      extendedDueAt: true,
      closedAt: true,
      appealOf: { select: { reference: true } },
      appeals: { select: { reference: true }, orderBy: { receivedAt: "asc" }, take: APPEALS_LIMIT },
    },
  });
  if (!request) throw refuse("NOT_FOUND");

  // Every event, read in batches so no single query is unbounded.
  const events: RequestRecord["events"] = [];
  for (let cursor: bigint | undefined; ; ) {
    const batch = await db.requestEvent.findMany({
      where: { requestId, ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
      select: { id: true, at: true, actorType: true, actorId: true, action: true, fromStatus: true, toStatus: true, visibility: true, data: true },
      orderBy: { id: "asc" },
      take: EVENT_BATCH,
    });
    for (const { id: _id, at, ...e } of batch) events.push({ at: at.toISOString(), ...e, data: e.data ?? null });
    if (batch.length < EVENT_BATCH) break;
    cursor = batch.at(-1)!.id;
  }
  // Insertion order is the order things happened; a back-dated `at` never reorders the record.
  const closing = events.findLast((e) => e.action === "request.completed" || e.action === "request.denied");
  const closingData = (closing?.data ?? {}) as { outcome?: unknown; reason?: unknown };

  const notices = await listNotices(db, requestId, [...RECIPIENT_KINDS, ...OWNER_TASK_KINDS]);
  const record: RequestRecord = {
    generatedAt: now.toISOString(),
    request: {
      id: request.id,
      reference: request.reference,
      nature: REQUEST_TYPE_LABELS[request.type],
      type: request.type,
      jurisdiction: request.jurisdiction,
      regime: regimeFor(request.jurisdiction, request.type).label,
      manner: request.type === "APPEAL" ? APPEAL_MANNER : mannerOf(events),
      receivedAt: request.receivedAt.toISOString(),
      verifiedAt: request.verifiedAt?.toISOString() ?? null,
      dueDate: request.dueAt ? isoDay(request.dueAt) : null,
      extendedDueDate: request.extendedDueAt ? isoDay(request.extendedDueAt) : null,
      status: request.status,
      appealOf: request.appealOf?.reference ?? null,
      appeals: request.appeals.map((a) => a.reference),
    },
    response: {
      date: request.closedAt?.toISOString() ?? null,
      nature: RESPONSE_NATURE[request.status] ?? null,
      outcome: request.status === "COMPLETED" && typeof closingData.outcome === "string" ? closingData.outcome : null,
      denialBasis: request.status === "DENIED" && typeof closingData.reason === "string" ? closingData.reason : null,
    },
    // The recipients' own notes stay on the request page: they may name the person.
    notices: notices.map((n) => ({
      recipient: n.recipientName,
      kind: n.kind,
      channel: n.channel,
      sentTo: n.sentTo,
      dataUses: n.dataUses,
      sentAt: n.sentAt.toISOString(),
      confirmedAt: n.confirmedAt?.toISOString() ?? null,
      heldNothing: n.heldNothing,
    })),
    events,
  };
  return { json: JSON.stringify(record, null, 2), csv: recordCsv(record), record };
}

const CSV_COLUMNS = [
  "reference",
  "nature",
  "manner",
  "jurisdiction",
  "received_at",
  "verified_at",
  "due_date",
  "extended_due_date",
  "response_date",
  "response_nature",
  "denial_basis",
  "outcome",
  "event_at",
  "event_actor_type",
  "event_actor_id",
  "event_action",
  "event_from_status",
  "event_to_status",
  "event_visibility",
  "event_data",
] as const;

/** One row per event, each carrying the request's facts, so any row read alone is meaningful. */
function recordCsv(record: RequestRecord): string {
  const { request: r, response } = record;
  const requestCells = [
    r.reference,
    r.nature,
    r.manner,
    r.jurisdiction,
    r.receivedAt,
    r.verifiedAt,
    r.dueDate,
    r.extendedDueDate,
    response.date,
    response.nature,
    response.denialBasis,
    response.outcome,
  ];
  const rows = record.events.map((e) => [
    ...requestCells,
    e.at,
    e.actorType,
    e.actorId,
    e.action,
    e.fromStatus,
    e.toStatus,
    e.visibility,
    e.data === null ? null : JSON.stringify(e.data),
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** RFC 4180 quoting, and no cell a spreadsheet would run as a formula (staff-written text is in here). */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
