"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { createTemplate, deleteTemplate, TemplateSchema, updateTemplate } from "@/lib/templates/templates";
import { formAction, type FormState } from "../data-map/form-state";

// The saved texts' forms (admins): the data map's form kit, so a refused form keeps what was typed
// and marks the field; the list refreshes after each change.

const create = formAction("settings.manage", TemplateSchema, (input, staff) => createTemplate(db, input, staff), () => "Text saved.");
const update = formAction("settings.manage", TemplateSchema.and(z.object({ templateId: z.uuid() })), ({ templateId, ...input }, staff) => updateTemplate(db, templateId, input, staff), () => "Text saved.");
const remove = formAction("settings.manage", z.object({ templateId: z.uuid() }), ({ templateId }, staff) => deleteTemplate(db, templateId, staff), () => "Text removed.");

async function run(action: typeof create | typeof update | typeof remove, formData: FormData): Promise<FormState> {
  const { state, result } = await action(formData);
  if (result.ok) revalidatePath("/admin/templates");
  return state;
}

export async function createTemplateAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(create, formData);
}
export async function updateTemplateAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(update, formData);
}
export async function deleteTemplateAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(remove, formData);
}
