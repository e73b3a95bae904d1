import type { ReferralStatus, RequestRoute } from "@/lib/generated/prisma/enums";

// How staff read a request's route and a referral's progress: the queue's column and filters and
// the request page use the same words. Pure, so the queue SQL and the labels cannot disagree on
// what "acknowledged" or "closed" means (lib/requests/queue-sql.ts builds its filters from these).

export const ROUTE_LABELS: Record<RequestRoute, string> = {
  OPERATOR: "Privacy team",
  CUSTOMER: "Customer",
  SPLIT: "Split (customer and privacy team)",
  UNRESOLVED: "Needs routing",
};

/** What the officer filters by. An open referral is in exactly one of the first four. */
export const REFERRAL_FILTERS = ["awaiting", "acknowledged", "export", "escalated", "closed"] as const;
export type ReferralFilter = (typeof REFERRAL_FILTERS)[number];

export const REFERRAL_FILTER_LABELS: Record<ReferralFilter, string> = {
  awaiting: "Awaiting acknowledgement",
  acknowledged: "Acknowledged",
  export: "Export requested",
  escalated: "Escalated (customer silent)",
  closed: "Closed",
};

export type ReferralFacts = {
  status: ReferralStatus;
  exportRequestedAt: Date | null;
  exportDeliveredAt: Date | null;
  remindersSent: number;
};

export type ReferralState = "awaiting" | "acknowledged" | "export" | "escalated" | "completed" | "refused" | "withdrawn";

/**
 * A referral's state as staff see it. An export request is a state of its own because it asks
 * something of us; once escalated, the referral is ours to chase whatever the customer did late.
 */
export function referralState(facts: Pick<ReferralFacts, "status" | "exportRequestedAt" | "exportDeliveredAt">): ReferralState {
  const { status } = facts;
  switch (status) {
    case "SENT":
      return "awaiting";
    case "ACKNOWLEDGED":
      return exportPending(facts) ? "export" : "acknowledged";
    case "ESCALATED":
      return "escalated";
    case "COMPLETED":
      return "completed";
    case "REFUSED":
      return "refused";
    case "WITHDRAWN":
      return "withdrawn";
  }
}

const STATE_LABELS: Record<ReferralState, string> = {
  awaiting: "awaiting acknowledgement",
  acknowledged: "acknowledged",
  export: "acknowledged, export requested",
  escalated: "escalated",
  completed: "completed by customer",
  refused: "refused by customer",
  withdrawn: "withdrawn",
};

/** "awaiting acknowledgement (reminder 1 of 2)", "acknowledged", "completed by customer"... */
export function describeReferral(facts: ReferralFacts, maxReminders: number): string {
  const state = referralState(facts);
  const label = STATE_LABELS[state];
  return state === "awaiting" && facts.remindersSent > 0 ? `${label} (reminder ${facts.remindersSent} of ${maxReminders})` : label;
}

/**
 * Which referrals each filter matches, for the queue's SQL. The open ones are matched on the
 * request's open referral (there is at most one: a new referral is only made once the open one is
 * withdrawn); "closed" means the request had referrals and none is open any more.
 */
export const REFERRAL_FILTER_MATCH: Record<ReferralFilter, { statuses: readonly ReferralStatus[]; exportPending?: boolean }> = {
  awaiting: { statuses: ["SENT"] },
  acknowledged: { statuses: ["ACKNOWLEDGED"], exportPending: false },
  export: { statuses: ["ACKNOWLEDGED"], exportPending: true },
  escalated: { statuses: ["ESCALATED"] },
  closed: { statuses: ["COMPLETED", "REFUSED", "WITHDRAWN"] },
};

/**
 * The customer asked for an export that we have not sent since. The queue's SQL says the same
 * with EXPORT_PENDING_SQL.
 */
export function exportPending({ exportRequestedAt, exportDeliveredAt }: Pick<ReferralFacts, "exportRequestedAt" | "exportDeliveredAt">): boolean {
  return exportRequestedAt !== null && (exportDeliveredAt === null || exportDeliveredAt < exportRequestedAt);
}

export const EXPORT_PENDING_SQL = `(f."export_requested_at" IS NOT NULL AND (f."export_delivered_at" IS NULL OR f."export_delivered_at" < f."export_requested_at"))`;

/** Referrals the customer (or, escalated, our team) still has to answer. */
export const OPEN_REFERRAL_STATES: readonly ReferralStatus[] = ["SENT", "ACKNOWLEDGED", "ESCALATED"];

/** The filter a referral in this state answers to. */
export function referralFilterOf(state: ReferralState): ReferralFilter {
  return state === "completed" || state === "refused" || state === "withdrawn" ? "closed" : state;
}
