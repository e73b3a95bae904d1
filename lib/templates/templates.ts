import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { ResponseAction } from "@/lib/generated/prisma/enums";
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from "@/lib/templates/fill";

// Saved response texts (issue 13): per action (ask for information, extend, deny, complete) a
// list admins manage, which officers start from on the request page. Each change is on the admin's
// own staff trail, with the template's action and title.

export const RESPONSE_ACTIONS = Object.values(ResponseAction);

export const ACTION_LABELS: Record<ResponseAction, string> = {
  ASK_FOR_INFORMATION: "Ask the requester for more information",
  EXTEND: "Extend the deadline",
  DENY: "Deny",
  COMPLETE: "Complete",
};

export const TemplateSchema = z
  .object({
    action: z.enum(ResponseAction, { error: "Choose the action the text is for" }),
    title: z.string().trim().min(1, "Give the text a title").max(100, "Keep the title under 100 characters"),
    body: z.string().trim().min(1, "Write the text").max(5000, "Keep the text under 5000 characters"),
  })
  .superRefine((input, ctx) => {
    const unknown = unknownPlaceholders(input.body);
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(", ")}: use ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
      });
    }
  });
export type TemplateInput = z.output<typeof TemplateSchema>;

function assertAdmin(actor: StaffUser): void {
  if (!allows(actor, "settings.manage")) throw new AuthorizationError("FORBIDDEN");
}

export type SavedTemplate = { id: string; action: ResponseAction; title: string; body: string };

/** Every saved text, by action then title (tens, managed by hand). */
export async function listTemplates(db: Db): Promise<SavedTemplate[]> {
  return db.responseTemplate.findMany({ orderBy: [{ action: "asc" }, { title: "asc" }], select: { id: true, action: true, title: true, body: true }, take: 500 });
}

async function audit(db: Pick<Db, "staffEvent">, actor: StaffUser, action: string, t: { action: ResponseAction; title: string }) {
  await db.staffEvent.create({ data: { staffId: actor.id, actorId: actor.id, action, data: { templateAction: t.action, title: t.title } } });
}

const taken = () => new DomainError("TEMPLATE_EXISTS", "That action already has a text with this title. Choose another title.");

export async function createTemplate(db: Db, input: TemplateInput, actor: StaffUser): Promise<{ id: string }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    if (await tx.responseTemplate.findUnique({ where: { action_title: { action: input.action, title: input.title } }, select: { id: true } })) throw taken();
    const { id } = await tx.responseTemplate.create({ data: input, select: { id: true } });
    await audit(tx, actor, "template.created", input);
    return { id };
  });
}

export async function updateTemplate(db: Db, id: string, input: TemplateInput, actor: StaffUser): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const other = await tx.responseTemplate.findUnique({ where: { action_title: { action: input.action, title: input.title } }, select: { id: true } });
    if (other && other.id !== id) throw taken();
    const { count } = await tx.responseTemplate.updateMany({ where: { id }, data: input });
    if (!count) throw new DomainError("TEMPLATE_NOT_FOUND", "That text no longer exists.");
    await audit(tx, actor, "template.updated", input);
  });
}

export async function deleteTemplate(db: Db, id: string, actor: StaffUser): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const found = await tx.responseTemplate.findUnique({ where: { id }, select: { action: true, title: true } });
    if (!found) throw new DomainError("TEMPLATE_NOT_FOUND", "That text no longer exists.");
    await tx.responseTemplate.delete({ where: { id } });
    await audit(tx, actor, "template.deleted", found);
  });
}
