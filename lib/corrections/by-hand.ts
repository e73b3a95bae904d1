import "server-only";
import { sendByHandTasks } from "@/lib/erasure/by-hand";
import type { RunPlan } from "@/lib/fulfillment/plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposedChange } from "@/lib/corrections/changes";

// The systems a correction cannot write in (GDPR Art. 16): when the officer approves it, the owner
// of each of the operator's own systems that holds the person's data and that the proposal does
// not change (a manual or HTTP system, or a SQL one without correctable fields) is emailed a task
// to correct by hand, with what the requester said is wrong and what it should say; they confirm
// from a hashed link (the notice machinery: reminders, escalation), tracked on the request page.
// Third parties are told as recipients when the request completes (lib/recipients/notices.ts).

type Tx = Prisma.TransactionClient;

/** At the approval, in its transaction: the owners' tasks. Returns the systems' names. */
export async function askOwnersToCorrect(
  tx: Tx,
  input: { requestId: string; runId: string; plan: RunPlan; changes: readonly ProposedChange[]; staffId: string },
  now: Date,
): Promise<string[]> {
  const changed = new Set(input.changes.map((c) => c.collectionId));
  const found = new Map(
    (await tx.fulfillmentTask.findMany({ where: { runId: input.runId }, select: { systemId: true, recordsFound: true } })).map((t) => [t.systemId, t.recordsFound]),
  );
  // Searched systems where something was found and nothing is written; systems the run could not search.
  const systemIds = [
    ...input.plan.systems.filter((s) => s.kind !== "MANUAL" && (found.get(s.systemId) ?? 0) > 0 && !s.collections.some((c) => changed.has(c.collectionId))),
    ...input.plan.skipped.filter((s) => s.kind === "MANUAL" || s.kind === "HTTP"),
  ].map((s) => s.systemId);
  return sendByHandTasks(tx, { requestId: input.requestId, kind: "CORRECT_BY_HAND", staffId: input.staffId, systemIds }, now);
}
