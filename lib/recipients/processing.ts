import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import { dataUseLabel, isDataUse, useCovers } from "@/lib/datamap/taxonomy";
import type { NoticeKind } from "@/lib/generated/prisma/client";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { sendNotice } from "@/lib/recipients/notices";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";
import { isOpen } from "@/lib/requests/lifecycle";
import { OBJECTION_PROCESSING } from "@/lib/requests/schema";

// Objection and restriction (GDPR Art. 21 and 18): the officer chooses the data uses concerned
// (an objection's choice proposes them), and the owner of each system whose map lists such a use
// is emailed a task to stop, or restrict, that use of the person's data, and confirms from its link
// (the notice machinery of lib/recipients/notices.ts: hashed links, reminders, escalation). The
// request page tracks each task until it is confirmed.

const MAX_SYSTEMS = 500;

export const PROCESSING_KIND_FOR_REQUEST: Readonly<Record<string, NoticeKind>> = {
  OBJECTION: "STOP_PROCESSING",
  RESTRICTION: "RESTRICT_PROCESSING",
};

/** The data uses an objection's choice concerns, proposed to the officer (who may change them). */
export const OBJECTION_USES: Record<(typeof OBJECTION_PROCESSING)[number], string[]> = {
  DIRECT_MARKETING: ["marketing"],
  PRODUCT_ANALYTICS: ["analytics", "functional.service.improve", "essential.service.operations.improve"],
  AI_PROCESSING: ["train_ai_system", "personalize"],
  OTHER: [],
};

/** The refusals of askOwners in words, for the request page too. */
export const PROCESSING_ERRORS = {
  PROCESSING_NOT_APPLICABLE: "Only an objection or a restriction asks owners to stop or restrict a use.",
  INVALID_TRANSITION: "The request is not open: confirm it first, or it is already closed.",
  NO_SYSTEM_USES: "No system of the data map lists those uses. Add the uses to the systems concerned, or choose others.",
} as const;

export const AskOwnersSchema = z.object({
  uses: z
    .array(z.string().trim())
    .min(1, "Choose at least one use of the data.")
    .max(20, "Choose at most 20 uses.")
    .refine((uses) => uses.every(isDataUse), "Choose uses from the list."),
});

/** The systems of the map with a use under one of `uses`, and which of their uses those are. */
export async function systemsUsing(db: Db, uses: readonly string[]) {
  const systems = await db.dataSystem.findMany({
    where: { dataUses: { isEmpty: false } },
    select: { id: true, name: true, ownerEmail: true, dataUses: true },
    orderBy: { name: "asc" },
    take: MAX_SYSTEMS,
  });
  return systems
    .map((s) => ({ ...s, matched: s.dataUses.filter((u) => uses.some((chosen) => useCovers(chosen, u))) }))
    .filter((s) => s.matched.length > 0);
}

/** The uses the map's systems list, for the officer to choose from, with the ones the request proposes. */
export async function useChoices(db: Db, request: { type: string; details: unknown }) {
  const systems = await db.dataSystem.findMany({ where: { dataUses: { isEmpty: false } }, select: { dataUses: true }, take: MAX_SYSTEMS });
  const onMap = [...new Set(systems.flatMap((s) => s.dataUses))].sort();
  const processing = (request.details as { processing?: string } | null)?.processing;
  const proposed = request.type === "OBJECTION" && processing && processing in OBJECTION_USES ? OBJECTION_USES[processing as keyof typeof OBJECTION_USES] : [];
  return onMap.map((key) => ({ key, label: dataUseLabel(key), proposed: proposed.some((p) => useCovers(p, key)) }));
}

/**
 * Emails the owner of each system using the data for one of `uses` a task to stop (objection) or
 * restrict (restriction) it for this person. A system already asked for this request is not asked
 * again. Throws NOT_FOUND, PROCESSING_NOT_APPLICABLE (another type), INVALID_TRANSITION (closed or
 * unverified), NO_SYSTEM_USES (no mapped system has those uses).
 */
export async function askOwners(db: Db, requestId: string, input: { uses: string[] }, staffId: string, now = new Date()): Promise<{ asked: string[] }> {
  const { uses } = AskOwnersSchema.parse(input);
  const systems = await systemsUsing(db, uses);
  const result = await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { type: true, status: true } });
    const kind = PROCESSING_KIND_FOR_REQUEST[request.type];
    const refuse = (code: keyof typeof PROCESSING_ERRORS) => new DomainError(code, PROCESSING_ERRORS[code]);
    if (!kind) throw refuse("PROCESSING_NOT_APPLICABLE");
    if (!isOpen(request.status)) throw refuse("INVALID_TRANSITION");
    if (systems.length === 0) throw refuse("NO_SYSTEM_USES");
    const already = new Set(
      (await tx.recipientNotice.findMany({ where: { requestId, kind }, select: { systemId: true } })).map((n) => n.systemId),
    );
    const asked: string[] = [];
    for (const system of systems) {
      if (already.has(system.id)) continue;
      await sendNotice(tx, {
        requestId,
        kind,
        systemId: system.id,
        customerId: null,
        name: system.name,
        channel: "EMAIL",
        sentTo: [system.ownerEmail],
        erasedAt: null,
        dataUses: system.matched,
      }, now);
      asked.push(system.name);
    }
    await recordEvent(tx, {
      requestId,
      actorType: "STAFF",
      actorId: staffId,
      action: "processing.owners_asked",
      visibility: "INTERNAL",
      data: { kind, uses, systems: asked, alreadyAsked: systems.length - asked.length },
      at: now,
    });
    return { asked };
  });
  wakeOutboxWorker();
  return result;
}
