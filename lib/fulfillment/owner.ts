import "server-only";
import { now as clockNow } from "@/lib/clock";
import { DomainError } from "@/lib/actions/domain-error";
import type { Db } from "@/lib/db";
import { advanceRun, lockRun } from "@/lib/fulfillment/advance";
import { queueReady, wakeRunWorkers } from "@/lib/fulfillment/jobs";
import { ownerTaskIdForToken } from "@/lib/fulfillment/manual";
import { OWNER_ERRORS } from "@/lib/fulfillment/owner-messages";
import { OWNER_FILE_MAX_BYTES, OwnerAnswerSchema } from "@/lib/fulfillment/owner-schema";
import { sealFile } from "@/lib/fulfillment/records";
import { recordEvent } from "@/lib/requests/events";
import { lockRequest } from "@/lib/requests/handling/load";

// A manual system's owner answers from their link: the file they found (sealed like the run's
// records) and/or "nothing found" with a note. The task is then done and the run moves on.

export type OwnerFile = { filename: string; contentType: string; bytes: Uint8Array };

function refuseOwner(code: "OWNER_TASK_NOT_FOUND" | "OWNER_FILE_TOO_LARGE" | "OWNER_ANSWER_INVALID"): DomainError {
  return new DomainError(code, OWNER_ERRORS[code]);
}

export async function answerOwnerTask(db: Db, token: string, input: { file: OwnerFile | null; nothingFound: boolean; note: string }): Promise<void> {
  const parsed = OwnerAnswerSchema.safeParse({ nothingFound: input.nothingFound, note: input.note, hasFile: input.file !== null });
  if (!parsed.success) throw refuseOwner("OWNER_ANSWER_INVALID");
  if (input.file && input.file.bytes.byteLength > OWNER_FILE_MAX_BYTES) throw refuseOwner("OWNER_FILE_TOO_LARGE");
  const now = clockNow();
  await queueReady();
  await db.$transaction(async (tx) => {
    const taskId = await ownerTaskIdForToken(tx, token, now);
    const found = taskId ? await tx.fulfillmentTask.findUnique({ where: { id: taskId }, select: { runId: true, run: { select: { requestId: true } } } }) : null;
    if (!taskId || !found) throw refuseOwner("OWNER_TASK_NOT_FOUND");
    await lockRequest(tx, found.run.requestId);
    await lockRun(tx, found.runId);
    const { count } = await tx.fulfillmentTask.updateMany({
      where: { id: taskId, status: "WAITING_FOR_OWNER" },
      data: {
        status: "DONE",
        finishedAt: now,
        recordsFound: input.file ? 1 : 0,
        ownerNote: parsed.data.note || (parsed.data.nothingFound ? "Nothing found." : null),
        ownerNextFollowUpAt: null,
      },
    });
    // Answered already, or the run was cancelled meanwhile: the page shows which.
    if (count === 0) throw refuseOwner("OWNER_TASK_NOT_FOUND");
    if (input.file) {
      await tx.taskFile.create({
        data: {
          taskId,
          filename: input.file.filename.slice(0, 200) || "upload",
          contentType: input.file.contentType.slice(0, 200) || "application/octet-stream",
          size: input.file.bytes.byteLength,
          ciphertext: sealFile(input.file.bytes),
          createdAt: now,
        },
      });
    }
    const system = await tx.fulfillmentTask.findUniqueOrThrow({ where: { id: taskId }, select: { system: { select: { name: true } } } });
    await recordEvent(tx, {
      requestId: found.run.requestId,
      actorType: "SYSTEM",
      action: "run.task_done",
      visibility: "INTERNAL",
      data: { runId: found.runId, taskId, system: system.system.name, answeredByOwner: true, files: input.file ? 1 : 0, nothingFound: parsed.data.nothingFound },
      at: now,
    });
    await advanceRun(tx, { id: found.runId, requestId: found.run.requestId }, now, taskId);
  });
  wakeRunWorkers();
}
