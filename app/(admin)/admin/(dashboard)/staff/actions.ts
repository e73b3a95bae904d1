"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/staff-action";
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
