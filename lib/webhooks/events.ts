import type { RequestStatus } from "@/lib/generated/prisma/enums";

/** What an endpoint may subscribe to. Each delivery carries ids and states, never personal data unless the endpoint opts in. */
export const WEBHOOK_EVENTS = [
  "request.created",
  "request.verified",
  "request.status_changed",
  "request.deadline_near",
  "request.completed",
  "referral.changed",
  "run.finished",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "request.created": "A request was filed (form or API)",
  "request.verified": "A request was verified: its clock runs",
  "request.status_changed": "A request's status changed",
  "request.deadline_near": "A request's deadline is 3 days away or less",
  "request.completed": "A request was completed",
  "referral.changed": "A referral to a customer changed state",
  "run.finished": "A data run finished, failed or was cancelled",
};

/** How far ahead of its deadline an open request is announced as near. */
export const DEADLINE_NEAR_DAYS = 3;

// Audit actions (lib/requests/events.ts) that change a referral's state (lib/referrals/state.ts).
const REFERRAL_ACTIONS: Record<string, string> = {
  "referral.sent": "awaiting",
  "referral.acknowledged": "acknowledged",
  "referral.export_requested": "export",
  "referral.export_delivered": "export",
  "referral.escalated": "escalated",
  "referral.completed": "completed",
  "referral.refused": "refused",
  "referral.withdrawn": "withdrawn",
  "referral.taken_over": "withdrawn",
};

const RUN_OUTCOMES: Record<string, string> = {
  "run.finished": "searched",
  "run.erased": "erased",
  "run.erasure_failed": "failed",
  "run.assembly_failed": "failed",
  "run.cancelled": "cancelled",
};

export type WebhookCause = { type: WebhookEvent; data: Record<string, unknown> };

/**
 * The webhook events an audit event causes, with what each adds to the request's ids and state.
 * Only ids, states and codes: an event's own data can quote a person (a reason, a note) and is
 * never copied whole.
 */
export function webhookEventsFor(event: { action: string; fromStatus?: RequestStatus | null; toStatus?: RequestStatus | null; data?: unknown }): WebhookCause[] {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const causes: WebhookCause[] = [];
  if (event.toStatus && event.fromStatus && event.toStatus !== event.fromStatus) {
    causes.push({ type: "request.status_changed", data: { fromStatus: event.fromStatus, action: event.action } });
  }
  if (event.action === "request.verified") causes.push({ type: "request.verified", data: {} });
  if (event.action === "request.completed") causes.push({ type: "request.completed", data: {} });
  const state = REFERRAL_ACTIONS[event.action];
  if (state) causes.push({ type: "referral.changed", data: { referralId: typeof d.referralId === "string" ? d.referralId : null, state, action: event.action } });
  const outcome = RUN_OUTCOMES[event.action];
  if (outcome) causes.push({ type: "run.finished", data: { runId: typeof d.runId === "string" ? d.runId : null, outcome, action: event.action } });
  return causes;
}
