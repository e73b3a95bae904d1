"use server";

import { revalidatePath } from "next/cache";
import { DomainError, staffAction } from "@/lib/actions/staff-action";
import { DisconnectSchema, unbindIdentity } from "@/lib/auth/oauth-binding";
import { db } from "@/lib/db";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setDigest } from "@/lib/staff/digest";

/** The daily digest switch, a plain form: back to the page saying what happened. */
export async function digestForm(form: FormData) {
  const on = form.get("digest") === "on";
  const result = await digest({ on });
  redirect(`/admin/account?${new URLSearchParams(result.ok ? { digest: on ? "on" : "off" } : { digestError: "1" })}#digest`);
}
const digest = staffAction("requests.act", z.object({ on: z.boolean() }), async ({ on }, me) => {
  await setDigest(db, me.id, on);
  return null;
});

// Every staff member manages their own connected accounts; "requests.read" is what every role has.
export const disconnectAccountAction = staffAction("requests.read", DisconnectSchema, async ({ accountId }, me) => {
  if (!(await unbindIdentity(db, me.id, accountId, me.id))) throw new DomainError("ACCOUNT_NOT_CONNECTED", "That account is no longer connected.");
  revalidatePath("/admin/account");
  return null;
});
