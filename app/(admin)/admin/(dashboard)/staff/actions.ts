"use server";

import { revalidatePath } from "next/cache";
import { DomainError, staffAction } from "@/lib/actions/staff-action";
import { RemoveBindingSchema, unbindIdentity } from "@/lib/auth/oauth-binding";
import { db } from "@/lib/db";
import { changeRole, ChangeRoleSchema, deactivateStaff, inviteStaff, InviteSchema, reactivateStaff, StaffIdSchema } from "@/lib/staff/manage";

export const inviteStaffAction = staffAction("staff.manage", InviteSchema, async (input, actor) => {
  const result = await inviteStaff(input, actor);
  revalidatePath("/admin/staff");
  return result;
});

export const changeRoleAction = staffAction("staff.manage", ChangeRoleSchema, async ({ staffId, role }, actor) => {
  await changeRole(staffId, role, actor);
  revalidatePath("/admin/staff");
  return null;
});

export const deactivateStaffAction = staffAction("staff.manage", StaffIdSchema, async ({ staffId }, actor) => {
  await deactivateStaff(staffId, actor);
  revalidatePath("/admin/staff");
  return null;
});

export const reactivateStaffAction = staffAction("staff.manage", StaffIdSchema, async ({ staffId }, actor) => {
  await reactivateStaff(staffId, actor);
  revalidatePath("/admin/staff");
  return null;
});

/** An admin removes a connected sign-in account of any staff member (say, one they no longer control). */
export const removeStaffAccountAction = staffAction("staff.manage", RemoveBindingSchema, async ({ staffId, accountId }, actor) => {
  if (!(await unbindIdentity(db, staffId, accountId, actor.id))) throw new DomainError("ACCOUNT_NOT_CONNECTED", "That account is no longer connected.");
  revalidatePath("/admin/staff");
  return null;
});
