"use server";

import { redirect, RedirectType } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DomainError } from "@/lib/actions/domain-error";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { startWorkspaceExportRun } from "@/lib/fulfillment/package/workspace-export";
import { FORMAT_LOCALES } from "@/lib/i18n/locales";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { logError } from "@/lib/log";
import { CloseReferralSchema, REFERRAL_NOTE_MAX } from "@/lib/referrals/close-schema";
import { acknowledgeReferral, closeReferral, requestWorkspaceExport } from "@/lib/referrals/customer";
import { referralPath } from "@/lib/referrals/refer";
import { approveWorkspaceErasure, cancelWorkspaceErasure, startWorkspaceErasure } from "@/lib/referrals/workspace-erasure";
import { isWorkspaceErasureRefusal } from "@/lib/referrals/workspace-erasure-words";
import { HANDLING_ERRORS } from "@/lib/requests/lifecycle";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/text/control-characters";
import type { CloseFormState, Done } from "./page-state";

// The customer's answers to a referral, and its instructions to erase in its workspace. The link is the only credential, so each action
// takes the token from the form and the domain checks it; nothing personal goes to the logs.
// Success redirects to the page with ?done=..., which renders the confirmation itself, in the
// language the page was read in.

function tokenFrom(formData: FormData): string {
  const token = formData.get("token");
  return typeof token === "string" ? token : "";
}

async function pageFor(token: string, query: string): Promise<string> {
  return `${await localeHref(referralPath(encodeURIComponent(token)))}${query}`;
}

/**
 * The close form's errors in the reader's language. The schema and closeReferral word them in
 * English (tests and jobs read those); each English message maps to its translation here.
 */
async function closeErrorsIn(fieldErrors: Record<string, string>): Promise<Record<string, string>> {
  const [t, locale] = await Promise.all([getTranslations("referral.close.errors"), readerLocale()]);
  const max = new Intl.NumberFormat(FORMAT_LOCALES[locale]).format(REFERRAL_NOTE_MAX);
  const words: Record<string, string> = {
    [HANDLING_ERRORS.REFERRAL_NOTE_REQUIRED]: t("noteRequired"),
    [HANDLING_ERRORS.REFERRAL_NOTE_TOO_LONG]: t("noteTooLong", { max }),
    [CONTROL_CHARACTER_MESSAGE]: t("controlCharacter"),
  };
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [field, field === "outcome" ? t("outcome") : (words[message] ?? message)]),
  );
}

/**
 * Runs a domain call for a button. A refusal that the link was revoked, or the referral closed in
 * the meantime, needs no words here: the page itself then shows that the link no longer works or
 * that the request is closed. An erasure's refusal comes back as ?refused=CODE, which the page words.
 */
async function attempt(token: string, run: () => Promise<unknown>, done: Done, event: string): Promise<never> {
  let query = `?done=${done}`;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof DomainError)) logError(event, error);
    query = error instanceof DomainError ? (isWorkspaceErasureRefusal(error.code) ? `?refused=${error.code}` : "") : "?failed=1";
  }
  redirect(await pageFor(token, query), RedirectType.replace);
}

function runIdFrom(formData: FormData): string {
  const runId = formData.get("runId");
  return typeof runId === "string" ? runId : "";
}

export async function acknowledgeAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await attempt(token, () => acknowledgeReferral(token), "acknowledged", "referral.acknowledge_failed");
}

export async function requestExportAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await attempt(
    token,
    async () => {
      const asked = await requestWorkspaceExport(token);
      // When the data map describes workspace content, the portal finds it and sends the export
      // itself; otherwise (and should the run fail) an officer uploads it, as before.
      if (asked) await startWorkspaceExportRun(db, asked);
    },
    "export",
    "referral.export_request_failed",
  );
}

/** The customer asks us to find the requester's data in its workspace, to erase it once it approves. */
export async function findWorkspaceDataAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await attempt(token, () => startWorkspaceErasure(token), "erasure-started", "referral.erasure_start_failed");
}

export async function approveWorkspaceErasureAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await attempt(token, () => approveWorkspaceErasure(token, runIdFrom(formData)), "erasure-approved", "referral.erasure_approve_failed");
}

export async function cancelWorkspaceErasureAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await attempt(token, () => cancelWorkspaceErasure(token, runIdFrom(formData)), "erasure-cancelled", "referral.erasure_cancel_failed");
}

/** Closes the customer's part; bad input comes back to the form and changes nothing. */
export async function closeAction(_previous: CloseFormState, formData: FormData): Promise<CloseFormState> {
  const token = tokenFrom(formData);
  const values = { outcome: String(formData.get("outcome") ?? ""), note: String(formData.get("note") ?? "") };
  const parsed = CloseReferralSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: await closeErrorsIn(fieldErrorsFrom(parsed.error)) };
  try {
    await closeReferral(token, parsed.data.outcome, parsed.data.note);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "REFERRAL_NOTE_REQUIRED" || error.code === "REFERRAL_NOTE_TOO_LONG") {
        return { values, fieldErrors: await closeErrorsIn({ note: error.message }) };
      }
      redirect(await pageFor(token, ""), RedirectType.replace);
    }
    logError("referral.close_failed", error);
    return { values, formError: (await getTranslations("referral"))("problem") };
  }
  redirect(await pageFor(token, `?done=${parsed.data.outcome === "COMPLETED" ? "completed" : "refused"}`), RedirectType.replace);
}
