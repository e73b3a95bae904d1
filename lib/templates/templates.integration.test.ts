import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/actions/domain-error";
import { AuthorizationError } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { createTemplate, deleteTemplate, listTemplates, TemplateSchema, updateTemplate } from "@/lib/templates/templates";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

describe("saved texts", () => {
  it("are an admin's to add, change and remove, one title per action, each change on the admin's trail", async () => {
    const admin = await createStaff("ADMIN");
    const officer = await createStaff("OFFICER");
    const input = TemplateSchema.parse({ action: "ASK_FOR_INFORMATION", title: "Which workspace?", body: "Which workspace is {{reference}} about?" });
    await expect(createTemplate(db, input, officer)).rejects.toBeInstanceOf(AuthorizationError);
    const { id } = await createTemplate(db, input, admin);
    await expect(createTemplate(db, input, admin)).rejects.toMatchObject({ code: "TEMPLATE_EXISTS" });
    // The same title for another action is another text.
    await createTemplate(db, { ...input, action: "DENY" }, admin);
    await updateTemplate(db, id, { ...input, body: "Which workspace or company is {{reference}} about?" }, admin);
    expect((await listTemplates(db)).filter((t) => t.title === "Which workspace?").map((t) => [t.action, t.body])).toEqual([
      ["ASK_FOR_INFORMATION", "Which workspace or company is {{reference}} about?"],
      ["DENY", "Which workspace is {{reference}} about?"],
    ]);
    await deleteTemplate(db, id, admin);
    await expect(deleteTemplate(db, id, admin)).rejects.toBeInstanceOf(DomainError);
    expect((await db.staffEvent.findMany({ where: { staffId: admin.id }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action)).toEqual([
      "template.created",
      "template.created",
      "template.updated",
      "template.deleted",
    ]);
  });

  it("refuses a text with a placeholder the portal does not know, naming it and the ones it knows", () => {
    const parsed = TemplateSchema.safeParse({ action: "EXTEND", title: "Busy", body: "Dear {{name}}" });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["body"], message: expect.stringMatching(/^Unknown placeholder \{\{name\}\}: use \{\{requesterName\}\}, \{\{reference\}\}/) });
  });
});
