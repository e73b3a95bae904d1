"use server";

import { revalidatePath } from "next/cache";
import { DomainError, staffAction } from "@/lib/actions/staff-action";
import { DisconnectSchema, unbindIdentity } from "@/lib/auth/oauth-binding";
import { db } from "@/lib/db";

// Every staff member manages their own connected accounts; "requests.read" is what every role has.
export const disconnectAccountAction = staffAction("requests.read", DisconnectSchema, async ({ accountId }, me) => {
  if (!(await unbindIdentity(db, me.id, accountId, me.id))) throw new DomainError("ACCOUNT_NOT_CONNECTED", "That account is no longer connected.");
  revalidatePath("/admin/account");
  return null;
});
