"use server";

import { redirect, RedirectType } from "next/navigation";
import { wakeJobWorker } from "@/lib/jobs/worker";
import { logError } from "@/lib/log";
import { decideAsSubject } from "@/lib/representation/subject";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";

/**
 * The consumer's answer, a plain form post so it works without JavaScript. A confirmation opens
 * their own status page; a refusal, the page that says the request is closed; a link that no
 * longer works, its page again (which answers 404).
 */
export async function decideAsSubjectAction(formData: FormData): Promise<void> {
  const field = formData.get("token");
  const token = typeof field === "string" ? field : "";
  const decision = formData.get("decision") === "REFUSE" ? "REFUSE" : "CONFIRM";
  // Every way out keeps the language the page was read in.
  const locale = await readerLocale();
  const page = localePath(locale, `/requests/confirm/${encodeURIComponent(token)}`);
  let target = page;
  try {
    const outcome = await decideAsSubject(token, decision);
    if (outcome.ok) {
      target = outcome.statusPath ? `${localePath(locale, outcome.statusPath)}?subjectConfirmed=1` : localePath(locale, "/requests/confirm/closed");
      // A run may start by itself once the request is verified (lib/fulfillment/sweep.ts).
      if (outcome.decision === "CONFIRM") wakeJobWorker();
    }
  } catch (error) {
    logError("representation.subject_decision_failed", error);
    target = `${page}?failed=1`;
  }
  redirect(target, RedirectType.replace);
}
