import type { StaffUser } from "@/lib/auth/staff";
import type { Prisma } from "@/lib/generated/prisma/client";

// The data map's audit trail: every change writes one DataMapEvent in the transaction that makes
// it, naming the changed fields with their values before and after. Secrets never appear: a
// secret change is recorded as "secret.set"/"secret.cleared" without the value.

export type MapAction =
  | "system.created"
  | "system.updated"
  | "system.deleted"
  | "connection.updated"
  | "secret.set"
  | "secret.cleared"
  | "collection.added"
  | "collection.updated"
  | "collection.removed"
  | "field.added"
  | "field.updated"
  | "field.removed"
  | "discover.applied"
  | "map.imported"
  | "test.ran"
  | "settings.auto_run"
  | "settings.erasure_approval"
  | "verification_question.created"
  | "verification_question.activated"
  | "verification_question.deactivated";

type Json = Prisma.InputJsonValue | null;
export type Changes = Record<string, { from: Json; to: Json }>;

function normalized(value: unknown): Json {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return value as Json;
}

/** The keys whose value differs (null before: created; null after: removed). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const changes: Changes = {};
  for (const key of Object.keys({ ...before, ...after })) {
    const from = normalized(before?.[key]);
    const to = normalized(after?.[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export async function recordMapEvent(
  tx: Prisma.TransactionClient,
  event: { systemId: string | null; actor: Pick<StaffUser, "id">; action: MapAction; data?: Record<string, unknown> },
): Promise<void> {
  await tx.dataMapEvent.create({
    data: { systemId: event.systemId, actorId: event.actor.id, action: event.action, data: (event.data ?? {}) as Prisma.InputJsonValue },
  });
}

export const ACTION_LABELS: Record<MapAction, string> = {
  "system.created": "System added",
  "system.updated": "System details changed",
  "system.deleted": "System removed",
  "connection.updated": "Connection settings changed",
  "secret.set": "Secret stored",
  "secret.cleared": "Secret removed",
  "collection.added": "Collection added",
  "collection.updated": "Collection changed",
  "collection.removed": "Collection removed",
  "field.added": "Field added",
  "field.updated": "Field changed",
  "field.removed": "Field removed",
  "discover.applied": "Discovered tables added",
  "map.imported": "Imported from YAML",
  "test.ran": "Connection tested",
  "settings.auto_run": "Automatic runs changed",
  "settings.erasure_approval": "Second approval of erasures changed",
  "verification_question.created": "Verification question added",
  "verification_question.activated": "Verification question brought back",
  "verification_question.deactivated": "Verification question retired",
};

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(", ") : "none";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** An event's data as lines for the history: "ownerEmail: a@x.example → b@x.example", "collection: users". */
export function describeEvent(data: unknown): string[] {
  if (!data || typeof data !== "object") return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === "changed" && value && typeof value === "object") {
      for (const [field, change] of Object.entries(value as Changes)) {
        lines.push(change.from === null ? `${field}: ${formatValue(change.to)}` : `${field}: ${formatValue(change.from)} → ${formatValue(change.to)}`);
      }
    } else lines.push(`${key}: ${formatValue(value)}`);
  }
  return lines;
}
