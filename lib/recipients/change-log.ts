// Who receives data: the data map's third-party systems, and how that list changed. Pure: the
// write path asks `recipientChange` whether a save changes the list (to tell subscribed
// customers), and the public page derives its change log from the map's audit events with
// `deriveChangeLog`. No database, no staff: nothing here names who made a change.

/** What of a system the list of recipients shows. */
export type RecipientState = { name: string; purpose: string; thirdParty: boolean; country: string | null };

export const RECIPIENT_FIELDS = ["name", "purpose", "country"] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];
export type FieldChange = { field: RecipientField; from: string | null; to: string | null };

/** A change to the list: a third party added or removed, or one whose listed details changed. */
export type RecipientChange = {
  kind: "added" | "removed" | "changed";
  /** As listed after the change (for "removed": as it was listed). */
  name: string;
  purpose: string;
  country: string | null;
  /** For "changed": what changed, in RECIPIENT_FIELDS order. */
  changes: FieldChange[];
};

export type ChangeLogEntry = RecipientChange & { id: string; at: Date };

/** How the list of recipients differs between a system's state before and after (null: absent). */
export function recipientChange(before: RecipientState | null, after: RecipientState | null): RecipientChange | null {
  const was = before?.thirdParty === true;
  const is = after?.thirdParty === true;
  if (!was && is) return { kind: "added", ...listed(after!), changes: [] };
  if (was && !is) return { kind: "removed", ...listed(before!), changes: [] };
  if (!was || !is) return null;
  const changes = RECIPIENT_FIELDS.flatMap((field): FieldChange[] => {
    const from = before![field] || null;
    const to = after![field] || null;
    return from === to ? [] : [{ field, from, to }];
  });
  return changes.length ? { kind: "changed", ...listed(after!), changes } : null;
}

function listed(state: RecipientState): Pick<RecipientChange, "name" | "purpose" | "country"> {
  return { name: state.name, purpose: state.purpose, country: state.country || null };
}

/** A DataMapEvent as the change log reads it. */
export type MapEventRow = { id: string; systemId: string | null; action: string; data: unknown; at: Date };

/** The actions that can change a system's name, purpose, country or third-party flag. */
export const RECIPIENT_ACTIONS = ["system.created", "system.seeded", "system.updated", "system.deleted", "map.imported"] as const;

type Changed = Record<string, { from: unknown; to: unknown } | undefined>;

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/**
 * The change log, newest first, from the map's events `events` (newest first, a window that
 * reaches back from now without gaps, of the RECIPIENT_ACTIONS) and the systems as they are now
 * (`current`, by id). Walking back from now, each event's recorded "from" values give the
 * system's state before it, so an edit of a third party's purpose is known to concern a third
 * party even though the event names only the purpose. A removal carries its own last state.
 */
export function deriveChangeLog(current: ReadonlyMap<string, RecipientState>, events: readonly MapEventRow[], limit = 100): ChangeLogEntry[] {
  const state = new Map(current);
  const entries: ChangeLogEntry[] = [];
  for (const event of events) {
    if (entries.length >= limit) break;
    if (!event.systemId) continue;
    const data = (event.data ?? {}) as Record<string, unknown>;
    const after = state.get(event.systemId) ?? null;
    let before: RecipientState | null;
    if (event.action === "system.deleted") {
      // Older removals recorded no flag: they read as not a third party.
      if (after) continue; // an id never comes back: a stray event changes nothing
      before = { name: text(data.name) ?? "", purpose: text(data.purpose) ?? "", thirdParty: data.thirdParty === true, country: text(data.country) };
    } else if (event.action === "system.created" || event.action === "system.seeded" || (event.action === "map.imported" && data.created === true)) {
      before = null;
    } else if (event.action === "system.updated" || event.action === "map.imported") {
      if (!after) continue;
      before = reverse(after, (data.changed ?? {}) as Changed);
    } else continue;
    if (before) state.set(event.systemId, before);
    else state.delete(event.systemId);
    const change = recipientChange(before, event.action === "system.deleted" ? null : after);
    if (change) entries.push({ ...change, id: event.id, at: event.at });
  }
  return entries;
}

/** The state before an update that recorded `changed` (each field's value before and after). */
function reverse(after: RecipientState, changed: Changed): RecipientState {
  const before = { ...after };
  for (const field of RECIPIENT_FIELDS) {
    const change = changed[field];
    if (!change) continue;
    if (field === "country") before.country = text(change.from);
    else before[field] = text(change.from) ?? "";
  }
  if (changed.thirdParty) before.thirdParty = changed.thirdParty.from === true;
  return before;
}
