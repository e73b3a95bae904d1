"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { addCollection, addField, removeCollection, removeField, saveHttpCollection, updateCollection, updateField } from "@/lib/datamap/collections";
import { applyDiscovery } from "@/lib/datamap/discover";
import { importDataMap } from "@/lib/datamap/import";
import {
  AddCollectionSchema,
  AddFieldSchema,
  AutoRunSchema,
  CollectionIdSchema,
  ConnectionFormSchema,
  connectionSchemaFor,
  DiscoverySelectionSchema,
  FieldIdSchema,
  HttpCollectionFormSchema,
  ImportSchema,
  SystemIdSchema,
  SystemSchema,
  UpdateCollectionSchema,
  UpdateFieldSchema,
  UpdateSystemSchema,
} from "@/lib/datamap/schema";
import { clearSecret, createSystem, deleteSystem, saveConnection, setAutoRunTypes, updateSystem } from "@/lib/datamap/systems";
import { testSystemConnection } from "@/lib/datamap/test-connection";
import { ErasureApprovalSchema, setErasureSecondApprover } from "@/lib/erasure/settings";
import { DomainError } from "@/lib/actions/domain-error";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { createQuestion, QuestionInputSchema, setQuestionActive } from "@/lib/verification/identity/questions";
import { formAction, formInput, toFormState, typedValues, type FormState } from "./form-state";

// Thin: parse, authorize (staffAction, and mapWrite again in the domain), call the domain, refresh.

const BASE = "/admin/data-map";
function refresh(systemId?: string) {
  revalidatePath(BASE);
  if (systemId) revalidatePath(`${BASE}/${systemId}`);
}
const saved = (what: string) => (r: { changed: boolean }) => (r.changed ? `${what} saved.` : "Nothing had changed, so nothing was saved.");

const create = formAction("datamap.manage", SystemSchema, (input, staff) => createSystem(input, staff), () => "System added.");
export async function createSystemAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await create(formData);
  if (!result.ok) return state;
  refresh();
  redirect(`${BASE}/${result.data.id}`);
}

const update = formAction("datamap.manage", UpdateSystemSchema, async ({ systemId, ...input }, staff) => ({ ...(await updateSystem(systemId, input, staff)), systemId }), saved("System details"));
export async function updateSystemAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await update(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const remove = formAction("datamap.manage", SystemIdSchema, ({ systemId }, staff) => deleteSystem(systemId, staff), () => "System removed.");
export async function deleteSystemAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await remove(formData);
  if (!result.ok) return state;
  refresh();
  redirect(BASE);
}

/** The connection form: the settings are parsed with the schema of the system's kind. */
const connection = staffAction("datamap.manage", ConnectionFormSchema.loose(), async ({ systemId, secret, ...rest }, staff) => {
  const system = await db.dataSystem.findUnique({ where: { id: systemId }, select: { kind: true } });
  if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
  const schema = connectionSchemaFor(system.kind);
  if (!schema) throw new DomainError("MANUAL_HAS_NO_CONNECTION", "A manual system has no connection: its owner is emailed a task.");
  const parsed = schema.safeParse(rest);
  if (!parsed.success) return { invalid: parsed.error };
  return { ...(await saveConnection(systemId, parsed.data, secret, staff)), systemId, secretSet: secret !== null };
});
export async function saveConnectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const result = await connection(formInput(formData) as never);
  if (result.ok && "invalid" in result.data) {
    return toFormState({ ok: false, fieldErrors: fieldErrorsFrom(result.data.invalid as z.ZodError) }, formData, () => "");
  }
  if (result.ok && "systemId" in result.data) refresh(result.data.systemId);
  return toFormState(result, formData, (data) =>
    "changed" in data && data.changed ? (data.secretSet ? "Connection settings saved; the new secret is stored sealed." : "Connection settings saved.") : "Nothing had changed, so nothing was saved.",
  );
}

const clear = formAction("datamap.manage", SystemIdSchema, async ({ systemId }, staff) => (await clearSecret(systemId, staff), systemId), () => "The stored secret was removed.");
export async function clearSecretAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await clear(formData);
  if (result.ok) refresh(result.data);
  return state;
}

const test = formAction("datamap.manage", SystemIdSchema, async ({ systemId }, staff) => ({ report: await testSystemConnection(systemId, staff), systemId }), ({ report }) =>
  report.ok ? "The connection works and every mapped table and column exists." : report.reachable ? "The system answered, but the map does not match it: see the report." : `The system could not be reached: ${report.error ?? "no answer"}`,
);
export async function testConnectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await test(formData);
  if (!result.ok) return state;
  refresh(result.data.systemId);
  // The test ran; a failing report is still shown as a failure.
  return { ...state, ok: result.data.report.ok };
}

const addC = formAction("datamap.manage", AddCollectionSchema, async ({ systemId, ...input }, staff) => ({ ...(await addCollection(systemId, input, staff)), systemId }), () => "Collection added.");
export async function addCollectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await addC(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const updateC = formAction("datamap.manage", UpdateCollectionSchema, ({ collectionId, ...input }, staff) => updateCollection(collectionId, input, staff), saved("Collection"));
export async function updateCollectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await updateC(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const httpC = formAction("datamap.manage", HttpCollectionFormSchema, ({ collectionId, ...http }, staff) => saveHttpCollection(collectionId, http, staff), saved("Request settings"));
export async function saveHttpCollectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await httpC(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const removeC = formAction("datamap.manage", CollectionIdSchema, ({ collectionId }, staff) => removeCollection(collectionId, staff), () => "Collection removed.");
export async function removeCollectionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await removeC(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const addF = formAction("datamap.manage", AddFieldSchema, ({ collectionId, ...input }, staff) => addField(collectionId, input, staff), () => "Field added.");
export async function addFieldAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await addF(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const updateF = formAction("datamap.manage", UpdateFieldSchema, ({ fieldId, ...input }, staff) => updateField(fieldId, input, staff), saved("Field"));
export async function updateFieldAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await updateF(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const removeF = formAction("datamap.manage", FieldIdSchema, ({ fieldId }, staff) => removeField(fieldId, staff), () => "Field removed.");
export async function removeFieldAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await removeF(formData);
  if (result.ok) refresh(result.data.systemId);
  return state;
}

const autoRun = formAction("datamap.manage", AutoRunSchema, ({ autoRunTypes }, staff) => setAutoRunTypes(autoRunTypes, staff), saved("Automatic runs"));
const erasureApproval = formAction("datamap.manage", ErasureApprovalSchema, ({ erasureSecondApprover }, staff) => setErasureSecondApprover(erasureSecondApprover, staff), saved("Erasure approval"));
export async function setErasureApprovalAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await erasureApproval(formData);
  if (result.ok) refresh();
  return state;
}

export async function setAutoRunAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await autoRun(formData);
  if (result.ok) refresh();
  return state;
}

/**
 * Discover's confirmation. Each proposed column posts "col" = "table.column" when ticked, and
 * beside it "cat:table.column" (ticked categories), "identity:…", "pk:…" and "ref:…".
 */
export async function applyDiscoveryAction(_: FormState, formData: FormData): Promise<FormState> {
  const columns = formData.getAll("col").map((value) => {
    const name = String(value);
    const [collection, field] = name.split(".");
    return {
      collection,
      name: field,
      primaryKey: formData.get(`pk:${name}`) === "on",
      categories: formData.getAll(`cat:${name}`).map(String),
      identity: formData.get(`identity:${name}`) ?? null,
      references: (formData.get(`ref:${name}`) as string | null) || null,
    };
  });
  const input = new FormData();
  const systemId = String(formData.get("systemId") ?? "");
  const run = staffAction("datamap.manage", DiscoverySelectionSchema, (selection, staff) => applyDiscovery(selection, staff));
  const result = await run({ systemId, columns } as never);
  if (result.ok) refresh(systemId);
  return toFormState(result, input, (r) =>
    `${r.fieldsAdded} ${r.fieldsAdded === 1 ? "field" : "fields"} added${r.collectionsAdded ? ` in ${r.collectionsAdded} new ${r.collectionsAdded === 1 ? "collection" : "collections"}` : ""}${r.skipped ? `; ${r.skipped} already mapped, left as they are` : ""}.`,
  );
}

const importRun = staffAction("datamap.manage", ImportSchema, ({ yaml, defaultOwnerEmail, defaultKind, defaultPurpose }, staff) =>
  importDataMap(yaml, { ownerEmail: defaultOwnerEmail, kind: defaultKind, purpose: defaultPurpose }, staff),
);
export async function importAction(_: FormState, formData: FormData): Promise<FormState> {
  const file = formData.get("file");
  const pasted = formData.get("yaml");
  const yaml = file instanceof File && file.size > 0 ? await file.text() : typeof pasted === "string" ? pasted : "";
  const input = { ...formInput(formData), yaml };
  delete (input as Record<string, unknown>).file;
  const result = await importRun(input as never);
  if (result.ok && !result.data.ok) {
    const problems = result.data.problems;
    return {
      ok: false,
      message: `Nothing was imported: the file has ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}.`,
      details: problems.map((p) => `${p.line ? `Line ${p.line}, ` : ""}${p.where}: ${p.message}`),
      values: typedValues(formData),
    };
  }
  if (result.ok && result.data.ok) {
    refresh();
    const c = result.data.counts;
    return {
      ok: true,
      message: `Imported: ${c.systemsCreated} ${c.systemsCreated === 1 ? "system" : "systems"} added, ${c.systemsUpdated} updated; ${c.collections} collections and ${c.fields} fields in them; ${c.references} references.${c.collectionsRemoved || c.fieldsRemoved ? ` Removed what the file no longer lists: ${c.collectionsRemoved} collections, ${c.fieldsRemoved} fields.` : ""}`,
    };
  }
  return toFormState(result as never, formData, () => "");
}

// --- Verification questions (lib/verification/identity/questions.ts) ---------------------------

const QUESTIONS_PAGE = `${BASE}/verification`;
const addQuestion = formAction("datamap.manage", QuestionInputSchema, (input, staff) => createQuestion(input, staff), () => "Question added. It is asked from the next request of those types on.");
const QuestionActive = z.object({ questionId: z.uuid(), active: z.enum(["true", "false"]) });
const toggleQuestion = formAction(
  "datamap.manage",
  QuestionActive,
  async ({ questionId, active }, staff) => (await setQuestionActive(questionId, active === "true", staff), active === "true"),
  (active) => (active ? "Question brought back." : "Question retired: it is no longer asked."),
);

export async function addQuestionAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await addQuestion(formData);
  if (result.ok) revalidatePath(QUESTIONS_PAGE);
  return state;
}

export async function setQuestionActiveAction(_: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await toggleQuestion(formData);
  if (result.ok) revalidatePath(QUESTIONS_PAGE);
  return state;
}
