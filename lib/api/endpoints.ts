import { LOCALES } from "@/lib/i18n/locales";
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { ApiInputError, endpoint, type Endpoint } from "@/lib/api/define";
import {
  CreatedRequestSchema,
  CustomerListSchema,
  CustomerViewSchema,
  RecordSchema,
  RequestListSchema,
  RequestViewSchema,
  RunViewSchema,
  WorkspaceViewSchema,
  requestSummary,
  requestView,
  runViewOf,
} from "@/lib/api/views";
import type { StaffUser } from "@/lib/auth/staff";
import { createCustomer, updateCustomer } from "@/lib/customers/customers";
import { getCustomer, listCustomers } from "@/lib/customers/queries";
import { CustomerSchema, MAX_DOMAINS, WorkspaceSchema } from "@/lib/customers/schema";
import { addWorkspace, removeWorkspace, updateWorkspace } from "@/lib/customers/workspaces";
import { IDENTITY_TYPES } from "@/lib/datamap/types";
import { db } from "@/lib/db";
import { Jurisdiction, RequestRoute, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { runView } from "@/lib/fulfillment/view";
import { rerouteRequest } from "@/lib/referrals/officer";
import { RouteTargetSchema } from "@/lib/referrals/officer-schema";
import { REFERRAL_FILTERS } from "@/lib/referrals/state";
import { recordEvent } from "@/lib/requests/events";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { askForInformation } from "@/lib/requests/handling/ask-for-information";
import { attachDataPackage, completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { exportRequestRecord, getRequestDetail } from "@/lib/requests/handling/detail";
import { extendDeadline } from "@/lib/requests/handling/extend";
import { assignRequest } from "@/lib/requests/handling/assign";
import { addNote } from "@/lib/requests/handling/notes";
import { CompleteInputSchema, DenyInputSchema, MessageInputSchema, NoteInputSchema, ReasonInputSchema } from "@/lib/requests/handling/schema";
import { MAX_PACKAGE_BYTES } from "@/lib/requests/lifecycle";
import { queryQueue } from "@/lib/requests/queue";
import { decodeCursor, DUE_FILTERS, MIN_SEARCH_LENGTH, normalizeSearch, parseQueueFilters, QUEUE_SORTS, VERIFIED_FILTERS } from "@/lib/requests/queue-filters";
import { submitRequest } from "@/lib/requests/submit";
import { getSubmissionContext } from "@/lib/requests/submission-context";

// The API's endpoints: each one calls the same domain functions as the dashboard's actions, under
// the same lifecycle rules, as the key's staff row (lib/api/keys.ts), so the audit trail names the
// key like a staff member. Inputs are the dashboard's own schemas; answers are lib/api/views.ts.

const IdParams = z.object({ id: z.uuid({ error: "Unknown id" }) });

/** Parses with one of the dashboard's schemas, answering its messages per field. */
function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiInputError(fieldErrorsFrom(parsed.error));
  return parsed.data;
}

async function readRequest(id: string, staff: StaffUser, now: Date) {
  const detail = await getRequestDetail(id, staff, now);
  if (!detail) throw new DomainError("NOT_FOUND", "There is no request with this id.");
  const { org } = await getSubmissionContext(db);
  return requestView(detail, org.timeZone);
}

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** The queue's filters, refused when wrong rather than left out as the dashboard's URL does. */
const ListQuery = z.object({
  status: z.union([z.enum(RequestStatus), z.literal("open")], { error: "Use a status, or open" }).optional(),
  type: z.enum(RequestType, { error: "Use a request type" }).optional(),
  jurisdiction: z.enum(Jurisdiction, { error: "Use a jurisdiction" }).optional(),
  assignee: z.union([z.literal("none"), z.uuid()], { error: "Use none or a staff id" }).optional(),
  due: z.enum(DUE_FILTERS, { error: "Use overdue, week or later" }).optional(),
  verified: z.enum(VERIFIED_FILTERS, { error: "Use yes or no" }).optional(),
  route: z.enum(RequestRoute, { error: "Use a route" }).optional(),
  referral: z.enum(REFERRAL_FILTERS, { error: "Use a referral state" }).optional(),
  duplicate: z.literal("flagged", { error: "Use flagged" }).optional(),
  identity: z.literal("officer", { error: "Use officer" }).optional(),
  filed: z.enum(["AGENT", "PARENT"], { error: "Use AGENT or PARENT" }).optional(),
  received: z.string().regex(MONTH, "Use a month as YYYY-MM").optional(),
  closed: z.string().regex(MONTH, "Use a month as YYYY-MM").optional(),
  q: z
    .string()
    .refine((q) => normalizeSearch(q) !== null, `Search for a reference, an email address, or at least ${MIN_SEARCH_LENGTH} characters of a name`)
    .optional()
    .describe("A reference, an email address (needs requests:personal), or a fragment of a name"),
  sort: z.enum(QUEUE_SORTS, { error: "Use due or received" }).default("due"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page, with the same sort"),
});

const CreateBody = z
  .looseObject({
    verified: z
      .boolean({ error: "verified is true or false" })
      .optional()
      .describe("The channel knows the person (a signed-in account): verify now, send no email code. Needs requests:verify."),
    language: z
      .enum(LOCALES, { error: `language is one of ${LOCALES.join(", ")}` })
      .optional()
      .describe("The language the person wrote in: their emails and status page use it. English when left out."),
  })
  .describe("The request form's fields (below), plus verified");

const RouteBody = RouteTargetSchema;

const RunBody = z.object({
  identities: z
    .array(z.object({ type: z.enum(IDENTITY_TYPES, { error: "Use email, phone_number or account_id" }), value: z.string().trim().min(1).max(320) }))
    .max(5, "Give at most 5 identities")
    .default([])
    .describe("More identifiers of the person than the verified email, which is always searched"),
});

const CustomerListQuery = z.object({ cursor: z.uuid({ error: "Use nextCursor of the previous page" }).optional() });

const ApiWorkspaceBody = z.object({
  name: z.string({ error: "Enter the workspace name" }),
  slug: z.string({ error: "Enter a slug" }),
  domains: z.array(z.string().max(300), { error: "List host names" }).max(MAX_DOMAINS, `Enter at most ${MAX_DOMAINS} domains`).default([]),
});

const PackageQuery = z.object({
  filename: z
    .string({ error: "Name the file" })
    .trim()
    .min(1, "Name the file")
    .max(200, "Keep the file name under 200 characters")
    .describe("The name the requester downloads it under"),
});

/** The dashboard's workspace schema checks the API's body, whose domains are a list rather than the form's lines. */
function workspaceValues(body: z.output<typeof ApiWorkspaceBody>) {
  return validate(WorkspaceSchema, { ...body, domains: body.domains.join("\n") });
}

function workspaceView(id: string) {
  return db.workspace.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, slug: true, domains: true } });
}

/** Read back directly after a write: writing does not need the read scope. */
async function customerAfterWrite(id: string) {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      legalName: true,
      privacyEmails: true,
      language: true,
      workspaces: { select: { id: true, name: true, slug: true, domains: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 200 },
      _count: { select: { workspaces: true } },
    },
  });
  return customerView(customer);
}

function customerView(c: { id: string; legalName: string; privacyEmails: string[]; language: string; workspaces: { id: string; name: string; slug: string; domains: string[] }[]; _count: { workspaces: number } }) {
  return {
    id: c.id,
    legalName: c.legalName,
    privacyEmails: c.privacyEmails,
    language: c.language,
    workspaceCount: c._count.workspaces,
    workspaces: c.workspaces.map((w) => ({ id: w.id, name: w.name, slug: w.slug, domains: w.domains })),
  };
}

const REQUEST_ERRORS = ["NOT_FOUND", "INVALID_TRANSITION"] as const;


/** A staff action on one request: done under the dashboard's rules, answered with the request afterwards. */
function requestAction<B extends z.ZodType = z.ZodType<undefined>>(def: {
  operationId: string;
  action: string;
  summary: string;
  description: string;
  body?: B;
  errors: readonly string[];
  run: (requestId: string, body: z.output<B>, staff: StaffUser, now: Date) => Promise<unknown>;
}): Endpoint {
  return endpoint({
    operationId: def.operationId,
    method: "POST",
    path: `/requests/{id}/${def.action}`,
    tag: "Actions",
    summary: def.summary,
    description: def.description,
    scopes: ["requests:write", "requests:read"],
    params: IdParams,
    body: def.body,
    response: { status: 200, description: "The request afterwards", schema: RequestViewSchema },
    errors: [...REQUEST_ERRORS, ...def.errors],
    async handle({ params, body, principal, now }) {
      await def.run(params.id, body as z.output<B>, principal.staff, now);
      return { body: await readRequest(params.id, principal.staff, now) };
    },
  });
}

export const ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    operationId: "createRequest",
    method: "POST",
    path: "/requests",
    tag: "Requests",
    summary: "File a request on behalf of a channel",
    description:
      "What a person asked a helpdesk or a chat for, filed as if they had used the form. The person is emailed a code to confirm their address, as from the form, unless `verified` is true and the key holds requests:verify: the request is then verified under the key's name. Requests for someone else (agents, parents) are made on the form, which collects their proof.",
    scopes: ["requests:write"],
    body: CreateBody,
    bodyDoc: "request-form",
    response: { status: 201, description: "Filed", schema: CreatedRequestSchema },
    errors: ["RATE_LIMITED", "SENDER_BLOCKED"],
    async handle({ body, principal, now }) {
      const { verified, language, ...fields } = body;
      if (verified && !principal.scopes.includes("requests:verify")) {
        throw new DomainError("FORBIDDEN", "This key may not vouch for identity: it lacks the scope requests:verify. File without verified, and the person confirms their address by email.");
      }
      if (fields.submittedBy !== undefined && fields.submittedBy !== "SELF") {
        throw new ApiInputError({ submittedBy: "The API files requests for the person they are about. An agent or a parent uses the form, which collects their proof." });
      }
      if ("representative" in fields) throw new ApiInputError({ representative: "The API files requests for the person they are about. An agent or a parent uses the form." });
      const result = await submitRequest(fields, { ip: null, now, channel: { staffId: principal.staff.id, name: principal.keyName, vouched: verified === true },
        language,
      });
      if (!result.ok) {
        if (result.fieldErrors) throw new ApiInputError(result.fieldErrors);
        throw new DomainError(result.code ?? "INTERNAL", result.formError ?? "The request was not filed.");
      }
      const stored = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId }, select: { id: true, reference: true, status: true } });
      return { status: 201, subjectId: stored.id, body: { ...stored, verificationRequired: result.data.verificationRequired } };
    },
  }),
  endpoint({
    operationId: "listRequests",
    method: "GET",
    path: "/requests",
    tag: "Requests",
    summary: "List requests with the queue's filters",
    description: "50 a page, by due date (or by receipt with sort=received). Follow nextCursor for the next page. An email search needs requests:personal.",
    scopes: ["requests:read"],
    query: ListQuery,
    response: { status: 200, description: "One page", schema: RequestListSchema },
    errors: [],
    async handle({ query, principal, now }) {
      if (query.cursor !== undefined && !decodeCursor(query.cursor, query.sort)) throw new ApiInputError({ cursor: "Use nextCursor of the previous page, with the same sort" });
      const filters = parseQueueFilters(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])));
      if (filters.q && normalizeSearch(filters.q)?.kind === "email" && !principal.scopes.includes("requests:personal")) {
        throw new DomainError("FORBIDDEN", "Searching by email address needs the scope requests:personal.");
      }
      const page = await queryQueue(filters, principal.staff, now);
      return { body: { data: page.rows.map(requestSummary), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: "getRequest",
    method: "GET",
    path: "/requests/{id}",
    tag: "Requests",
    summary: "Read a request and its public timeline",
    description: "Personal fields (name, address, what the person wrote) are masked unless the key holds requests:personal.",
    scopes: ["requests:read"],
    params: IdParams,
    response: { status: 200, description: "The request", schema: RequestViewSchema },
    errors: ["NOT_FOUND"],
    handle: async ({ params, principal, now }) => ({ body: await readRequest(params.id, principal.staff, now) }),
  }),
  requestAction({
    operationId: "acknowledgeRequest",
    action: "acknowledge",
    summary: "Acknowledge: work starts",
    description: "RECEIVED → IN_PROGRESS, on the requester's timeline.",
    errors: [],
    run: (id, _body, staff, now) => acknowledgeRequest(id, staff, now),
  }),
  requestAction({
    operationId: "addNote",
    action: "notes",
    summary: "Add an internal note",
    description: "On the request's internal timeline under the key's name (a ticket's number, what the helpdesk knows); never shown to the requester. Allowed in every status.",
    body: NoteInputSchema,
    errors: [],
    run: (id, body, staff, now) => addNote(id, body, staff, now),
  }),
  requestAction({
    operationId: "assignRequest",
    action: "assignee",
    summary: "Assign to a staff member, or take the assignment back",
    description: "`assigneeId`: an active admin or privacy officer's id, or null. Internal: the requester is not told who handles their request. Open requests only.",
    body: z.object({ assigneeId: z.uuid({ error: "Give a staff member's id, or null" }).nullable() }),
    errors: ["ASSIGNEE_INVALID"],
    run: (id, body, staff, now) => assignRequest(id, body.assigneeId, staff, now),
  }),
  requestAction({
    operationId: "askForInformation",
    action: "questions",
    summary: "Ask the requester for information",
    description: "→ AWAITING_REQUESTER. The requester is emailed the question with a link to answer on their status page; the deadline keeps running.",
    body: MessageInputSchema,
    errors: [],
    run: (id, body, staff, now) => askForInformation(id, body, staff, now),
  }),
  requestAction({
    operationId: "extendDeadline",
    action: "extend",
    summary: "Extend the deadline once, where the law allows",
    description: "The requester is emailed the new date and the reason.",
    body: ReasonInputSchema,
    errors: ["EXTENSION_ALREADY_USED", "EXTENSION_NOT_ALLOWED", "EXTENSION_TOO_LATE"],
    run: (id, body, staff, now) => extendDeadline(id, body, staff, now),
  }),
  requestAction({
    operationId: "denyRequest",
    action: "deny",
    summary: "Deny, with the basis and the reason",
    description: "→ DENIED. The requester is emailed the reason, how to appeal where the law offers it, and the regulator to complain to.",
    body: DenyInputSchema,
    errors: [],
    run: (id, body, staff, now) => denyRequest(id, body, staff, now),
  }),
  endpoint({
    operationId: "attachPackage",
    method: "POST",
    path: "/requests/{id}/package",
    tag: "Actions",
    summary: "Attach the data package of an access or export request",
    description: "The file is the body (up to 10 MB), its type the Content-Type. Stored encrypted; the requester can download it once the request is completed.",
    scopes: ["requests:write", "requests:read"],
    params: IdParams,
    query: PackageQuery,
    body: "binary",
    maxBytes: MAX_PACKAGE_BYTES,
    response: { status: 201, description: "Attached", schema: z.object({ packageId: z.uuid() }) },
    errors: [...REQUEST_ERRORS, "PACKAGE_NOT_APPLICABLE", "PACKAGE_EMPTY", "PACKAGE_TOO_LARGE"],
    async handle({ params, query, body, principal, now, raw }) {
      if (body.byteLength === 0) throw new DomainError("PACKAGE_EMPTY", "The file is empty.");
      const contentType = raw.headers.get("content-type") ?? "application/octet-stream";
      const { packageId } = await attachDataPackage(params.id, { filename: query.filename, contentType, bytes: body }, principal.staff, now);
      return { status: 201, body: { packageId } };
    },
  }),
  requestAction({
    operationId: "completeRequest",
    action: "complete",
    summary: "Complete, with a written answer or the attached package",
    description: "→ COMPLETED. An access or export request needs a package or a written outcome; every other type needs the outcome. The requester is emailed.",
    body: CompleteInputSchema,
    errors: ["PACKAGE_REQUIRED", "OUTCOME_REQUIRED", "RUN_ACTIVE", "REFERRAL_OPEN"],
    run: (id, body, staff, now) => completeRequest(id, body, staff, now),
  }),
  requestAction({
    operationId: "routeRequest",
    action: "route",
    summary: "Route: to the privacy team, or to the customer whose workspace holds the data",
    description: "As the officer routes a request the rules could not: a referral email goes to the customer's privacy contacts.",
    body: RouteBody,
    errors: ["ROUTE_TARGET_INVALID", "REFERRAL_OPEN"],
    run: (id, body, staff, now) => rerouteRequest(id, body, staff, now),
  }),
  endpoint({
    operationId: "exportRecord",
    method: "GET",
    path: "/requests/{id}/record",
    tag: "Records",
    summary: "The request's record (11 CCR §7101)",
    description: "Every event of the request with its data, as an admin exports it for a regulator. The export itself is recorded.",
    scopes: ["records:export"],
    params: IdParams,
    response: { status: 200, description: "The record", schema: RecordSchema },
    errors: ["NOT_FOUND"],
    async handle({ params, principal, now }) {
      const { record } = await exportRequestRecord(params.id, now);
      await recordEvent(db, { requestId: params.id, actorType: "STAFF", actorId: principal.staff.id, action: "record.exported", visibility: "INTERNAL", data: { format: "json" }, at: now });
      return { body: record };
    },
  }),
  endpoint({
    operationId: "startRun",
    method: "POST",
    path: "/requests/{id}/runs",
    tag: "Runs",
    summary: "Find, export or erase the person's data in the connected systems",
    description: "Plans a run from the data map for the request's type and starts it at once. Read its progress with getRun.",
    scopes: ["runs:write", "requests:read"],
    params: IdParams,
    body: RunBody,
    response: { status: 202, description: "Started", schema: RunViewSchema },
    errors: ["RUN_NOT_FOUND", "RUN_NOT_ALLOWED", "RUN_ACTIVE", "IDENTITY_NOT_CONFIRMED", "RUN_NOTHING_TO_SEARCH"],
    async handle({ params, body, principal }) {
      const { runId } = await planRun(db, { requestId: params.id, identities: body.identities, staffId: principal.staff.id });
      await startRun(db, runId, principal.staff.id);
      const view = await runView(db, params.id);
      return { status: 202, body: runViewOf(view!) };
    },
  }),
  endpoint({
    operationId: "getRun",
    method: "GET",
    path: "/requests/{id}/run",
    tag: "Runs",
    summary: "The request's latest run and each system's progress",
    description: "",
    scopes: ["requests:read"],
    params: IdParams,
    response: { status: 200, description: "The run", schema: RunViewSchema },
    errors: ["NOT_FOUND"],
    async handle({ params }) {
      const view = await runView(db, params.id);
      if (!view) throw new DomainError("NOT_FOUND", "This request has had no run.");
      return { body: runViewOf(view) };
    },
  }),
  endpoint({
    operationId: "listCustomers",
    method: "GET",
    path: "/customers",
    tag: "Customers",
    summary: "List customers by legal name",
    description: "50 a page, each with its first 10 workspaces. Follow nextCursor for the next page.",
    scopes: ["customers:read"],
    query: CustomerListQuery,
    response: { status: 200, description: "One page", schema: CustomerListSchema },
    errors: [],
    async handle({ query, principal }) {
      const page = await listCustomers(principal.staff, { after: query.cursor });
      return { body: { data: page.customers.map(customerView), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: "getCustomer",
    method: "GET",
    path: "/customers/{id}",
    tag: "Customers",
    summary: "Read a customer and its workspaces",
    description: "",
    scopes: ["customers:read"],
    params: IdParams,
    response: { status: 200, description: "The customer", schema: CustomerViewSchema },
    errors: ["NOT_FOUND"],
    async handle({ params, principal }) {
      const customer = await getCustomer(principal.staff, params.id);
      if (!customer) throw new DomainError("NOT_FOUND", "There is no customer with this id.");
      return { body: customerView(customer) };
    },
  }),
  endpoint({
    operationId: "createCustomer",
    method: "POST",
    path: "/customers",
    tag: "Customers",
    summary: "Register a customer",
    description: "A customer controls the data in its workspaces: requests about it are referred to its privacy contacts.",
    scopes: ["customers:write"],
    body: CustomerSchema,
    response: { status: 201, description: "Registered", schema: CustomerViewSchema },
    errors: ["CUSTOMER_EXISTS"],
    async handle({ body, principal }) {
      const { id } = await createCustomer(body, principal.staff);
      return { status: 201, subjectId: id, body: await customerAfterWrite(id) };
    },
  }),
  endpoint({
    operationId: "addWorkspace",
    method: "POST",
    path: "/customers/{id}/workspaces",
    tag: "Customers",
    summary: "Add a workspace to a customer",
    description: "Its slug and domains are what routing matches a request against.",
    scopes: ["customers:write"],
    params: IdParams,
    body: ApiWorkspaceBody,
    response: { status: 201, description: "Added", schema: WorkspaceViewSchema },
    errors: ["CUSTOMER_NOT_FOUND", "SLUG_TAKEN", "DOMAIN_TAKEN"],
    async handle({ params, body, principal }) {
      const { id } = await addWorkspace(params.id, workspaceValues(body), principal.staff);
      return { status: 201, body: await workspaceView(id) };
    },
  }),
  endpoint({
    operationId: "updateCustomer",
    method: "PUT",
    path: "/customers/{id}",
    tag: "Customers",
    summary: "Change a customer's details",
    description: "Every field, as on registration. Each change is kept in the customer's history.",
    scopes: ["customers:write"],
    params: IdParams,
    body: CustomerSchema,
    response: { status: 200, description: "The customer afterwards", schema: CustomerViewSchema },
    errors: ["CUSTOMER_NOT_FOUND", "CUSTOMER_EXISTS"],
    async handle({ params, body, principal }) {
      await updateCustomer(params.id, body, principal.staff);
      return { body: await customerAfterWrite(params.id) };
    },
  }),
  endpoint({
    operationId: "updateWorkspace",
    method: "PUT",
    path: "/workspaces/{id}",
    tag: "Customers",
    summary: "Change a workspace's name, slug or domains",
    description: "",
    scopes: ["customers:write"],
    params: IdParams,
    body: ApiWorkspaceBody,
    response: { status: 200, description: "The workspace afterwards", schema: WorkspaceViewSchema },
    errors: ["WORKSPACE_NOT_FOUND", "SLUG_TAKEN", "DOMAIN_TAKEN"],
    async handle({ params, body, principal }) {
      await updateWorkspace(params.id, workspaceValues(body), principal.staff);
      return { body: await workspaceView(params.id) };
    },
  }),
  endpoint({
    operationId: "removeWorkspace",
    method: "DELETE",
    path: "/workspaces/{id}",
    tag: "Customers",
    summary: "Remove a workspace no request was referred through",
    description: "One that has referrals stays, as their record; change its domains instead.",
    scopes: ["customers:write"],
    params: IdParams,
    response: { status: 200, description: "Removed", schema: z.object({ removed: z.literal(true), customerId: z.uuid() }) },
    errors: ["WORKSPACE_NOT_FOUND", "WORKSPACE_HAS_REFERRALS"],
    async handle({ params, principal }) {
      const { customerId } = await removeWorkspace(params.id, principal.staff);
      return { body: { removed: true, customerId } };
    },
  }),
];
