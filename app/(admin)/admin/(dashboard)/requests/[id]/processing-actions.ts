"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { db } from "@/lib/db";
import { AskOwnersSchema, askOwners } from "@/lib/recipients/processing";
import { RequestIdSchema } from "@/lib/requests/handling/schema";

// "Stop or restrict a use": the form posts the uses chosen; the owners of the systems using them
// are emailed their tasks, and the page says so (?processing=asked) or why not (?processingError=CODE).

const ask = staffAction("requests.act", AskOwnersSchema.extend({ requestId: RequestIdSchema }), ({ requestId, uses }, staff) =>
  askOwners(db, requestId, { uses }, staff.id),
);

export async function askOwnersForm(form: FormData) {
  const requestId = String(form.get("requestId") ?? "");
  if (!RequestIdSchema.safeParse(requestId).success) redirect("/admin/requests");
  const uses = form.getAll("uses").filter((u): u is string => typeof u === "string");
  const result = await ask({ requestId, uses } as z.input<typeof AskOwnersSchema> & { requestId: string });
  const params = new URLSearchParams();
  if (result.ok) params.set("processing", "asked");
  else params.set("processingError", result.code ?? (result.fieldErrors ? "INVALID_INPUT" : "INTERNAL"));
  params.set("at", Date.now().toString(36));
  redirect(`/admin/requests/${requestId}?${params}#processing`);
}
