import { LOCALES } from "@/lib/i18n/locales";
import "server-only";
import { z } from "zod";
import { Jurisdiction, RequestRoute, RequestStatus, RequestType, RunKind, RunStatus, TaskStatus } from "@/lib/generated/prisma/enums";
import type { RunView } from "@/lib/fulfillment/view";
import type { RequestDetail } from "@/lib/requests/handling/detail";
import type { QueueRow } from "@/lib/requests/queue";
import { timelineEntry } from "@/lib/requests/timeline";

// What the API answers with: one zod schema per shape (the OpenAPI document is generated from
// them, lib/api/openapi.ts) and the function that makes it from what the dashboard reads. The
// integration tests parse every answer with its schema, so the document cannot drift from them.

const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 in UTC");
const day = z.iso.date().describe("A calendar day of the operator's time zone, YYYY-MM-DD");
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null) => (d ? dayOf(d) : null);

export const RequestSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string().describe("What the requester quotes: DSR-XXXX-XXXX"),
  type: z.enum(RequestType),
  status: z.enum(RequestStatus),
  jurisdiction: z.enum(Jurisdiction),
  region: z.string().nullable(),
  receivedAt: instant,
  verifiedAt: instant.nullable(),
  dueDate: day.nullable().describe("The deadline in force (the extended one when extended); null before the clock starts"),
  extended: z.boolean(),
  receiptDueDate: day.nullable().describe("When receipt must still be confirmed by (CCPA); null once confirmed or where no law asks"),
  requesterEmail: z.string().nullable().describe("Masked (\"j•••@example.com\") without requests:personal; null once erased"),
  route: z.enum(RequestRoute).nullable(),
  referral: z.object({ customerName: z.string(), state: z.string() }).nullable(),
});
export type RequestSummary = z.infer<typeof RequestSummarySchema>;

export function requestSummary(row: QueueRow): RequestSummary {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    jurisdiction: row.jurisdiction,
    region: row.region,
    receivedAt: iso(row.receivedAt),
    verifiedAt: isoOrNull(row.verifiedAt),
    dueDate: dayOrNull(row.dueDate),
    extended: row.extended,
    receiptDueDate: dayOrNull(row.receiptDueDate),
    requesterEmail: row.requesterEmail,
    route: row.route,
    referral: row.referral && { customerName: row.referral.customerName, state: row.referral.state },
  };
}

export const RequestListSchema = z.object({
  data: z.array(RequestSummarySchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last one"),
});

const TimelineEntrySchema = z.object({
  at: instant,
  action: z.string().describe("The audit event's stable name: request.submitted, request.verified, ..."),
  status: z.enum(RequestStatus).nullable().describe("The status it led to, when it changed one"),
  title: z.string().describe("As the requester's status page words it"),
  detail: z.string().nullable(),
});

export const RequestViewSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.enum(RequestType),
  status: z.enum(RequestStatus),
  jurisdiction: z.enum(Jurisdiction),
  regime: z.string().describe("The law the deadline follows, in words"),
  country: z.string(),
  region: z.string().nullable(),
  relationship: z.string(),
  submittedBy: z.enum(["SELF", "AGENT", "PARENT"]),
  language: z.enum(LOCALES).describe("The language the requester wrote in; their emails and status page use it"),
  personalVisible: z.boolean().describe("False when the key lacks requests:personal: the fields below are then masked or null"),
  requesterName: z.string().nullable(),
  requesterEmail: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().describe("What the requester wrote on the form, per request type"),
  receivedAt: instant,
  verifiedAt: instant.nullable(),
  dueDate: day.nullable(),
  originalDueDate: day.nullable(),
  closedAt: instant.nullable(),
  erasedAt: instant.nullable(),
  route: z.enum(RequestRoute).nullable(),
  identityCheck: z.string().describe("The higher standard of verification: NOT_NEEDED, AWAITING_ANSWERS, PASSED, FAILED, FOR_OFFICER..."),
  assigneeId: z.uuid().nullable(),
  allowedActions: z.array(z.string()).describe("What staff (and a key with requests:write) may do now"),
  timeline: z.array(TimelineEntrySchema).describe("The public timeline, oldest first: what the requester sees on their status page"),
});
export type RequestView = z.infer<typeof RequestViewSchema>;

export function requestView(detail: RequestDetail, timeZone: string): RequestView {
  const r = detail.request;
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    jurisdiction: r.jurisdiction,
    regime: r.regime.label,
    country: r.country,
    region: r.region,
    relationship: r.relationship,
    submittedBy: r.submittedBy,
    language: r.language,
    personalVisible: detail.personalVisible,
    requesterName: r.requesterName,
    requesterEmail: r.requesterEmail,
    details: r.details && typeof r.details === "object" ? (r.details as Record<string, unknown>) : null,
    receivedAt: iso(r.receivedAt),
    verifiedAt: isoOrNull(r.verifiedAt),
    dueDate: dayOrNull(r.effectiveDueAt),
    originalDueDate: dayOrNull(r.dueAt),
    closedAt: isoOrNull(r.closedAt),
    erasedAt: isoOrNull(r.erasedAt),
    route: r.route,
    identityCheck: detail.identity.check,
    assigneeId: detail.assignee?.id ?? null,
    allowedActions: [...detail.allowedActions],
    timeline: detail.timeline
      .filter((e) => e.visibility === "PUBLIC")
      .map((e) => {
        const words = timelineEntry(e.action, e.data, timeZone);
        return { at: iso(e.at), action: e.action, status: e.toStatus, title: words.title, detail: words.detail ?? null };
      }),
  };
}

export const CreatedRequestSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(RequestStatus),
  verificationRequired: z.boolean().describe("True when the person was emailed a code to confirm their address; false when the channel vouched, or none is needed"),
});

export const WorkspaceViewSchema = z.object({ id: z.uuid(), name: z.string(), slug: z.string(), domains: z.array(z.string()) });

export const CustomerViewSchema = z.object({
  id: z.uuid(),
  legalName: z.string(),
  privacyEmails: z.array(z.string()),
  language: z.string(),
  workspaceCount: z.number().int(),
  workspaces: z.array(WorkspaceViewSchema).describe("The first workspaces by name (all of them, up to 200, on one customer)"),
});
export const CustomerListSchema = z.object({ data: z.array(CustomerViewSchema), nextCursor: z.string().nullable() });

export const RunViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RunKind),
  status: z.enum(RunStatus),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  progress: z.object({ ended: z.number().int(), total: z.number().int() }).describe("Systems finished of the systems the run covers"),
  systems: z.array(
    z.object({
      name: z.string(),
      status: z.enum(TaskStatus),
      recordsFound: z.number().int(),
      rowsErased: z.number().int(),
      attempts: z.number().int(),
    }),
  ),
});

export function runViewOf(run: RunView) {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    createdAt: iso(run.createdAt),
    startedAt: isoOrNull(run.startedAt),
    finishedAt: isoOrNull(run.finishedAt),
    progress: run.progress,
    systems: run.tasks.map((t) => ({ name: t.systemName, status: t.status, recordsFound: t.recordsFound, rowsErased: t.rowsErased, attempts: t.attempts })),
  };
}

/** The record an admin exports for a regulator (11 CCR §7101): every event, with its data. */
export const RecordSchema = z
  .object({
    generatedAt: instant,
    request: z.object({
      id: z.uuid(),
      reference: z.string(),
      nature: z.string(),
      type: z.enum(RequestType),
      jurisdiction: z.enum(Jurisdiction),
      regime: z.string(),
      manner: z.string().describe("How it was made: the web form, or a channel through the API"),
      receivedAt: instant,
      verifiedAt: instant.nullable(),
      dueDate: day.nullable(),
      extendedDueDate: day.nullable(),
      status: z.enum(RequestStatus),
      appealOf: z.string().nullable(),
      appeals: z.array(z.string()),
    }),
    response: z.object({ date: z.string().nullable(), nature: z.string().nullable(), outcome: z.string().nullable(), denialBasis: z.string().nullable() }),
    notices: z.array(
      z.object({
        recipient: z.string(),
        kind: z.string(),
        channel: z.string(),
        sentTo: z.array(z.string()),
        dataUses: z.array(z.string()),
        sentAt: instant,
        confirmedAt: instant.nullable(),
        heldNothing: z.boolean(),
      }),
    ),
    events: z.array(
      z.object({
        at: instant,
        actorType: z.enum(["REQUESTER", "STAFF", "CUSTOMER", "SYSTEM"]),
        actorId: z.string().nullable(),
        action: z.string(),
        fromStatus: z.enum(RequestStatus).nullable(),
        toStatus: z.enum(RequestStatus).nullable(),
        visibility: z.enum(["PUBLIC", "INTERNAL"]),
        data: z.unknown(),
      }),
    ),
  })
  .describe("The request's record, as the dashboard's JSON export gives it: no name, email or details, the reference identifies the request");
