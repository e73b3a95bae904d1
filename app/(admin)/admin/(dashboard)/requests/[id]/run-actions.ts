"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/staff-action";
import { db } from "@/lib/db";
import { excludeRecord, includeRecord, releaseRun } from "@/lib/fulfillment/package/review";
import { ExclusionInputSchema, InclusionInputSchema, PlanInputSchema, RunIdInputSchema, TaskIdInputSchema } from "@/lib/fulfillment/package/schema";
import { HoldInputSchema, liftHold, placeHold } from "@/lib/erasure/holds";
import { approveErasure } from "@/lib/erasure/run";
import { CorrectionValueError, proposeCorrections } from "@/lib/corrections/proposal";
import { cancelRun, planRun, retryTask, startRun } from "@/lib/fulfillment/runs";
import { RequestIdSchema } from "@/lib/requests/handling/schema";

// The run panel's forms post here without client code: each parses its fields, checks the role in
// staffAction, calls the domain, and goes back to the request page with what happened (?run=...)
// or why not (?runError=CODE), which the panel words and announces.

const plan = staffAction("requests.act", PlanInputSchema, async (input, staff) => {
  const identities = input.identityValue && input.identityType ? [{ type: input.identityType, value: input.identityValue }] : [];
  await planRun(db, { requestId: input.requestId, identities, staffId: staff.id });
});
const start = staffAction("requests.act", RunIdInputSchema.extend({ requestId: RequestIdSchema }), ({ runId }, staff) => startRun(db, runId, staff.id));
const retry = staffAction("requests.act", TaskIdInputSchema.extend({ requestId: RequestIdSchema }), ({ taskId }, staff) => retryTask(db, taskId, staff.id));
const cancel = staffAction("requests.act", RunIdInputSchema.extend({ requestId: RequestIdSchema }), ({ runId }, staff) => cancelRun(db, runId, staff.id));
const exclude = staffAction("requests.act", ExclusionInputSchema.extend({ requestId: RequestIdSchema }), (i, staff) => excludeRecord(db, i.runId, i.collectionId, i.recordKey, i.reason, staff));
const include = staffAction("requests.act", InclusionInputSchema.extend({ requestId: RequestIdSchema }), (i, staff) => includeRecord(db, i.runId, i.collectionId, i.recordKey, staff));
const approve = staffAction("requests.act", RunIdInputSchema.extend({ requestId: RequestIdSchema }), ({ runId }, staff) => approveErasure(db, runId, staff.id));
const hold = staffAction("requests.act", HoldInputSchema.extend({ requestId: RequestIdSchema }), ({ requestId, ...input }, staff) => placeHold(db, requestId, input, staff.id));
const lift = staffAction("requests.act", z.object({ requestId: RequestIdSchema, holdId: z.uuid() }), ({ requestId, holdId }, staff) => liftHold(db, requestId, holdId, staff.id));
// A value its column refuses comes back as data, naming the field, so the panel can mark it.
const propose = staffAction("requests.act", RunIdInputSchema.extend({ requestId: RequestIdSchema, values: z.record(z.string(), z.string()) }), async ({ runId, values }, staff) => {
  try {
    await proposeCorrections(db, runId, values, staff.id);
    return null;
  } catch (error) {
    if (error instanceof CorrectionValueError) return { code: error.code, field: error.field };
    throw error;
  }
});
const release = staffAction("requests.act", RunIdInputSchema.extend({ requestId: RequestIdSchema }), ({ runId }, staff) => releaseRun(db, runId, staff));

function back(form: FormData, result: ActionResult<unknown>, done: string, field?: string): never {
  const requestId = String(form.get("requestId") ?? "");
  if (!RequestIdSchema.safeParse(requestId).success) redirect("/admin/requests");
  const params = new URLSearchParams();
  if (result.ok) params.set("run", done);
  else params.set("runError", result.code ?? (result.fieldErrors ? "INVALID_INPUT" : "INTERNAL"));
  // Each outcome is new, even the same one twice: the panel moves focus to it once per value.
  params.set("at", Date.now().toString(36));
  if (field && /^[0-9a-f-]{36}:[A-Za-z0-9_.$-]{1,128}$/.test(field)) params.set("field", field);
  // Keep the officer on the page of records they were looking at.
  for (const key of ["records", "page"]) {
    const value = form.get(key);
    if (typeof value === "string" && /^[0-9a-f-]{1,40}$/i.test(value)) params.set(key, value);
  }
  redirect(`/admin/requests/${requestId}?${params}#run`);
}

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;

export async function planRunForm(form: FormData) {
  back(form, await plan(fields(form) as z.input<typeof PlanInputSchema>), "planned");
}
export async function startRunForm(form: FormData) {
  back(form, await start(fields(form) as { requestId: string; runId: string }), "started");
}
export async function retryTaskForm(form: FormData) {
  back(form, await retry(fields(form) as { requestId: string; taskId: string }), "retried");
}
export async function cancelRunForm(form: FormData) {
  back(form, await cancel(fields(form) as { requestId: string; runId: string }), "cancelled");
}
export async function excludeRecordForm(form: FormData) {
  back(form, await exclude(fields(form) as z.input<typeof ExclusionInputSchema> & { requestId: string }), "excluded");
}
export async function includeRecordForm(form: FormData) {
  back(form, await include(fields(form) as z.input<typeof InclusionInputSchema> & { requestId: string }), "included");
}
export async function releaseRunForm(form: FormData) {
  back(form, await release(fields(form) as { requestId: string; runId: string }), "released");
}
export async function approveErasureForm(form: FormData) {
  back(form, await approve(fields(form) as { requestId: string; runId: string }), "approved");
}
export async function approveCorrectionForm(form: FormData) {
  back(form, await approve(fields(form) as { requestId: string; runId: string }), "correctionApproved");
}
/** The new values arrive as `value:<collectionId>:<field>`; a refused one is named in ?field= so the panel marks it. */
export async function proposeCorrectionsForm(form: FormData) {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (name.startsWith("value:") && typeof value === "string") values[name.slice("value:".length)] = value;
  const result = await propose({ requestId: String(form.get("requestId") ?? ""), runId: String(form.get("runId") ?? ""), values });
  const refused = result.ok ? result.data : null;
  back(form, refused ? { ok: false, code: refused.code } : result, "proposed", refused?.field);
}
export async function placeHoldForm(form: FormData) {
  back(form, await hold(fields(form) as z.input<typeof HoldInputSchema> & { requestId: string }), "held");
}
export async function liftHoldForm(form: FormData) {
  back(form, await lift(fields(form) as { requestId: string; holdId: string }), "holdLifted");
}
