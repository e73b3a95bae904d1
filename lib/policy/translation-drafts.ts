import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { parsePolicySections } from "@/lib/policy/content";
import { SaveDraftSchema, VERSION_NAME, type SaveDraftInput } from "@/lib/policy/draft-schema";
import { audit, lockDraft, mayManage } from "@/lib/policy/drafts";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { checkTranslationPublishable } from "@/lib/policy/publish-check";

// A published version in another language: a draft that starts from the version's own text, is
// written and saved like any draft (drafts.ts), then published as the version's translation into
// its language, frozen like the version (a trigger refuses any change or removal). One per
// language; never in the version's own. Each step is in settings_events (area "policy").

export const StartTranslationSchema = z.object({ version: z.string().regex(VERSION_NAME), language: z.enum(LOCALES) });
export type StartTranslationInput = z.input<typeof StartTranslationSchema>;

async function refuseTaken(tx: Prisma.TransactionClient, version: { id: string; version: string; language: string }, language: Locale) {
  if (version.language === language) {
    throw new DomainError("TRANSLATION_SAME_LANGUAGE", `Version ${version.version} is written in that language already: choose another language to translate it into.`);
  }
  const existing = await tx.policyTranslation.findUnique({ where: { policyVersionId_language: { policyVersionId: version.id, language } }, select: { id: true } });
  if (existing) {
    throw new DomainError("TRANSLATION_EXISTS", `Version ${version.version} is published in that language already, and a published translation cannot be changed: a correction is a new version, translated again.`);
  }
}

/** A draft of `version` in `language`, prefilled with the version's own title, summary and text. */
export async function startTranslation(db: Db, input: StartTranslationInput, admin: StaffUser, now = new Date()): Promise<{ id: string }> {
  mayManage(admin);
  const { version: name, language } = StartTranslationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const version = await tx.policyVersion.findFirst({
      where: { version: name, publishedAt: { not: null } },
      select: { id: true, version: true, language: true, title: true, summary: true, sections: true, changeSummary: true },
    });
    if (!version) throw new DomainError("VERSION_NOT_FOUND", `There is no published version “${name}” to translate.`);
    await refuseTaken(tx, version, language);
    const draft = await tx.policyDraft.create({
      data: {
        title: version.title,
        summary: version.summary,
        markdown: sectionsToMarkdown(parsePolicySections(version.sections)),
        changeSummary: version.changeSummary,
        language,
        translationOfId: version.id,
        createdById: admin.id,
        updatedById: admin.id,
      },
      select: { id: true },
    });
    await audit(tx, admin, "policy.translation_started", { draftId: draft.id, version: version.version, language }, now);
    return draft;
  });
}

/**
 * Publishes a translation draft as edited: the same checks as a version's text (publish-check.ts)
 * and the version's section anchors; then, in one transaction, adds the translation and removes
 * the draft. A refusal changes nothing.
 */
export async function publishTranslation(db: Db, input: SaveDraftInput, admin: StaffUser, now = new Date()): Promise<{ version: string; language: Locale }> {
  mayManage(admin);
  const { draftId, baseUpdatedAt, ...values } = SaveDraftSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const draft = await lockDraft(tx, draftId, baseUpdatedAt);
      if (!draft.translationOfId) throw new DomainError("NOT_A_TRANSLATION", "This draft is not a translation: publish it as a new version.");
      const language = z.enum(LOCALES).parse(draft.language);
      const version = await tx.policyVersion.findUniqueOrThrow({ where: { id: draft.translationOfId }, select: { id: true, version: true, language: true, sections: true } });
      await refuseTaken(tx, version, language);
      const text = checkTranslationPublishable(values, parsePolicySections(version.sections));
      await tx.policyTranslation.create({
        data: { policyVersionId: version.id, language, ...text, publishedById: admin.id, publishedAt: now },
      });
      await tx.policyDraft.delete({ where: { id: draftId } });
      await audit(tx, admin, "policy.translation_published", { draftId, version: version.version, language, title: text.title }, now);
      return { version: version.version, language };
    });
  } catch (error) {
    // Two admins publishing the same language at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("TRANSLATION_EXISTS", "Someone published this version in that language a moment ago, and a published translation cannot be changed.");
    }
    throw error;
  }
}
