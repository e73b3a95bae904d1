import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { recordMapEvent } from "@/lib/datamap/events";
import { loadDataMap } from "@/lib/datamap/load";
import { mapWrite } from "@/lib/datamap/write";
import type { AnswerKind, AnswerMatching, RequestType } from "@/lib/generated/prisma/enums";
import { REQUEST_TYPES } from "@/lib/requests/schema";
import { fieldHome } from "@/lib/verification/identity/lookup";

// The questions of the higher standard of verification, as admins configure them beside the data
// map they are checked against. Every change is in the data map's audit trail.

/** Types a question may apply to: an opt-out never needs verification (11 CCR 7026). */
export const QUESTION_TYPES = REQUEST_TYPES.filter((t) => t !== "OPT_OUT_SALE");

export const QuestionInputSchema = z
  .object({
    prompt: z.string().trim().min(1, "Write the question").max(300, "Keep the question under 300 characters"),
    hint: z
      .string()
      .trim()
      .max(300, "Keep the hint under 300 characters")
      .optional()
      .transform((v) => v || null),
    answerKind: z.enum(["TEXT", "MONTH"], { error: "Choose how it is answered" }),
    requestTypes: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(QUESTION_TYPES as [string, ...string[]], { error: "Choose request types from the list" })).min(1, "Choose at least one request type")),
    fieldId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid("Choose a field from the list").nullable()),
    matching: z.enum(["EXACT", "SAME_MONTH", "SAME_DIGITS"], { error: "Choose how answers are compared" }),
  })
  .superRefine((q, ctx) => {
    if (q.fieldId && q.requestTypes.includes("CORRECTION")) {
      ctx.addIssue({
        code: "custom",
        path: ["fieldId"],
        message: "A correction is never verified with data the person may be contesting (CCPA 11 CCR 7060): leave the field empty for the officer to judge, or leave corrections out.",
      });
    }
    if (q.fieldId && (q.answerKind === "MONTH") !== (q.matching === "SAME_MONTH")) {
      ctx.addIssue({ code: "custom", path: ["matching"], message: "A month is compared as the same month, and only a month question is." });
    }
  });
export type QuestionInput = z.input<typeof QuestionInputSchema>;
export type Question = z.output<typeof QuestionInputSchema>;

export type QuestionRow = {
  id: string;
  prompt: string;
  hint: string | null;
  answerKind: AnswerKind;
  requestTypes: RequestType[];
  matching: AnswerMatching;
  active: boolean;
  /** "System › collection.field", or null for questions the officer judges. */
  checkedAgainst: string | null;
};

/** Every question, active first (tens at most). */
export async function listQuestions(): Promise<QuestionRow[]> {
  const rows = await db.verificationQuestion.findMany({
    include: { field: { select: { name: true, collection: { select: { name: true, system: { select: { name: true } } } } } } },
    orderBy: [{ active: "desc" }, { position: "asc" }, { createdAt: "asc" }],
    take: 100,
  });
  return rows.map(({ field, fieldId: _, createdAt: __, updatedAt: ___, position: ____, ...q }) => ({
    ...q,
    checkedAgainst: field ? `${field.collection.system.name} › ${field.collection.name}.${field.name}` : null,
  }));
}

/** The mapped fields an answer can be compared with: in a collection found by email, in a system with a connector. */
export async function comparableFields(): Promise<{ value: string; label: string }[]> {
  const fields: { value: string; label: string }[] = [];
  for (const system of await loadDataMap(db)) {
    for (const collection of system.collections) {
      for (const field of collection.fields) {
        if (field.identity || !fieldHome(system, field.id)) continue;
        fields.push({ value: field.id, label: `${system.name} › ${collection.name}.${field.name}` });
      }
    }
  }
  return fields;
}

/** Adds a question (already parsed by QuestionInputSchema, as the form's action does). */
export async function createQuestion(q: Question, actor: StaffUser): Promise<{ questionId: string }> {
  if (q.fieldId && !(await comparableFields()).some((f) => f.value === q.fieldId)) {
    throw new DomainError("FIELD_NOT_COMPARABLE", "That field cannot be compared: its collection must be found by an email identity, in a system with a connector.");
  }
  return mapWrite(actor, async (tx) => {
    const last = await tx.verificationQuestion.aggregate({ _max: { position: true } });
    const created = await tx.verificationQuestion.create({
      data: {
        prompt: q.prompt,
        hint: q.hint,
        answerKind: q.answerKind,
        requestTypes: q.requestTypes as RequestType[],
        fieldId: q.fieldId,
        matching: q.fieldId ? q.matching : "EXACT",
        position: (last._max.position ?? 0) + 1,
      },
      select: { id: true },
    });
    await recordMapEvent(tx, {
      systemId: null,
      actor,
      action: "verification_question.created",
      data: { questionId: created.id, prompt: q.prompt, requestTypes: q.requestTypes, fieldId: q.fieldId, matching: q.matching },
    });
    return { questionId: created.id };
  });
}

/** Retires or brings back a question; its past answers stay with their requests. */
export async function setQuestionActive(questionId: string, active: boolean, actor: StaffUser): Promise<void> {
  await mapWrite(actor, async (tx) => {
    const changed = await tx.verificationQuestion.updateMany({ where: { id: questionId, active: !active }, data: { active } });
    if (changed.count === 0) throw new DomainError("NOT_FOUND", active ? "That question is active already, or gone." : "That question is retired already, or gone.");
    await recordMapEvent(tx, { systemId: null, actor, action: active ? "verification_question.activated" : "verification_question.deactivated", data: { questionId } });
  });
}
