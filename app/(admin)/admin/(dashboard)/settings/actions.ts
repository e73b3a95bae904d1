"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { AccentSchema } from "@/lib/branding/accent";
import { removeLogo, updateAccentColor } from "@/lib/branding/update";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { handlingDefaults, updateHandling } from "@/lib/organization/handling";
import { handlingSchema } from "@/lib/organization/handling-schema";
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

export const updateHandlingAction = staffAction("settings.manage", handlingSchema(handlingDefaults()), async (input, admin) => {
  const { changes } = await updateHandling(db, input, admin, now());
  // Public pages say how long links work and when an unconfirmed request closes.
  revalidatePath("/", "layout");
  return { changed: changes.map((c) => c.field) };
});

export const updateAccentAction = staffAction("settings.manage", AccentSchema, async (input, admin) => {
  const result = await updateAccentColor(db, input, admin, now());
  // Every public page's buttons and links wear it.
  if (result.changed) revalidatePath("/", "layout");
  return result;
});

export const removeLogoAction = staffAction("settings.manage", z.object({}), async (_, admin) => {
  const result = await removeLogo(db, admin, now());
  if (result.removed) revalidatePath("/", "layout");
  return result;
});
