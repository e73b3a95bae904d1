import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { parsePolicySections, type Policy } from "@/lib/policy/content";
import { chooseText, type ReaderPolicy } from "@/lib/policy/reader-text";

/**
 * The version as a reader of `locale` reads it: in that language when the version is written in it
 * or has a published translation into it, else in its own language with `fallback`.
 */
export async function policyForReader(policy: Policy, locale: Locale): Promise<ReaderPolicy> {
  if (policy.language === locale) return chooseText(policy, null, locale);
  const row = await db.policyTranslation.findUnique({
    where: { policyVersionId_language: { policyVersionId: policy.id, language: locale } },
    select: { title: true, summary: true, sections: true, changeSummary: true },
  });
  return chooseText(policy, row ? { ...row, sections: parsePolicySections(row.sections), language: locale } : null, locale);
}
