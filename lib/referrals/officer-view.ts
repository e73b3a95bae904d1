import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { ReferralStatus, RequestRoute } from "@/lib/generated/prisma/enums";
import { maskFilename } from "@/lib/packages/display";
import { describeReferral, OPEN_REFERRAL_STATES, referralState, type ReferralState } from "@/lib/referrals/state";
import { withoutControlCharacters } from "@/lib/text/control-characters";

// What the request page shows of where a request went: its referrals, and for a request the
// routing rules could not place, why and which workspaces came close. The caller has checked that
// the viewer may read requests.

const REFERRALS_LIMIT = 20;
const CANDIDATES_LIMIT = 20;
const EXPORTS_LIMIT = 20;

export type OfficerReferral = {
  id: string;
  status: ReferralStatus;
  state: ReferralState;
  /** "awaiting acknowledgement (reminder 1 of 2)" */
  description: string;
  open: boolean;
  customer: { id: string; legalName: string };
  workspace: { name: string; slug: string };
  sentAt: Date;
  acknowledgedAt: Date | null;
  exportRequestedAt: Date | null;
  exportDeliveredAt: Date | null;
  remindersSent: number;
  maxReminders: number;
  nextFollowUpAt: Date | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
  /** The customer's note to the requester; null when there is none or the viewer's role masks it. */
  outcomeNote: string | null;
  hasOutcomeNote: boolean;
  /** Links the customer holds that still open the referral. */
  activeLinks: number;
  /** Workspace exports we sent the customer, oldest first; file names masked like the requester's packages. */
  exports: { id: string; filename: string; size: number; createdAt: Date; expiresAt: Date; purgedAt: Date | null }[];
};

/** A request's referrals, oldest first. */
export async function listReferrals(requestId: string, personalVisible: boolean): Promise<OfficerReferral[]> {
  const maxReminders = (await readHandling(db)).referralMaxReminders;
  const rows = await db.referral.findMany({
    where: { requestId },
    select: {
      id: true,
      status: true,
      sentAt: true,
      acknowledgedAt: true,
      exportRequestedAt: true,
      exportDeliveredAt: true,
      remindersSent: true,
      nextFollowUpAt: true,
      escalatedAt: true,
      closedAt: true,
      outcomeNote: true,
      customer: { select: { id: true, legalName: true } },
      workspace: { select: { name: true, slug: true } },
      _count: { select: { tokens: { where: { revokedAt: null } } } },
      packages: { where: { releasedAt: { not: null } }, select: { id: true, filename: true, size: true, createdAt: true, expiresAt: true, purgedAt: true }, orderBy: { createdAt: "asc" }, take: EXPORTS_LIMIT },
    },
    orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
    take: REFERRALS_LIMIT,
  });
  return rows.map(({ _count, outcomeNote, packages, ...r }) => ({
    ...r,
    state: referralState(r),
    description: describeReferral(r, maxReminders),
    open: OPEN_REFERRAL_STATES.includes(r.status),
    maxReminders,
    // The customer writes to the requester: personal content, masked like the requester's messages.
    outcomeNote: personalVisible ? outcomeNote : null,
    hasOutcomeNote: outcomeNote !== null,
    activeLinks: _count.tokens,
    exports: packages.map((p) => ({ ...p, filename: personalVisible ? p.filename : maskFilename(p.filename) })),
  }));
}

export type WorkspaceOption = { id: string; label: string };

/** "Acme Support Ltd — Acme Help (acme-help)": how the officer picks a workspace. */
export function workspaceLabel(w: { name: string; slug: string; customer: { legalName: string } }): string {
  return `${w.customer.legalName} — ${w.name} (${w.slug})`;
}

const WORKSPACE_OPTION = { id: true, name: true, slug: true, customer: { select: { legalName: true } } } as const;

export type Routing = {
  route: RequestRoute | null;
  /** Why the rules left it to the officer (UNRESOLVED only): no workspace matched, or several did. */
  reason: "UNKNOWN" | "AMBIGUOUS" | null;
  /** The workspaces that matched some of the requester's answers (UNRESOLVED only). */
  candidates: WorkspaceOption[];
};

/** The request's route and, when it needs routing, what the rules found (from its request.routed event). */
export async function routingOf(requestId: string, route: RequestRoute | null): Promise<Routing> {
  if (route !== "UNRESOLVED") return { route, reason: null, candidates: [] };
  const event = await db.requestEvent.findFirst({
    where: { requestId, action: "request.routed" },
    select: { data: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  const data = (event?.data ?? {}) as { reason?: unknown; candidateIds?: unknown };
  const reason = data.reason === "UNKNOWN" || data.reason === "AMBIGUOUS" ? data.reason : null;
  const ids = Array.isArray(data.candidateIds) ? data.candidateIds.filter((id): id is string => typeof id === "string").slice(0, CANDIDATES_LIMIT) : [];
  const candidates = ids.length
    ? await db.workspace.findMany({ where: { id: { in: ids } }, select: WORKSPACE_OPTION, orderBy: { slug: "asc" } })
    : [];
  return { route, reason, candidates: candidates.map((w) => ({ id: w.id, label: workspaceLabel(w) })) };
}

/** Above this many workspaces the route panel asks for a search instead of listing them all. */
export const WORKSPACE_LIST_LIMIT = 200;
const SEARCH_LIMIT = 50;

export type WorkspaceChoices =
  | { kind: "all"; options: WorkspaceOption[] }
  | { kind: "search"; search: string; options: WorkspaceOption[]; more: boolean };

/**
 * The workspaces the officer can route to: every one while there are at most
 * WORKSPACE_LIST_LIMIT, else those whose slug, name or customer's legal name contains `search`
 * (none before a search), at most SEARCH_LIMIT. Ordered by customer, then workspace.
 */
export async function workspaceChoices(viewer: StaffUser, search: string): Promise<WorkspaceChoices> {
  // Only those who may route requests need the list.
  if (!allows(viewer, "requests.act")) throw new AuthorizationError("FORBIDDEN");
  const orderBy = [{ customer: { legalName: "asc" as const } }, { name: "asc" as const }, { id: "asc" as const }];
  const all = await db.workspace.findMany({ select: WORKSPACE_OPTION, orderBy, take: WORKSPACE_LIST_LIMIT + 1 });
  if (all.length <= WORKSPACE_LIST_LIMIT) return { kind: "all", options: all.map((w) => ({ id: w.id, label: workspaceLabel(w) })) };
  // From the URL: control characters (a null byte would fail the query) are dropped.
  const term = withoutControlCharacters(search).trim().slice(0, 100);
  if (!term) return { kind: "search", search: "", options: [], more: false };
  const found = await db.workspace.findMany({
    where: {
      OR: [
        { slug: { contains: term, mode: "insensitive" } },
        { name: { contains: term, mode: "insensitive" } },
        { customer: { legalName: { contains: term, mode: "insensitive" } } },
      ],
    },
    select: WORKSPACE_OPTION,
    orderBy,
    take: SEARCH_LIMIT + 1,
  });
  return {
    kind: "search",
    search: term,
    options: found.slice(0, SEARCH_LIMIT).map((w) => ({ id: w.id, label: workspaceLabel(w) })),
    more: found.length > SEARCH_LIMIT,
  };
}
