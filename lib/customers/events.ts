import type { StaffUser } from "@/lib/auth/staff";
import { LANGUAGE_LABELS, type CustomerLanguage } from "@/lib/customers/schema";
import type { Prisma } from "@/lib/generated/prisma/client";

// The customer audit trail: every change to a customer or its workspaces writes one event, in
// the transaction that makes the change, saying which fields changed from what to what. The
// values are business details and contact addresses, never a requester's data.

export type CustomerAction = "customer.created" | "customer.updated" | "workspace.added" | "workspace.updated" | "workspace.removed";

type Value = string | string[] | boolean | null;
export type FieldChange = { from: Value; to: Value };
export type Changes = Record<string, FieldChange>;

/** An empty list and a missing value read the same in the history. */
function normalized(value: Value | undefined): Value {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

/**
 * The fields whose value differs between `before` and `after`: null before means created, null
 * after means removed. Lists compare in order, as they are stored.
 */
export function changedFields(before: Record<string, Value> | null, after: Record<string, Value> | null): Changes {
  const changes: Changes = {};
  for (const key of Object.keys({ ...before, ...after })) {
    const from = normalized(before?.[key]);
    const to = normalized(after?.[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export async function recordCustomerEvent(
  tx: Prisma.TransactionClient,
  event: { customerId: string; actor: StaffUser; action: CustomerAction; changes: Changes; workspace?: { id: string; slug: string } },
): Promise<void> {
  const data = { ...(event.workspace ? { workspaceId: event.workspace.id, workspaceSlug: event.workspace.slug } : {}), changed: event.changes };
  await tx.customerEvent.create({ data: { customerId: event.customerId, actorId: event.actor.id, action: event.action, data } });
}

export const ACTION_LABELS: Record<CustomerAction, string> = {
  "customer.created": "Customer registered",
  "customer.updated": "Customer details changed",
  "workspace.added": "Workspace added",
  "workspace.updated": "Workspace changed",
  "workspace.removed": "Workspace removed",
};

export const FIELD_LABELS: Record<string, string> = {
  legalName: "Legal name",
  privacyEmails: "Privacy contacts",
  language: "Language",
  dpaReference: "DPA reference",
  notifyRecipientChanges: "Emailed when our recipients change",
  name: "Name",
  slug: "Slug",
  domains: "Domains",
};

function formatValue(field: string, value: Value): string {
  if (value === null) return "none";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (field === "language") return LANGUAGE_LABELS[value as CustomerLanguage] ?? value;
  return value;
}

/** An event's data as lines for the history: "Language: English → German (Deutsch)". */
export function describeChanges(data: unknown): string[] {
  const changed = (data as { changed?: Changes } | null)?.changed;
  if (!changed || typeof changed !== "object") return [];
  return Object.entries(changed).map(([field, { from, to }]) => {
    const label = FIELD_LABELS[field] ?? field;
    if (from === null) return `${label}: ${formatValue(field, to)}`;
    return `${label}: ${formatValue(field, from)} → ${formatValue(field, to)}`;
  });
}
