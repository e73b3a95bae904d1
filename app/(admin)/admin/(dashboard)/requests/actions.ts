"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/staff-action";
import { bulkAcknowledge, bulkAssign, type BulkResult } from "@/lib/requests/handling/assign";
import { BulkIdsSchema, RequestIdSchema } from "@/lib/requests/handling/schema";
import { HANDLING_ERRORS } from "@/lib/requests/lifecycle";
import { QUEUE_PATH } from "@/lib/requests/queue-filters";

const AssignSchema = z.object({
  requestIds: BulkIdsSchema,
  // "none" hands the requests back to the queue; an empty choice is a mistake, not "nobody".
  assigneeId: z.union([z.literal("none").transform(() => null), RequestIdSchema], { error: "Choose who should handle them" }),
});
const AcknowledgeSchema = z.object({ requestIds: BulkIdsSchema });

const assign = staffAction("requests.act", AssignSchema, ({ requestIds, assigneeId }, staff) => bulkAssign(requestIds, assigneeId, staff));
const acknowledge = staffAction("requests.act", AcknowledgeSchema, ({ requestIds }, staff) => bulkAcknowledge(requestIds, staff));

/** What the queue's bulk form shows after a submission. */
export type BulkOutcome = { tone: "success" | "error"; message: string; details: string[] };

/**
 * The queue's bulk form: checkboxes named requestId, a select named assigneeId, and two submit
 * buttons named intent. A plain form post (it works without JavaScript); useActionState shows the
 * outcome. Each branch goes through staffAction, which parses and checks requests.act itself.
 */
export async function bulkRequestsAction(_previous: BulkOutcome | null, formData: FormData): Promise<BulkOutcome> {
  const requestIds = formData.getAll("requestId").filter((v): v is string => typeof v === "string");
  const intent = formData.get("intent");
  const assigneeId = String(formData.get("assigneeId") ?? "");
  let result: ActionResult<BulkResult>;
  if (intent === "assign") result = await assign({ requestIds, assigneeId });
  else if (intent === "acknowledge") result = await acknowledge({ requestIds });
  else return { tone: "error", message: "Choose Assign selected or Acknowledge selected.", details: [] };

  if (!result.ok) {
    const message = result.fieldErrors?.requestIds ?? result.fieldErrors?.assigneeId ?? result.formError ?? "That did not work.";
    return { tone: "error", message, details: [] };
  }
  revalidatePath(QUEUE_PATH);
  return describe(intent, intent === "assign" && assigneeId === "none" ? "Unassigned" : intent === "assign" ? "Assigned" : "Acknowledged", result.data);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// The domain's default words, made specific where the queue knows why (a bulk action skips
// requests whose status does not allow it).
const SKIP_REASONS: Record<"assign" | "acknowledge", Partial<Record<string, string>>> = {
  assign: { INVALID_TRANSITION: "closed requests cannot be reassigned" },
  acknowledge: { INVALID_TRANSITION: "only requests with status Received can be acknowledged" },
};

function describe(intent: "assign" | "acknowledge", verb: string, { done, skipped }: BulkResult): BulkOutcome {
  const message = done.length ? `${verb} ${plural(done.length, "request")}.` : "No request was changed.";
  const byCode = new Map<string, number>();
  for (const { code } of skipped) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const details = [...byCode].map(([code, n]) => {
    const reason = SKIP_REASONS[intent][code] ?? HANDLING_ERRORS[code as keyof typeof HANDLING_ERRORS] ?? "something went wrong on our side";
    return `${plural(n, "request")} not changed: ${reason.replace(/\.$/, "")}.`;
  });
  return { tone: done.length ? "success" : "error", message, details };
}
