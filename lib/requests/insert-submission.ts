import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  DataScope,
  GuardianRelationship,
  Jurisdiction,
  Relationship,
  RequestRoute,
  RequestStatus,
  RequestType,
  SubmittedBy,
} from "@/lib/generated/prisma/enums";
import type { EventInput } from "@/lib/requests/events";
import type { NewChallenge } from "@/lib/verification/challenge";

/** Every row a new request starts with. Ids are drawn by the caller: the challenge's salts its code hash. */
export type SubmissionRows = {
  request: {
    id: string;
    reference: string;
    type: RequestType;
    status: RequestStatus;
    requesterName: string;
    requesterEmail: string;
    country: string;
    region: string | null;
    jurisdiction: Jurisdiction;
    relationship: Relationship;
    workspaceReference: string | null;
    companyEmail: string | null;
    dataScope: DataScope | null;
    route: RequestRoute | null;
    details: Prisma.InputJsonObject;
    policyVersionId: string | null;
    receivedAt: Date;
    dueAt: Date | null;
    /** When receipt must be confirmed by (CCPA); null where no law asks. */
    receiptDueAt: Date | null;
    /** An opt-out sent with Global Privacy Control on. */
    gpcSignal: boolean;
    submittedBy: SubmittedBy;
    /** The language the requester wrote in (lib/i18n/locales.ts). */
    language: string;
  };
  /** Someone filing for another person (lib/representation); null when the person asks for themselves. */
  representative: {
    name: string;
    email: string;
    organisation: string | null;
    guardianRelationship: GuardianRelationship | null;
    childBirthDate: string | null;
  } | null;
  event: Omit<EventInput, "requestId" | "at" | "fromStatus"> & { at: Date };
  statusToken: { id: string; tokenHash: string };
  challenge: (Pick<NewChallenge, "id" | "codeHash" | "linkTokenHash" | "expiresAt"> & { createdAt: Date }) | null;
  /** Null only for a request a channel filed as verified (lib/api): the acknowledgement follows from its verification. */
  email: { id: string; template: string; payload: Uint8Array } | null;
  /** The clock time Prisma would stamp: updated_at, the token's and email's created_at, the email's first attempt. */
  writtenAt: Date;
};

/**
 * Writes a new request, its first audit event, its status token, its verification challenge (if
 * any) and its first email in one statement of data-modifying CTEs, so they commit or fail
 * together, as in a transaction. An interactive transaction took eight round trips (BEGIN, six
 * writes, COMMIT) with a pooled connection held throughout, and was most of a submission's cost
 * under load (bench/README.md, "Submit"). No earlier challenge can exist for a request created
 * here, so there is none to supersede.
 *
 * Columns, values and enum casts are the ones the Prisma models write, clock columns included;
 * lib/requests/submit.integration.test.ts checks every column. A unique violation (a reference
 * drawn twice) refuses the whole statement.
 */
export async function insertSubmission(db: Db, rows: SubmissionRows): Promise<void> {
  const { request: r, event: e, statusToken: t, challenge: c, email: m, representative: p, writtenAt } = rows;
  const representative = p
    ? Prisma.sql`,
      representative AS (
        INSERT INTO request_representatives (request_id, name, email, organisation, guardian_relationship, child_birth_date)
        SELECT id, ${p.name}, ${p.email}, ${p.organisation}, ${p.guardianRelationship}::"GuardianRelationship", ${p.childBirthDate}::date
          FROM request
      )`
    : Prisma.empty;
  const email = m
    ? Prisma.sql`,
    email AS (
      INSERT INTO email_outbox (id, request_id, template, payload, status, attempts, next_attempt_at, created_at)
      SELECT ${m.id}::uuid, id, ${m.template}, ${m.payload}::bytea, 'PENDING', 0, ${writtenAt}::timestamp, ${writtenAt}::timestamp
        FROM request
    )`
    : Prisma.empty;
  const challenge = c
    ? Prisma.sql`,
      challenge AS (
        INSERT INTO verification_challenges (id, request_id, code_hash, link_token_hash, expires_at, attempts, created_at)
        SELECT ${c.id}::uuid, id, ${c.codeHash}, ${c.linkTokenHash}, ${c.expiresAt}::timestamp, 0, ${c.createdAt}::timestamp
          FROM request
      )`
    : Prisma.empty;
  await db.$queryRaw`
    WITH request AS (
      INSERT INTO requests (id, reference, type, status, requester_name, requester_email, country, region, jurisdiction,
                            relationship, workspace_reference, company_email, data_scope, route, details, policy_version_id,
                            received_at, due_at, receipt_due_at, gpc_signal, submitted_by, language, updated_at)
      VALUES (${r.id}::uuid, ${r.reference}, ${r.type}::"RequestType", ${r.status}::"RequestStatus", ${r.requesterName},
              ${r.requesterEmail}, ${r.country}, ${r.region}, ${r.jurisdiction}::"Jurisdiction", ${r.relationship}::"Relationship",
              ${r.workspaceReference}, ${r.companyEmail}, ${r.dataScope}::"DataScope", ${r.route}::"RequestRoute",
              ${JSON.stringify(r.details)}::jsonb, ${r.policyVersionId}::uuid, ${r.receivedAt}::timestamp,
              ${r.dueAt}::date, ${r.receiptDueAt}::date, ${r.gpcSignal}, ${r.submittedBy}::"SubmittedBy", ${r.language},
              ${writtenAt}::timestamp)
      RETURNING id
    ),
    event AS (
      INSERT INTO request_events (request_id, at, actor_type, actor_id, action, to_status, visibility, data)
      SELECT id, ${e.at}::timestamp, ${e.actorType}::"ActorType", ${e.actorId ?? null}, ${e.action}, ${e.toStatus ?? null}::"RequestStatus",
             ${e.visibility}::"EventVisibility", ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb
        FROM request
    ),
    token AS (
      INSERT INTO request_tokens (id, request_id, purpose, token_hash, created_at)
      SELECT ${t.id}::uuid, id, 'STATUS', ${t.tokenHash}, ${writtenAt}::timestamp FROM request
    )${challenge}${representative}${email},
    -- Webhook endpoints that want to hear of new requests (lib/webhooks): queued with the request.
    hooks AS (
      INSERT INTO webhook_deliveries (id, endpoint_id, event_type, request_id, payload, status, attempts, next_attempt_at, created_at)
      SELECT gen_random_uuid(), e.id, 'request.created', request.id,
             jsonb_build_object('type', 'request.created', 'timestamp', ${e.at.toISOString()}::text, 'data', jsonb_build_object(
               'requestId', request.id, 'reference', ${r.reference}::text, 'requestType', ${r.type}::text, 'status', ${r.status}::text,
               'dueDate', ${r.dueAt ? r.dueAt.toISOString().slice(0, 10) : null}::text)),
             'PENDING', 0, ${writtenAt}::timestamp, ${writtenAt}::timestamp
        FROM webhook_endpoints e, request
       WHERE e.disabled_at IS NULL AND 'request.created' = ANY(e.events)
    )
    SELECT id::text FROM request`;
}

/** A unique index refused the statement; every unique value in it (the reference above all) is drawn at random. */
export function isUniqueViolation(error: unknown): boolean {
  // A raw query's failure is P2010 with the driver's error attached (SQLSTATE 23505 for this one).
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return cause?.kind === "UniqueConstraintViolation";
}
