import "server-only";
import { mapOnce } from "@/lib/erasure/by-hand-lines";
import { isPersonal } from "@/lib/erasure/strategy";
import type { RunPlan } from "@/lib/fulfillment/plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendNotice } from "@/lib/recipients/notices";
import { recordEvent } from "@/lib/requests/events";

// Systems an erasure run cannot erase in itself (manual ones, HTTP APIs it only reads): when the
// erasure is approved, the owner of each (of the operator's own; a third party is told as a
// recipient when the request completes) is emailed a task to erase by hand, saying per collection
// what the map erases and what it keeps and why, and confirms from a hashed link (the notice
// machinery: reminders, escalation). The request page tracks each task.

type Tx = Prisma.TransactionClient;

/** At the approval, in its transaction: a task to the owner of each of the operator's own systems the run cannot erase in. Returns their names. */
export async function askOwnersToErase(tx: Tx, input: { requestId: string; plan: RunPlan; staffId: string }, now: Date): Promise<string[]> {
  const skipped = input.plan.skipped.filter((s) => s.kind === "MANUAL" || s.kind === "HTTP");
  return sendByHandTasks(tx, { requestId: input.requestId, kind: "ERASE_BY_HAND", staffId: input.staffId, systemIds: skipped.map((s) => s.systemId) }, now);
}

/**
 * Emails the owner of each of the operator's own systems given (a third party is told as a
 * recipient instead; a system without personal data outside workspaces has nothing to do) a task
 * of the kind, once per request, and records who was asked. Returns their names.
 */
export async function sendByHandTasks(
  tx: Tx,
  input: { requestId: string; kind: "ERASE_BY_HAND" | "CORRECT_BY_HAND"; staffId: string; systemIds: readonly string[] },
  now: Date,
): Promise<string[]> {
  if (input.systemIds.length === 0) return [];
  const map = await mapOnce(tx);
  const already = new Set(
    (await tx.recipientNotice.findMany({ where: { requestId: input.requestId, kind: input.kind }, select: { systemId: true } })).map((n) => n.systemId),
  );
  const asked: string[] = [];
  for (const systemId of input.systemIds) {
    const system = map.find((m) => m.id === systemId);
    if (!system || system.thirdParty || already.has(system.id)) continue;
    if (!system.collections.some((c) => !c.workspaceField && c.fields.some(isPersonal))) continue;
    await sendNotice(tx, { requestId: input.requestId, kind: input.kind, systemId: system.id, customerId: null, name: system.name, channel: "EMAIL", sentTo: [system.ownerEmail], erasedAt: null }, now);
    already.add(system.id);
    asked.push(system.name);
  }
  if (asked.length) {
    await recordEvent(tx, {
      requestId: input.requestId,
      actorType: "STAFF",
      actorId: input.staffId,
      action: "processing.owners_asked",
      visibility: "INTERNAL",
      data: { kind: input.kind, uses: [], systems: asked, alreadyAsked: 0 },
      at: now,
    });
  }
  return asked;
}
