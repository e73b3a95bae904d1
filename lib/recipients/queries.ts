import "server-only";
import { categoryLabel } from "@/lib/datamap/taxonomy";
import { db } from "@/lib/db";
import { deriveChangeLog, RECIPIENT_ACTIONS, type ChangeLogEntry, type RecipientState } from "@/lib/recipients/change-log";

// What the public "Who receives data" page reads: no staff, no owners' addresses, no connection
// settings; only what a third-party system is listed as and the categories of its fields.

/** Bounds for a public page: systems are tens, not thousands; the log shows the newest entries. */
export const MAX_RECIPIENTS = 200;
export const CHANGE_LOG_LIMIT = 100;
/** Map events read to find those entries: a window of the newest, without gaps, of the actions that matter. */
const EVENT_WINDOW = 2000;

export type Recipient = { name: string; purpose: string; country: string | null; categories: string[] };

export async function listRecipients(): Promise<Recipient[]> {
  const systems = await db.dataSystem.findMany({
    where: { thirdParty: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_RECIPIENTS,
    select: { name: true, purpose: true, country: true, collections: { select: { fields: { select: { categories: true } } } } },
  });
  return systems.map((s) => ({
    name: s.name,
    purpose: s.purpose,
    country: s.country,
    categories: [...new Set(s.collections.flatMap((c) => c.fields.flatMap((f) => f.categories)))].sort().map(categoryLabel),
  }));
}

export async function readChangeLog(): Promise<ChangeLogEntry[]> {
  // One snapshot: the walk back from the systems as they are needs every event since.
  const [systems, events] = await db.$transaction(
    async (tx) => [
      await tx.dataSystem.findMany({ select: { id: true, name: true, purpose: true, thirdParty: true, country: true } }),
      await tx.dataMapEvent.findMany({
        where: { action: { in: [...RECIPIENT_ACTIONS] }, systemId: { not: null } },
        // Map writes take one lock, so ids follow the order the changes committed in.
        orderBy: { id: "desc" },
        take: EVENT_WINDOW,
        select: { id: true, systemId: true, action: true, data: true, at: true },
      }),
    ] as const,
    { isolationLevel: "RepeatableRead" },
  );
  const current = new Map<string, RecipientState>(systems.map(({ id, ...state }) => [id, state]));
  return deriveChangeLog(
    current,
    events.map((e) => ({ ...e, id: e.id.toString() })),
    CHANGE_LOG_LIMIT,
  );
}
