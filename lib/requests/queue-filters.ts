import { z } from "zod";
import { hasControlCharacter } from "@/lib/text/control-characters";
import { normalizeEmailAddress } from "@/lib/text/email-address";
import { Jurisdiction, RequestRoute, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { REFERRAL_FILTERS, type ReferralFilter } from "@/lib/referrals/state";

// The officer's queue keeps its whole view in the URL (/admin/requests?status=RECEIVED&due=week),
// so a view can be bookmarked or sent to a colleague. Anyone can edit a URL, so every parameter is
// parsed on its own and a value that makes no sense is dropped, never an error page.
// Pure: the page parses with it, and lib/requests/queue-sql.ts trusts only what it returns.

export const QUEUE_PATH = "/admin/requests";
export const QUEUE_PAGE_SIZE = 50;

export const DUE_FILTERS = ["overdue", "week", "later"] as const;
export const VERIFIED_FILTERS = ["yes", "no"] as const;
export const QUEUE_SORTS = ["due", "received"] as const;

export type DueFilter = (typeof DUE_FILTERS)[number];
export type VerifiedFilter = (typeof VERIFIED_FILTERS)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];
/** "me", "none" (unassigned) or a staff member's id. */
export type AssigneeFilter = "me" | "none" | (string & {});

/** One status, or "open": every request not finished yet, referred ones included (UNFINISHED_STATUSES). */
export type StatusFilter = RequestStatus | "open";

export type QueueFilters = {
  status?: StatusFilter;
  type?: RequestType;
  jurisdiction?: Jurisdiction;
  assignee?: AssigneeFilter;
  due?: DueFilter;
  verified?: VerifiedFilter;
  /** Where the request was routed; UNRESOLVED is "needs routing". */
  route?: RequestRoute;
  /** The state of the request's referral to a customer (lib/referrals/state.ts). */
  referral?: ReferralFilter;
  /** "flagged": possible duplicates the officer has not decided on yet (lib/requests/duplicates.ts). */
  duplicate?: "flagged";
  /** "officer": an identity check the officer must decide on (answers to judge, or a failed check; lib/verification/identity). */
  identity?: "officer";
  /** Made by an authorized agent or a parent for someone else (lib/representation). */
  filed?: "AGENT" | "PARENT";
  /** Received in this calendar month of the operator's time zone ("2026-05"): the overview's bars. */
  received?: string;
  /** Completed or denied in this month ("2026-05"), as the overview's on-time chart counts them. */
  closed?: string;
  /** A reference (upper-case, "DSR-7KQ2-9XMD"), an email address (lower-case), or a fragment of either or of a name. */
  q?: string;
  sort: QueueSort;
  /** Where the page starts: opaque, from encodeCursor; only ever one that fits `sort`. */
  cursor?: string;
};

// Crockford's base32 as lib/requests/reference.ts writes it (no I, L, O, U).
const REFERENCE = /^DSR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export type SearchKind = "reference" | "email" | "text";

/** The shortest fragment searched: shorter ones match too much to help (and trigrams need 3). */
export const MIN_SEARCH_LENGTH = 3;
export const MAX_SEARCH_LENGTH = 254;

/**
 * What a search box value is, once normalised, or null when it is none: a whole reference or a
 * whole email address (matched exactly), else a fragment of at least 3 characters (part of a
 * reference, an address or a name, and names spelt close to it).
 */
export function normalizeSearch(raw: string): { kind: SearchKind; value: string } | null {
  const value = raw.trim().replace(/\s+/g, " ");
  if (value.length < MIN_SEARCH_LENGTH || value.length > MAX_SEARCH_LENGTH) return null;
  if (hasControlCharacter(value)) return null;
  const upper = value.toUpperCase();
  if (REFERENCE.test(upper)) return { kind: "reference", value: upper };
  // Requests store the address in its normal form (lib/text/email-address.ts), so search does too.
  if (value.includes("@")) {
    const email = normalizeEmailAddress(value);
    if (email.ok) return { kind: "email", value: email.email };
  }
  return { kind: "text", value };
}

export function searchKind(q: string): SearchKind {
  if (REFERENCE.test(q)) return "reference";
  return q.includes("@") && normalizeEmailAddress(q).ok ? "email" : "text";
}

// --- Cursor -----------------------------------------------------------------------------------

/**
 * The last row's sort key and id: "2026-12-01" (or "infinity" for no due date) when sorting by
 * due date, the received instant as ISO 8601 when sorting by received date.
 */
export type QueueCursor = { sort: QueueSort; key: string; id: string };

function toBase64Url(text: string): string {
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    return atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
}

export function encodeCursor(cursor: QueueCursor): string {
  return toBase64Url(`${cursor.sort}~${cursor.key}~${cursor.id}`);
}

function validKey(sort: QueueSort, key: string): boolean {
  if (sort === "due") {
    if (key === "infinity") return true;
    const day = new Date(`${key}T00:00:00Z`);
    // Round-tripping refuses "2026-02-30", which Date would quietly roll into March.
    return ISO_DAY.test(key) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(key);
  }
  const instant = new Date(key);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === key;
}

/** The cursor, or null when it is malformed or was made for another sort order. */
export function decodeCursor(cursor: string, sort: QueueSort): QueueCursor | null {
  const parts = fromBase64Url(cursor)?.split("~");
  if (!parts || parts.length !== 3) return null;
  const [cursorSort, key, id] = parts as [string, string, string];
  if (cursorSort !== sort || !validKey(sort, key) || !UUID.test(id)) return null;
  return { sort, key, id };
}

// --- Parsing ----------------------------------------------------------------------------------

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawSearchParams, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

// Each field falls back to "not set" on its own, so one bad value never discards the others.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const QueueParamsSchema = z.object({
  status: optional(z.union([z.enum(RequestStatus), z.literal("open")])),
  type: optional(z.enum(RequestType)),
  jurisdiction: optional(z.enum(Jurisdiction)),
  assignee: optional(z.union([z.literal("me"), z.literal("none"), z.string().toLowerCase().regex(UUID)])),
  due: optional(z.enum(DUE_FILTERS)),
  verified: optional(z.enum(VERIFIED_FILTERS)),
  route: optional(z.enum(RequestRoute)),
  referral: optional(z.enum(REFERRAL_FILTERS)),
  duplicate: optional(z.literal("flagged")),
  identity: optional(z.literal("officer")),
  filed: optional(z.enum(["AGENT", "PARENT"])),
  received: optional(z.string().regex(MONTH)),
  closed: optional(z.string().regex(MONTH)),
  q: optional(
    z.string().transform((raw, ctx) => {
      const search = normalizeSearch(raw);
      if (!search) {
        ctx.addIssue({ code: "custom", message: `Enter at least ${MIN_SEARCH_LENGTH} characters` });
        return z.NEVER;
      }
      return search.value;
    }),
  ),
  sort: z.enum(QUEUE_SORTS).catch("due"),
  cursor: optional(z.string()),
});

const FIELDS = [
  "status",
  "type",
  "jurisdiction",
  "assignee",
  "due",
  "verified",
  "route",
  "referral",
  "duplicate",
  "identity",
  "filed",
  "received",
  "closed",
  "q",
  "sort",
  "cursor",
] as const;

/** The queue's filters from a URL's search parameters; anything invalid is left out. */
export function parseQueueFilters(params: RawSearchParams): QueueFilters {
  const raw: Record<string, string | undefined> = {};
  for (const field of FIELDS) {
    const value = first(params, field);
    // A GET form sends "status=" for "Any status": empty means not set.
    raw[field] = value === "" ? undefined : value;
  }
  const parsed = QueueParamsSchema.parse(raw);
  const filters: QueueFilters = { sort: parsed.sort };
  for (const field of FIELDS) {
    const value = parsed[field];
    if (value !== undefined) (filters as Record<string, unknown>)[field] = value;
  }
  if (filters.cursor !== undefined && !decodeCursor(filters.cursor, filters.sort)) delete filters.cursor;
  return filters;
}

/** Whether any filter or search narrows the queue (sort and page aside). */
export function hasFilters(filters: QueueFilters): boolean {
  return FIELDS.some((field) => field !== "sort" && field !== "cursor" && filters[field] !== undefined);
}

/** Search parameters for a link to this view; defaults are left out so URLs stay short. */
export function toSearchParams(filters: Partial<QueueFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filters[field];
    if (value === undefined || (field === "sort" && value === "due")) continue;
    params.set(field, value);
  }
  return params;
}

/** A link to the queue with these filters ("/admin/requests?status=RECEIVED"). */
export function queueHref(filters: Partial<QueueFilters>): string {
  const query = toSearchParams(filters).toString();
  return query ? `${QUEUE_PATH}?${query}` : QUEUE_PATH;
}
