import "server-only";
import { readHandling } from "@/lib/organization/handling";
import { z } from "zod";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { describeReferral, OPEN_REFERRAL_STATES } from "@/lib/referrals/state";

// What the customer pages read. Every staff role may read the registry (auditors too): it holds
// business details and contact addresses, no requester's data.

export const CUSTOMERS_PAGE_SIZE = 50;
/** Workspaces the list shows per customer; the customer's page shows them all, up to the next bound. */
export const LIST_WORKSPACES = 10;
export const DETAIL_WORKSPACES = 200;
export const HISTORY_LIMIT = 100;

const isUuid = (value: string | undefined): value is string => z.uuid().safeParse(value).success;

function assertMayRead(viewer: StaffUser): void {
  if (!allows(viewer, "requests.read")) throw new AuthorizationError("FORBIDDEN");
}

export type CustomerListPage = Awaited<ReturnType<typeof listCustomers>>;

/**
 * One page of customers by legal name. Keyset on (legal_name, id), its index: `after` is the id
 * of the last customer of the previous page.
 */
export async function listCustomers(viewer: StaffUser, { after }: { after?: string } = {}) {
  assertMayRead(viewer);
  const from = isUuid(after) ? await db.customer.findUnique({ where: { id: after }, select: { id: true, legalName: true } }) : null;
  const rows = await db.customer.findMany({
    where: from ? { OR: [{ legalName: { gt: from.legalName } }, { legalName: from.legalName, id: { gt: from.id } }] } : undefined,
    orderBy: [{ legalName: "asc" }, { id: "asc" }],
    take: CUSTOMERS_PAGE_SIZE + 1,
    select: {
      id: true,
      legalName: true,
      privacyEmails: true,
      language: true,
      workspaces: { select: { id: true, name: true, slug: true, domains: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: LIST_WORKSPACES },
      _count: { select: { workspaces: true } },
    },
  });
  const customers = rows.slice(0, CUSTOMERS_PAGE_SIZE);
  return { customers, nextCursor: rows.length > CUSTOMERS_PAGE_SIZE ? customers.at(-1)!.id : null, isFirstPage: !from };
}

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

/** A customer with its workspaces (and how many referrals each has) and its newest audit events. */
export async function getCustomer(viewer: StaffUser, customerId: string) {
  assertMayRead(viewer);
  if (!isUuid(customerId)) return null;
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      legalName: true,
      privacyEmails: true,
      language: true,
      dpaReference: true,
      notifyRecipientChanges: true,
      createdAt: true,
      workspaces: {
        select: { id: true, name: true, slug: true, domains: true, _count: { select: { referrals: true } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: DETAIL_WORKSPACES,
      },
      _count: { select: { workspaces: true } },
    },
  });
  if (!customer) return null;
  const events = await db.customerEvent.findMany({
    where: { customerId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT + 1,
    select: { id: true, action: true, actorId: true, data: true, at: true },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId))];
  const actors = await db.staff.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  return {
    ...customer,
    history: events.slice(0, HISTORY_LIMIT).map((e) => ({ id: e.id.toString(), action: e.action, at: e.at, data: e.data, actorEmail: emailOf.get(e.actorId) ?? null })),
    historyTruncated: events.length > HISTORY_LIMIT,
  };
}

/** How many of a customer's open, and of its closed, referrals its page lists. */
export const REFERRALS_SHOWN = 50;

export type CustomerReferral = {
  id: string;
  requestId: string;
  reference: string;
  type: RequestType;
  workspace: string;
  state: string;
  sentAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
};

/**
 * The customer's referrals for its page (issue 13): the open ones, oldest first (the longest
 * waiting on top), and the newest closed ones; REFERRALS_SHOWN of each, with whether more exist.
 */
export async function listCustomerReferrals(viewer: StaffUser, customerId: string) {
  assertMayRead(viewer);
  if (!isUuid(customerId)) return { open: [], closed: [], moreOpen: false, moreClosed: false };
  const select = {
    id: true,
    status: true,
    exportRequestedAt: true,
    exportDeliveredAt: true,
    remindersSent: true,
    sentAt: true,
    acknowledgedAt: true,
    closedAt: true,
    request: { select: { id: true, reference: true, type: true } },
    workspace: { select: { name: true } },
  } as const;
  const [open, closed] = await Promise.all([
    db.referral.findMany({ where: { customerId, status: { in: [...OPEN_REFERRAL_STATES] } }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], take: REFERRALS_SHOWN + 1, select }),
    db.referral.findMany({ where: { customerId, status: { notIn: [...OPEN_REFERRAL_STATES] } }, orderBy: [{ closedAt: "desc" }, { id: "desc" }], take: REFERRALS_SHOWN + 1, select }),
  ]);
  const maxReminders = (await readHandling(db)).referralMaxReminders;
  const row = (r: (typeof open)[number]): CustomerReferral => ({
    id: r.id,
    requestId: r.request.id,
    reference: r.request.reference,
    type: r.request.type,
    workspace: r.workspace.name,
    state: describeReferral(r, maxReminders),
    sentAt: r.sentAt,
    acknowledgedAt: r.acknowledgedAt,
    closedAt: r.closedAt,
  });
  return {
    open: open.slice(0, REFERRALS_SHOWN).map(row),
    closed: closed.slice(0, REFERRALS_SHOWN).map(row),
    moreOpen: open.length > REFERRALS_SHOWN,
    moreClosed: closed.length > REFERRALS_SHOWN,
  };
}
