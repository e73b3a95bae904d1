"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { setMetricsPublished } from "@/lib/reports/publish";

// The publication switch: a plain form, back to the report saying what happened (?published=on|off) or why not.

const publish = staffAction("settings.manage", z.object({ on: z.enum(["on", "off"]) }), ({ on }, staff) => setMetricsPublished(on === "on", staff));

export async function publishMetricsForm(form: FormData) {
  const result = await publish({ on: form.get("on") === "on" ? "on" : "off" });
  const params = new URLSearchParams(result.ok ? { published: form.get("on") === "on" ? "on" : "off" } : { publishError: result.code ?? "INTERNAL" });
  params.set("at", Date.now().toString(36));
  redirect(`/admin/reports?${params}#publication`);
}
