"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/staff-action";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { OrganizationSchema } from "@/lib/organization/schema";
import { updateOrganization } from "@/lib/organization/update";
import { OfferedTypesSchema } from "@/lib/requests/offered-types";
import { updateOfferedTypes } from "@/lib/requests/offered-types-settings";

export const updateOrganizationAction = staffAction("settings.manage", OrganizationSchema, async (input, admin) => {
  const { changes } = await updateOrganization(db, input, admin, now());
  // Every public page shows these details.
  revalidatePath("/", "layout");
  return { changed: changes.map((c) => c.field) };
});

export const updateOfferedTypesAction = staffAction("settings.manage", OfferedTypesSchema, async (input, admin) => {
  const { to, changed } = await updateOfferedTypes(db, input, admin, now());
  // The home page and the request form list the offered types.
  revalidatePath("/", "layout");
  return { to, changed };
});
