import "server-only";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/requests/events";
import { byStaff, lockRequest } from "@/lib/requests/handling/load";
import { NoteInputSchema, parseInput, type NoteInput } from "@/lib/requests/handling/schema";
import { assertTransition } from "@/lib/requests/lifecycle";

/**
 * An internal note on the request's timeline: staff work product, never shown to the requester.
 * Allowed in every status, closed ones included. Throws NOT_FOUND, INVALID_INPUT.
 */
export async function addNote(requestId: string, input: NoteInput, staff: StaffUser, now = new Date()): Promise<void> {
  const { note } = parseInput(NoteInputSchema, input);
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const { status } = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
    assertTransition("addNote", status);
    await recordEvent(tx, {
      requestId,
      ...byStaff(staff),
      action: "note.added",
      visibility: "INTERNAL",
      data: { note },
      at: now,
    });
  });
}
