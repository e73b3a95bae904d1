"use server";

import { redirect, RedirectType } from "next/navigation";
import { wakeJobWorker } from "@/lib/jobs/worker";
import { logError } from "@/lib/log";
import { verifyLinkPath } from "@/lib/verification/challenge";
import { LINK_TOKEN_PATTERN } from "@/lib/verification/link-view";
import { verifyByLink } from "@/lib/verification/verify";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";

/**
 * The link page's one button, a plain form post so it works without JavaScript. Success opens
 * the status page; any refusal goes back to the link page, which shows where the request stands
 * (already confirmed, expired, replaced by a newer email).
 */
export async function confirmLinkAction(formData: FormData): Promise<void> {
  const field = formData.get("token");
  const token = typeof field === "string" ? field : "";
  // Both ways out keep the language the page was read in.
  const locale = await readerLocale();
  const linkPage = localePath(locale, verifyLinkPath(encodeURIComponent(token)));
  let target = linkPage;
  try {
    const result = LINK_TOKEN_PATTERN.test(token) ? await verifyByLink(token) : null;
    if (result?.ok) {
      target = `${localePath(locale, result.statusPath)}?confirmed=1`;
      // A run may start by itself for this request type: the due pass does it now (lib/fulfillment/sweep.ts).
      wakeJobWorker();
    }
  } catch (error) {
    logError("verification.link_failed", error);
    target = `${linkPage}?failed=1`;
  }
  redirect(target, RedirectType.replace);
}
