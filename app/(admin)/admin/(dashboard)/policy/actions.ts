"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { PublishDraftSchema, SaveDraftSchema, VERSION_NAME } from "@/lib/policy/draft-schema";
import { createDraft, deleteDraft, publishDraft, saveDraft } from "@/lib/policy/drafts";
import { publishTranslation, startTranslation, StartTranslationSchema, type StartTranslationInput } from "@/lib/policy/translation-drafts";

// Thin: parse, authorize (staffAction: admins only), call the domain, refresh what shows it.

const BASE = "/admin/policy";

const create = staffAction("policy.manage", z.object({ from: z.string().regex(VERSION_NAME).nullable() }), ({ from }, admin) => createDraft(db, from ? { version: from } : null, admin, now()));

/** "New draft" buttons: plain forms, so they work before the page's script has loaded. */
export async function newDraftForm(form: FormData) {
  const from = form.get("from");
  const result = await create({ from: typeof from === "string" && from ? from : null });
  if (!result.ok) redirect(`${BASE}?${new URLSearchParams({ error: result.code ?? "INTERNAL" })}`);
  revalidatePath(BASE);
  redirect(`${BASE}/drafts/${result.data.id}`);
}

const translate = staffAction("policy.manage", StartTranslationSchema, (input, admin) => startTranslation(db, input, admin, now()));

/** "Translate" on a published version: a plain form, like "New draft". */
export async function translateVersionForm(form: FormData) {
  const result = await translate({ version: String(form.get("version") ?? ""), language: String(form.get("language") ?? "") as StartTranslationInput["language"] });
  if (!result.ok) redirect(`${BASE}?${new URLSearchParams({ error: result.code ?? "INTERNAL" })}`);
  revalidatePath(BASE);
  redirect(`${BASE}/drafts/${result.data.id}`);
}

export const publishTranslationAction = staffAction("policy.manage", SaveDraftSchema, async (input, admin) => {
  const published = await publishTranslation(db, input, admin, now());
  revalidatePath("/", "layout");
  return published;
});

export const saveDraftAction = staffAction("policy.manage", SaveDraftSchema, async (input, admin) => {
  const { changes, updatedAt } = await saveDraft(db, input, admin, now());
  revalidatePath(BASE);
  return { changed: changes.map((c) => c.field), updatedAt: updatedAt.toISOString() };
});

export const publishDraftAction = staffAction("policy.manage", PublishDraftSchema, async (input, admin) => {
  const published = await publishDraft(db, input, admin, now());
  // The policy, its versions and every page whose footer links it.
  revalidatePath("/", "layout");
  return published;
});

export const deleteDraftAction = staffAction("policy.manage", z.object({ draftId: z.uuid() }), async ({ draftId }, admin) => {
  await deleteDraft(db, draftId, admin, now());
  revalidatePath(BASE);
  return null;
});
