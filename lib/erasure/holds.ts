import "server-only";
import { z } from "zod";
import { now as clockNow } from "@/lib/clock";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { refuseRun } from "@/lib/fulfillment/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/requests/events";
import { isUuid, lockRequest } from "@/lib/requests/handling/load";
import { keyedHash } from "@/lib/security/tokens";

// Legal holds (GDPR Art. 17(3)(e): data needed for legal claims; an authority's order): while one
// lasts, erasure runs for the request, or for anyone with the held email address, are refused
// (planned, approved or resumed). A person is held by a keyed hash of the normalised address, so
// the hold table holds no address. Placing and lifting are audited on the request they come from.

export const HoldInputSchema = z.object({
  scope: z.enum(["REQUEST", "PERSON"], { error: "Choose whether to hold this request or the person" }),
  reason: z.string({ error: "Say why the data must be kept" }).trim().min(1, "Say why the data must be kept, such as a court case or an authority's order").max(1000, "Keep the reason to 1000 characters or fewer"),
});

export type HoldView = { id: string; scope: "REQUEST" | "PERSON"; reason: string; placedAt: Date; placedByEmail: string | null };

function identityHash(email: string): string {
  return keyedHash(getEnv().APP_SECRET, "legal-hold", email.trim().toLowerCase());
}

async function activeHolds(db: Db | Prisma.TransactionClient, requestId: string, email: string | null) {
  return db.legalHold.findMany({
    where: { liftedAt: null, OR: [{ requestId, identityHash: null }, ...(email ? [{ identityHash: identityHash(email) }] : [])] },
    orderBy: { placedAt: "asc" },
    take: 50,
  });
}

/** Refuses an erasure while a hold covers the request or its requester. */
export async function assertNotHeld(db: Db | Prisma.TransactionClient, requestId: string): Promise<void> {
  const request = await db.request.findUnique({ where: { id: requestId }, select: { requesterEmail: true } });
  if ((await activeHolds(db, requestId, request?.requesterEmail ?? null)).length) throw refuseRun("LEGAL_HOLD");
}

/** The holds that cover a request now, for its page. */
export async function holdsFor(db: Db, requestId: string): Promise<HoldView[]> {
  const request = await db.request.findUnique({ where: { id: requestId }, select: { requesterEmail: true } });
  const holds = await activeHolds(db, requestId, request?.requesterEmail ?? null);
  const staff = await db.staff.findMany({ where: { id: { in: holds.map((h) => h.placedById) } }, select: { id: true, email: true } });
  return holds.map((h) => ({
    id: h.id,
    scope: h.identityHash ? "PERSON" : "REQUEST",
    reason: h.reason,
    placedAt: h.placedAt,
    placedByEmail: staff.find((s) => s.id === h.placedById)?.email ?? null,
  }));
}

export async function placeHold(db: Db, requestId: string, input: z.output<typeof HoldInputSchema>, staffId: string): Promise<void> {
  if (!isUuid(requestId)) throw new DomainError("NOT_FOUND", "We could not find that request.");
  const now = clockNow();
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { requesterEmail: true } });
    if (input.scope === "PERSON" && !request.requesterEmail) throw new DomainError("HOLD_NO_EMAIL", "This request no longer has an email address to hold the person by. Hold the request instead.");
    const hold = await tx.legalHold.create({
      data: { requestId, identityHash: input.scope === "PERSON" ? identityHash(request.requesterEmail!) : null, reason: input.reason, placedById: staffId, placedAt: now },
      select: { id: true },
    });
    // The reason stays in the hold row; the audit trail says that, and who, without it.
    await recordEvent(tx, { requestId, actorType: "STAFF", actorId: staffId, action: "hold.placed", visibility: "INTERNAL", data: { holdId: hold.id, scope: input.scope }, at: now });
  });
}

export async function liftHold(db: Db, requestId: string, holdId: string, staffId: string): Promise<void> {
  if (!isUuid(requestId) || !isUuid(holdId)) throw new DomainError("NOT_FOUND", "We could not find that hold.");
  const now = clockNow();
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const { count } = await tx.legalHold.updateMany({ where: { id: holdId, liftedAt: null }, data: { liftedAt: now, liftedById: staffId } });
    if (count === 0) throw new DomainError("HOLD_NOT_FOUND", "That hold was lifted already.");
    await recordEvent(tx, { requestId, actorType: "STAFF", actorId: staffId, action: "hold.lifted", visibility: "INTERNAL", data: { holdId }, at: now });
  });
}
