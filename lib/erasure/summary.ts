import "server-only";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import { referencedFieldIds, systemErasures } from "@/lib/erasure/collection";
import type { ErasureProgress } from "@/lib/erasure/run";
import type { RunPlan } from "@/lib/fulfillment/plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErasureSummary } from "@/lib/erasure/words";

export type { ErasureSummary };

// What an erasure did, in words the requester reads in the completion email and on the status
// page (GDPR Art. 17 and 12(1)): per system, what was deleted or removed and how many records, and
// what was kept and why (Art. 17(3)). Collections are named by their description in the data map
// when they have one ("Replies on support tickets"), else by name. No value of the person's.


/** The summary of the request's erasure run, or null when it has none that finished. */
export async function erasureSummary(db: Db | Prisma.TransactionClient, requestId: string): Promise<ErasureSummary | null> {
  const run = await db.fulfillmentRun.findFirst({
    where: { requestId, kind: "ERASURE", status: "ERASED" },
    orderBy: { createdAt: "desc" },
    select: { plan: true, tasks: { select: { systemId: true, erasedChunks: true, progress: true } } },
  });
  if (!run) return null;
  const plan = run.plan as unknown as RunPlan;
  const map = await loadDataMap(db as Db);
  const referenced = referencedFieldIds(map);
  const summary: ErasureSummary = { erased: [], kept: [] };
  for (const planned of plan.systems) {
    const system = map.find((s) => s.id === planned.systemId);
    if (!system) continue;
    const task = run.tasks.find((t) => t.systemId === planned.systemId);
    const progress = (task?.erasedChunks ?? {}) as ErasureProgress;
    // What the search found per collection: kept fields are told only where something was found.
    const found = new Map(((task?.progress as { collections?: { collectionId: string; found: number }[] } | null)?.collections ?? []).map((c) => [c.collectionId, c.found]));
    for (const { collection, erasure } of systemErasures(planned, system, referenced)) {
      const label = collection.description ?? collection.name;
      const records = progress[collection.id]?.rows ?? 0;
      if (erasure.deleteRows && records) summary.erased.push({ system: system.name, what: `${label}: deleted`, records });
      else if (erasure.changes.length && records) {
        summary.erased.push({ system: system.name, what: `${label}: ${erasure.changes.map((c) => c.field.replace(/_/g, " ")).join(", ")} removed`, records });
      }
      // What stays, grouped by reason (a reason applies to several fields: "kept 10 years for tax law").
      const byReason = new Map<string, string[]>();
      for (const k of erasure.kept) byReason.set(k.reason, [...(byReason.get(k.reason) ?? []), k.field.replace(/_/g, " ")]);
      if (!found.get(collection.id)) continue;
      for (const [reason, fields] of byReason) summary.kept.push({ system: system.name, what: `${label}: ${fields.join(", ")}`, reason });
    }
  }
  return summary;
}
