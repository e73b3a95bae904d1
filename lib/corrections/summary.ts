import "server-only";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import { openProposal } from "@/lib/corrections/erasures";
import type { CorrectionSummary } from "@/lib/corrections/words";
import type { ErasureProgress } from "@/lib/erasure/run";
import type { RunPlan } from "@/lib/fulfillment/plan";
import type { Prisma } from "@/lib/generated/prisma/client";

export type { CorrectionSummary };

// What a correction did, in words the requester reads in the completion email and on the status
// page (GDPR Art. 16 and 12(1)): per system, which information was corrected and in how many
// records, and which systems people were asked to correct by hand. Collections are named by their
// description in the data map when they have one. The fields are named, never the values.

/** The summary of the request's correction, or null when it has neither a finished run nor a task to an owner. */
export async function correctionSummary(db: Db | Prisma.TransactionClient, requestId: string): Promise<CorrectionSummary | null> {
  const [run, tasks] = await Promise.all([
    db.fulfillmentRun.findFirst({
      where: { requestId, kind: "CORRECTION", status: "ERASED" },
      orderBy: { createdAt: "desc" },
      select: { plan: true, corrections: true, tasks: { select: { systemId: true, erasedChunks: true } } },
    }),
    db.recipientNotice.findMany({ where: { requestId, kind: "CORRECT_BY_HAND" }, select: { recipientName: true }, orderBy: { sentAt: "asc" }, take: 100 }),
  ]);
  if (!run && tasks.length === 0) return null;
  const summary: CorrectionSummary = { corrected: [], byHand: tasks.map((t) => t.recipientName) };
  if (!run) return summary;
  const plan = run.plan as unknown as RunPlan;
  const changes = openProposal(run.corrections)?.changes ?? [];
  const map = await loadDataMap(db as Db);
  for (const planned of plan.systems) {
    const system = map.find((s) => s.id === planned.systemId);
    const progress = (run.tasks.find((t) => t.systemId === planned.systemId)?.erasedChunks ?? {}) as ErasureProgress;
    for (const collection of system?.collections ?? []) {
      const fields = changes.filter((c) => c.collectionId === collection.id).map((c) => c.field.replace(/_/g, " "));
      const records = progress[collection.id]?.rows ?? 0;
      if (fields.length && records) summary.corrected.push({ system: system!.name, what: `${collection.description ?? collection.name}: ${fields.join(", ")}`, records });
    }
  }
  return summary;
}
